// Marks of the audit chain kept outside the database. The chain alone finds an event edited or
// removed in the middle, but not a log cut short, cleared, or rewritten with fresh hashes from
// start to end. So each export, backup and work package notes where the chain stood (how many
// events, the last hash) in the browser's local storage, beside the database rather than in it,
// and the audit check compares the chain with every mark it knows. On the desktop the main
// process also keeps the latest head in a file in the app data folder (audit-head-file.ts).
import { z } from 'zod';
import type { SohoaDatabase } from './database';

export const anchorReasons = ['export', 'backup', 'package', 'restore', 'file'] as const;
export type AnchorReason = (typeof anchorReasons)[number];

const anchorSchema = z.object({
  /** Events in the chain when the mark was taken. */
  count: z.number().int().nonnegative(),
  /** Hash of the last of them. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.number(),
  reason: z.enum(anchorReasons),
});
export type AuditAnchor = z.infer<typeof anchorSchema>;
export type AuditHead = Pick<AuditAnchor, 'count' | 'hash'>;

/** Enough marks to cover months of daily exports and backups. */
const KEEP = 200;

/** Where the marks are kept; the browser's localStorage unless a test gives its own. */
export type AnchorStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const keyFor = (databaseName: string) => `sohoa.auditAnchors.${databaseName}`;

function defaultStore(): AnchorStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The marks kept for this database, oldest first; unreadable ones are left out. */
export function readAnchors(databaseName: string, store = defaultStore()): AuditAnchor[] {
  const raw = store?.getItem(keyFor(databaseName));
  if (!raw) return [];
  try {
    const parsed = z.array(z.unknown()).parse(JSON.parse(raw));
    return parsed.flatMap((item) => {
      const anchor = anchorSchema.safeParse(item);
      return anchor.success ? [anchor.data] : [];
    });
  } catch {
    return [];
  }
}

/** Where the chain stands now: its length and last hash; null for an empty log. */
export async function auditHead(db: SohoaDatabase): Promise<AuditHead | null> {
  return db.transaction('r', db.audit, async () => {
    const last = await db.audit.orderBy('seq').last();
    if (!last) return null;
    return { count: await db.audit.count(), hash: last.hash };
  });
}

/**
 * Notes where the chain stands, for the audit check to hold it to later. Returns the head, for
 * the file or export record that was made from it. Never fails the work it marks: a full or
 * blocked local storage only means one mark fewer.
 */
export async function anchorAudit(
  db: SohoaDatabase,
  reason: AnchorReason,
  store = defaultStore(),
): Promise<AuditHead | null> {
  const head = await auditHead(db);
  if (!head || !store) return head;
  const anchors = readAnchors(db.name, store);
  anchors.push({ ...head, at: Date.now(), reason });
  try {
    store.setItem(keyFor(db.name), JSON.stringify(anchors.slice(-KEEP)));
  } catch (error) {
    console.warn('The audit mark could not be kept', error);
  }
  return head;
}

/** A head kept outside the page's storage (on the desktop: a file the main process writes). */
export interface AnchorFile {
  read(databaseName: string): Promise<AuditAnchor | null>;
  /** After a restore: the restored log's head replaces whatever the file held. */
  restart(databaseName: string, head: AuditHead): Promise<void>;
}

let anchorFile: AnchorFile | null = null;

/** Sets (or, with null, removes) the file the audit check also holds the chain to. */
export function setAnchorFile(file: AnchorFile | null): void {
  anchorFile = file;
}

/** Every mark known for this database: the page's own, then the file's. */
export async function knownAnchors(
  db: SohoaDatabase,
  store = defaultStore(),
): Promise<AuditAnchor[]> {
  const anchors = readAnchors(db.name, store);
  const fromFile = anchorFile ? await anchorFile.read(db.name) : null;
  return fromFile ? [...anchors, fromFile] : anchors;
}

/**
 * After a restore the log is the backup's: marks taken of the log it replaced no longer apply.
 * The restored log's head becomes the first mark.
 */
export async function restartAnchors(db: SohoaDatabase, store = defaultStore()): Promise<void> {
  store?.removeItem(keyFor(db.name));
  const head = await anchorAudit(db, 'restore', store);
  if (head && anchorFile) {
    try {
      await anchorFile.restart(db.name, head);
    } catch (error) {
      console.warn('The audit head file could not be restarted', error);
    }
  }
}

// Writing and reading SoHoa files. Since format 2 the payload is a zip of the rows and the scans
// (backup-payload.ts) inside our envelope (backup-format.ts), written and read in pieces; files
// of format 1 (a dexie-export-import dump) are still read. Reading is the ONE path for backups
// and work packages: header and checksum first, then the rows are unpacked and every row
// checked (backup-rows.ts); the officer's database is touched only afterwards, by the
// repositories.
import Dexie from 'dexie';
import {
  DUMP_FORMAT_VERSION,
  openFile,
  sealFile,
  type BookSummary,
  type FileHeader,
  type FileKind,
  type OpenProblem,
} from './backup-format';
import { readPayload, writePayload, type ProgressListener } from './backup-payload';
import { checkRows, tableNames, type FileData, type TableName } from './backup-rows';
import type { SohoaDatabase } from './database';
import { latestSchemaVersion } from './schema';
import type { OfficerRole } from '../../shared/workflow/roles';
import type { Book, EntryRecord, ExchangeState, Page } from './types';
import { anchorAudit } from './audit-anchors';
import type { FileSigner, SigningKey } from './file-signature';
import { installation, type SignerStanding } from './installation';
import { packageTableNames } from './tables';
import { contentHash } from './work-package-merge';

const STAGING_PREFIX = 'sohoa-staging-';

function summarise(books: Book[], entriesPerBook: Map<string, number>): BookSummary[] {
  return books.map((book) => ({
    id: book.id,
    type: book.type,
    templateVersion: book.templateVersion,
    quyenSo: book.quyenSo,
    year: book.year,
    entries: entriesPerBook.get(book.id) ?? 0,
  }));
}

/** Counts rows per table and entries per book as the dump goes by. */
function createTally() {
  const counts: Record<string, number> = {};
  const books: Book[] = [];
  const entriesPerBook = new Map<string, number>();
  return {
    counts,
    see(table: string, value: unknown) {
      counts[table] = (counts[table] ?? 0) + 1;
      if (table === 'books') books.push(value as Book);
      if (table === 'records') {
        const bookId = (value as EntryRecord).bookId;
        entriesPerBook.set(bookId, (entriesPerBook.get(bookId) ?? 0) + 1);
      }
    },
    books: () => summarise(books, entriesPerBook),
  };
}

/**
 * Every row of the given tables, read in one transaction so the file is one moment of the
 * database. Scan rows carry their Blob: a handle to bytes IndexedDB keeps, not the bytes.
 */
async function readTables(
  db: SohoaDatabase,
  names: readonly TableName[],
): Promise<Record<string, unknown[]>> {
  const tables = names.map((name) => db.table(name));
  return db.transaction('r', tables, async () => {
    const rows: Record<string, unknown[]> = {};
    for (const table of tables) rows[table.name] = await table.toArray();
    return rows;
  });
}

/** The whole database, scans optional, as one file. */
export async function buildBackup(
  db: SohoaDatabase,
  options: {
    withScans: boolean;
    appVersion: string;
    onProgress?: ProgressListener;
    key?: SigningKey;
  },
): Promise<{ blob: Blob; books: BookSummary[]; entries: number }> {
  const key = options.key ?? (await installation.signingKey());
  const tally = createTally();
  const auditHead = await anchorAudit(db, 'backup');
  const tables = await readTables(
    db,
    tableNames.filter((name) => options.withScans || name !== 'scans'),
  );
  for (const [name, rows] of Object.entries(tables)) {
    for (const row of rows) tally.see(name, row);
  }
  const payload = await writePayload(tables, options.onProgress);
  const header = {
    kind: 'backup' as const,
    appVersion: options.appVersion,
    schemaVersion: db.verno,
    createdAt: Date.now(),
    withScans: options.withScans,
    counts: tally.counts,
    books: tally.books(),
    ...(auditHead ? { auditHead } : {}),
  };
  return {
    blob: await sealFile(header, payload, { key }),
    books: header.books,
    entries: tally.counts.records ?? 0,
  };
}

export interface BuiltPackage {
  blob: Blob;
  /** Each entry as it went into the file, to be remembered once the file is handed over. */
  sent: Omit<ExchangeState, 'at'>[];
  entries: number;
}

/**
 * One book (or some of its entries) with its scans and pages, and this PC's last exchanged
 * state of each entry, so the receiving PC can tell who changed what.
 */
export async function buildWorkPackage(
  db: SohoaDatabase,
  options: {
    bookId: string;
    entryIds?: string[];
    appVersion: string;
    onProgress?: ProgressListener;
    key?: SigningKey;
  },
): Promise<BuiltPackage> {
  const key = options.key ?? (await installation.signingKey());
  const { bookId } = options;
  const wanted = options.entryIds ? new Set(options.entryIds) : null;
  let pageIds: Set<string> | null = null;
  let scanIds: Set<string> | null = null;
  if (wanted) {
    const records = await db.records.bulkGet([...wanted]);
    pageIds = new Set(records.flatMap((record) => record?.pageIds ?? []));
    const pages = await db.pages.bulkGet([...pageIds]);
    scanIds = new Set(pages.flatMap((page) => (page ? [page.scanId] : [])));
  }
  const tally = createTally();
  const sent: Omit<ExchangeState, 'at'>[] = [];
  const keep = (table: string, value: unknown): boolean => {
    const row = value as { id: string; bookId?: string };
    switch (table) {
      case 'books':
        return row.id === bookId;
      case 'scans':
        return row.bookId === bookId && (!scanIds || scanIds.has(row.id));
      case 'pages':
        return row.bookId === bookId && (!pageIds || pageIds.has((value as Page).id));
      case 'records':
      case 'exchanges':
        return row.bookId === bookId && (!wanted || wanted.has(row.id));
      // Double keying goes with its entries: their second keyings and arbitrations.
      case 'keyings':
      case 'arbitrations':
        return (
          row.bookId === bookId && (!wanted || wanted.has((value as { entryId: string }).entryId))
        );
      case 'keyingSamples':
        return row.bookId === bookId;
      default:
        return false;
    }
  };
  const tables = await readTables(db, packageTableNames);
  for (const [name, rows] of Object.entries(tables)) {
    tables[name] = rows.filter((value) => {
      if (!keep(name, value)) return false;
      tally.see(name, value);
      if (name === 'records') {
        const record = value as EntryRecord;
        sent.push({ id: record.id, bookId: record.bookId, hash: contentHash(record) });
      }
      return true;
    });
  }
  const payload = await writePayload(tables, options.onProgress);
  const auditHead = await anchorAudit(db, 'package');
  const blob = await sealFile(
    {
      ...(auditHead ? { auditHead } : {}),
      kind: 'work-package',
      appVersion: options.appVersion,
      schemaVersion: db.verno,
      createdAt: Date.now(),
      withScans: true,
      counts: tally.counts,
      books: tally.books(),
    },
    payload,
    { key },
  );
  return { blob, sent, entries: sent.length };
}

export interface FilePreview {
  kind: FileKind;
  createdAt: number;
  appVersion: string;
  withScans: boolean;
  books: BookSummary[];
  entries: number;
  scans: number;
  /** Officers the file names: a restore brings them, a merge never does. */
  officers: { name: string; role: OfficerRole }[];
  /** Entries marked approved in the file: a merge brings them in waiting for review. */
  approved: number;
  /**
   * The PC whose signature the file carries (verified) and how this PC stands with it; null
   * for a backup written before files were signed. A wrong signature never gets this far.
   */
  signedBy: (FileSigner & { standing: SignerStanding }) | null;
}

/** Where a file's signer is looked up; this installation unless a test gives its own. */
export type TrustLookup = { standing(signer: FileSigner): Promise<SignerStanding> };

export type ReadProblem = OpenProblem | 'unsigned' | 'invalid-rows' | 'unreadable';

export type ReadResult =
  | {
      ok: true;
      preview: FilePreview;
      data: FileData;
      /** Drops the scratch copy; call once the data was written or the officer gave up. */
      discard: () => Promise<void>;
    }
  | { ok: false; problem: ReadProblem; detail: string };

async function dropStaging(): Promise<void> {
  const names = await Dexie.getDatabaseNames();
  for (const name of names) {
    if (name.startsWith(STAGING_PREFIX)) await Dexie.delete(name);
  }
}

type TablesResult =
  | { ok: true; tables: Record<string, unknown[]>; discard: () => Promise<void> }
  | { ok: false; problem: ReadProblem; detail: string };

/**
 * A format-1 payload (one dexie-export-import dump) unpacked into a scratch database, then read
 * back: the way earlier releases wrote files, kept so their backups still restore.
 */
async function readDumpTables(payload: Blob): Promise<TablesResult> {
  // Scratch copies left by an earlier read that was interrupted.
  await dropStaging();
  const stagingName = `${STAGING_PREFIX}${crypto.randomUUID()}`;
  let staging: Dexie | null = null;
  const discard = async () => {
    staging?.close();
    await Dexie.delete(stagingName);
  };
  try {
    // Loaded only for these older files.
    const { importDB } = await import('dexie-export-import');
    staging = await importDB(payload, { name: stagingName });
    const tables: Record<string, unknown[]> = {};
    for (const table of staging.tables) tables[table.name] = await table.toArray();
    return { ok: true, tables, discard };
  } catch (error) {
    await discard().catch(() => undefined);
    return { ok: false, problem: 'unreadable', detail: String(error) };
  }
}

async function readTablesOf(
  header: FileHeader,
  payload: Blob,
  onProgress?: ProgressListener,
): Promise<TablesResult> {
  if (header.formatVersion === DUMP_FORMAT_VERSION) return readDumpTables(payload);
  try {
    const read = await readPayload(payload, onProgress);
    if (!read.ok) return { ok: false, problem: 'damaged', detail: read.detail };
    // Nothing to drop: the scans read back are Blobs the page lets go of when done.
    return { ok: true, tables: read.tables, discard: () => Promise.resolve() };
  } catch (error) {
    return { ok: false, problem: 'unreadable', detail: String(error) };
  }
}

/** Checks and unpacks a backup or work package; nothing of the officer's data is touched. */
export async function readSohoaFile(
  file: Blob,
  kind?: FileKind,
  onProgress?: ProgressListener,
  trust: TrustLookup = installation,
): Promise<ReadResult> {
  const opened = await openFile(file, { latestSchemaVersion, ...(kind ? { kind } : {}) });
  if (!opened.ok) return opened;
  const { header, payload, signature } = opened;
  // Only a backup of an earlier release may come unsigned (restored by an administrator who
  // confirms it); a work package always names the PC it comes from.
  if (signature.state === 'unsigned' && header.kind === 'work-package') {
    return { ok: false, problem: 'unsigned', detail: 'work package without signature' };
  }
  const signedBy =
    signature.state === 'valid'
      ? { ...signature.signer, standing: await trust.standing(signature.signer) }
      : null;
  const read = await readTablesOf(header, payload, onProgress);
  if (!read.ok) return read;
  const { tables, discard } = read;
  try {
    const checked = checkRows(tables);
    if (!checked.ok) {
      await discard();
      return {
        ok: false,
        problem: 'invalid-rows',
        detail: `${checked.table} #${checked.row}: ${checked.detail}`,
      };
    }
    const { data } = checked;
    for (const name of tableNames) {
      const expected = header.counts[name] ?? 0;
      const actual = data[name].length;
      if (expected !== actual) {
        await discard();
        return {
          ok: false,
          problem: 'damaged',
          detail: `${name}: ${actual} rows, header says ${expected}`,
        };
      }
    }
    const entriesPerBook = new Map<string, number>();
    for (const record of data.records) {
      entriesPerBook.set(record.bookId, (entriesPerBook.get(record.bookId) ?? 0) + 1);
    }
    return {
      ok: true,
      data,
      discard,
      preview: {
        kind: header.kind,
        createdAt: header.createdAt,
        appVersion: header.appVersion,
        withScans: header.withScans,
        books: summarise(data.books, entriesPerBook),
        entries: data.records.length,
        scans: data.scans.length,
        officers: data.people.map(({ name, role }) => ({ name, role })),
        approved: data.records.filter((record) => record.status === 'approved').length,
        signedBy,
      },
    };
  } catch (error) {
    await discard().catch(() => undefined);
    return { ok: false, problem: 'unreadable', detail: String(error) };
  }
}

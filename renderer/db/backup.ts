// Writing and reading SoHoa files. The dump is dexie-export-import's (streamed, Blobs included)
// inside our envelope (backup-format.ts). Reading is the ONE path for backups and work
// packages: header and checksum first, then the payload is unpacked into a scratch database
// and every row checked (backup-rows.ts); the officer's database is touched only afterwards,
// by the repositories.
import Dexie from 'dexie';
import { exportDB, importDB } from 'dexie-export-import';
import {
  openFile,
  sealFile,
  type BookSummary,
  type FileKind,
  type OpenProblem,
} from './backup-format';
import { checkRows, tableNames, type FileData } from './backup-rows';
import type { SohoaDatabase } from './database';
import { latestSchemaVersion } from './schema';
import type { OfficerRole } from '../../shared/workflow/roles';
import type { Book, EntryRecord, ExchangeState, Page } from './types';
import { anchorAudit } from './audit-anchors';
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

/** The whole database, scans optional, as one file. */
export async function buildBackup(
  db: SohoaDatabase,
  options: { withScans: boolean; appVersion: string },
): Promise<{ blob: Blob; books: BookSummary[]; entries: number }> {
  const tally = createTally();
  const auditHead = await anchorAudit(db, 'backup');
  const payload = await exportDB(db, {
    // Prepared pages are made again from the scans after a restore.
    skipTables: options.withScans ? ['preparedPages'] : ['scans', 'preparedPages'],
    filter: (table, value) => {
      tally.see(table, value);
      return true;
    },
  });
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
    blob: await sealFile(header, payload),
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
  options: { bookId: string; entryIds?: string[]; appVersion: string },
): Promise<BuiltPackage> {
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
      default:
        return false;
    }
  };
  const payload = await exportDB(db, {
    skipTables: ['people', 'audit', 'settings', 'exports', 'conflicts', 'preparedPages'],
    filter: (table, value) => {
      if (!keep(table, value)) return false;
      tally.see(table, value);
      if (table === 'records') {
        const record = value as EntryRecord;
        sent.push({ id: record.id, bookId: record.bookId, hash: contentHash(record) });
      }
      return true;
    },
  });
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
}

export type ReadProblem = OpenProblem | 'invalid-rows' | 'unreadable';

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

/** Checks and unpacks a backup or work package; nothing of the officer's data is touched. */
export async function readSohoaFile(file: Blob, kind?: FileKind): Promise<ReadResult> {
  const opened = await openFile(file, { latestSchemaVersion, ...(kind ? { kind } : {}) });
  if (!opened.ok) return opened;
  const { header, payload } = opened;

  // Scratch copies left by an earlier read that was interrupted.
  await dropStaging();
  const stagingName = `${STAGING_PREFIX}${crypto.randomUUID()}`;
  let staging: Dexie | null = null;
  const discard = async () => {
    staging?.close();
    await Dexie.delete(stagingName);
  };
  try {
    staging = await importDB(payload, { name: stagingName });
    const tables: Record<string, unknown[]> = {};
    for (const table of staging.tables) tables[table.name] = await table.toArray();
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
      },
    };
  } catch (error) {
    await discard().catch(() => undefined);
    return { ok: false, problem: 'unreadable', detail: String(error) };
  }
}

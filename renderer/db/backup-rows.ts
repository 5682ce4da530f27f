// The one check every row read back from a file passes (backups and work packages alike): each
// table's rows against the schema declared for it (tables.ts), which fills what older versions
// did not store and refuses what does not fit, naming table and row. Unknown fields are kept as
// they are, so data written by newer code of the same schema survives.
import type { z } from 'zod';
import { backupTableNames, tables, type BackupTableName, type RowOf } from './tables';

export type TableName = BackupTableName;
/** The tables a file may hold: those a backup carries (a work package holds some of them). */
export const tableNames: readonly TableName[] = backupTableNames;

/** Everything a file holds, checked and filled in, ready to write. */
export type FileData = { [Name in TableName]: RowOf<Name>[] };

type Failure = { ok: false; table: string; row: number; detail: string };
export type RowsResult = { ok: true; data: FileData } | Failure;

function isTableName(name: string): name is TableName {
  return (tableNames as readonly string[]).includes(name);
}

/** Refusal of the first row that fails its table's schema. */
class RowRefused extends Error {
  constructor(readonly failure: Failure) {
    super(failure.detail);
  }
}

/** The rows of one table, each checked against its schema and filled in. */
function checkTable<Row>(
  name: TableName,
  schema: z.ZodType<Row>,
  rows: readonly unknown[] | undefined,
): Row[] {
  return (rows ?? []).map((row, index) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      throw new RowRefused({
        ok: false,
        table: name,
        row: index + 1,
        detail: parsed.error.message,
      });
    }
    return parsed.data;
  });
}

/**
 * Checks every row of every table, then that entries, pages and scans point at books and scans
 * the file (or, for pages of a work package, the file's scans) actually holds.
 */
export function checkRows(file: Record<string, unknown[]>): RowsResult {
  for (const [name, rows] of Object.entries(file)) {
    if (!isTableName(name) && rows.length > 0) {
      return { ok: false, table: name, row: 0, detail: 'unknown table' };
    }
  }
  let data: FileData;
  try {
    data = {
      books: checkTable('books', tables.books.row, file.books),
      scans: checkTable('scans', tables.scans.row, file.scans),
      pages: checkTable('pages', tables.pages.row, file.pages),
      records: checkTable('records', tables.records.row, file.records),
      people: checkTable('people', tables.people.row, file.people),
      audit: checkTable('audit', tables.audit.row, file.audit),
      settings: checkTable('settings', tables.settings.row, file.settings),
      exports: checkTable('exports', tables.exports.row, file.exports),
      exchanges: checkTable('exchanges', tables.exchanges.row, file.exchanges),
      conflicts: checkTable('conflicts', tables.conflicts.row, file.conflicts),
      reconcileDecisions: checkTable(
        'reconcileDecisions',
        tables.reconcileDecisions.row,
        file.reconcileDecisions,
      ),
      arbitrations: checkTable('arbitrations', tables.arbitrations.row, file.arbitrations),
      keyings: checkTable('keyings', tables.keyings.row, file.keyings),
      keyingSamples: checkTable('keyingSamples', tables.keyingSamples.row, file.keyingSamples),
      keyingTime: checkTable('keyingTime', tables.keyingTime.row, file.keyingTime),
    };
  } catch (error) {
    if (error instanceof RowRefused) return error.failure;
    throw error;
  }
  const bookIds = new Set(data.books.map((book) => book.id));
  for (const name of ['scans', 'pages', 'records'] as const) {
    const orphan = data[name].findIndex((row) => !bookIds.has(row.bookId));
    if (orphan >= 0) {
      return { ok: false, table: name, row: orphan + 1, detail: 'points at a missing book' };
    }
  }
  return { ok: true, data };
}

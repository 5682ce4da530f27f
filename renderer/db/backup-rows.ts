// The one check every row read back from a file passes (backups and work packages alike): it
// fills what older versions did not store and refuses what does not fit, naming table and row.
// Unknown fields are kept as they are, so data written by newer code of the same schema survives.
import { z } from 'zod';
import { getTemplate } from '../../shared/registers';
import { entryStatuses } from '../../shared/workflow/workflow';
import { nameKeyOf } from './name-key';
import type {
  AuditEvent,
  Book,
  EntryConflict,
  EntryRecord,
  ExchangeState,
  ExportRun,
  Page,
  Person,
  Scan,
  Setting,
} from './types';

const id = z.string().min(1);
const time = z.number().finite();

const knownTemplate = z.string().refine((version) => {
  try {
    getTemplate(version);
    return true;
  } catch {
    return false;
  }
}, 'unknown register template');

const bookSchema = z.looseObject({
  id,
  type: z.string().min(1),
  templateVersion: knownTemplate,
  quyenSo: z.string(),
  year: z.number().int(),
  noiDangKy: z.string().default(''),
  nguoiKy: z.string().default(''),
  chucVuNguoiKy: z.string().default(''),
  nguoiThucHien: z.string().default(''),
  expectedCount: z.number().int().nullable().default(null),
  carryForward: z.array(z.string()).optional(),
  createdAt: time,
  updatedAt: time,
});

const scanSchema = z.looseObject({
  id,
  bookId: id,
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int().nonnegative(),
  blob: z.instanceof(Blob),
  pageCount: z.number().int().nonnegative(),
  importedAt: time,
});

const pageSchema = z.looseObject({
  id,
  bookId: id,
  scanId: id,
  indexInScan: z.number().int().nonnegative(),
  order: z.number().int().nonnegative(),
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  bookPageNumber: z.string().optional(),
});

const regionSchema = z.looseObject({
  pageId: id,
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
});

const acknowledgementSchema = z.looseObject({
  field: z.string(),
  rule: z.string(),
  reason: z.string(),
  at: time,
  by: z.string().optional(),
});

const recordSchema = z
  .looseObject({
    id,
    bookId: id,
    templateVersion: knownTemplate,
    fields: z.record(z.string(), z.string()),
    pageIds: z.array(z.string()).default([]),
    region: regionSchema.optional(),
    status: z.enum(entryStatuses),
    createdAt: time,
    updatedAt: time,
    revision: z.number().int().positive(),
    nameKey: z.string().optional(),
    acknowledgements: z.array(acknowledgementSchema).default([]),
  })
  .transform((record) => ({
    ...record,
    // Derived data: recomputed, so an old or edited file cannot make search miss an entry.
    nameKey: nameKeyOf(getTemplate(record.templateVersion), record.fields),
  }));

const personSchema = z.looseObject({ id, name: z.string() });
const auditSchema = z.looseObject({
  seq: z.number().int().optional(),
  at: time,
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
});
const settingSchema = z.looseObject({ key: z.string().min(1), value: z.unknown() });
const exportSchema = z.looseObject({ id, bookId: id, at: time });
const exchangeSchema = z.object({ id, bookId: id, hash: z.string().min(1), at: time });
const conflictSchema = z.looseObject({
  id,
  bookId: id,
  theirs: recordSchema,
  theirsHash: z.string().min(1),
  source: z.string(),
  receivedAt: time,
});

const tableSchemas = {
  books: bookSchema,
  scans: scanSchema,
  pages: pageSchema,
  records: recordSchema,
  people: personSchema,
  audit: auditSchema,
  settings: settingSchema,
  exports: exportSchema,
  exchanges: exchangeSchema,
  conflicts: conflictSchema,
} as const;

export type TableName = keyof typeof tableSchemas;
export const tableNames = Object.keys(tableSchemas) as TableName[];

/** Everything a file holds, checked and filled in, ready to write. */
export interface FileData {
  books: Book[];
  scans: Scan[];
  pages: Page[];
  records: EntryRecord[];
  people: Person[];
  audit: AuditEvent[];
  settings: Setting[];
  exports: ExportRun[];
  exchanges: ExchangeState[];
  conflicts: EntryConflict[];
}

export type RowsResult =
  { ok: true; data: FileData } | { ok: false; table: string; row: number; detail: string };

function isTableName(name: string): name is TableName {
  return name in tableSchemas;
}

/**
 * Checks every row of every table, then that entries, pages and scans point at books and scans
 * the file (or, for pages of a work package, the file's scans) actually holds.
 */
export function checkRows(tables: Record<string, unknown[]>): RowsResult {
  const data: Record<string, unknown[]> = {};
  for (const name of tableNames) data[name] = [];
  for (const [name, rows] of Object.entries(tables)) {
    if (!isTableName(name)) {
      if (rows.length === 0) continue;
      return { ok: false, table: name, row: 0, detail: 'unknown table' };
    }
    const schema = tableSchemas[name];
    const checked: unknown[] = [];
    for (const [index, row] of rows.entries()) {
      const parsed = schema.safeParse(row);
      if (!parsed.success) {
        return { ok: false, table: name, row: index + 1, detail: parsed.error.message };
      }
      checked.push(parsed.data);
    }
    data[name] = checked;
  }
  const result = data as unknown as FileData;
  const bookIds = new Set(result.books.map((book) => book.id));
  for (const name of ['scans', 'pages', 'records'] as const) {
    const orphan = result[name].findIndex((row) => !bookIds.has(row.bookId));
    if (orphan >= 0) {
      return { ok: false, table: name, row: orphan + 1, detail: 'points at a missing book' };
    }
  }
  return { ok: true, data: result };
}

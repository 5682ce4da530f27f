// An Excel import: its rows become draft entries, all or none, each with the PDF matched to it.
import { entryKey } from '../../../shared/import/analyze';
import { getTemplate } from '../../../shared/registers';
import { newEntryStatus } from '../../../shared/workflow/workflow';
import type { SohoaDatabase } from '../database';
import { nameKeyOf } from '../name-key';
import type { EntryRecord, Page, Scan } from '../types';
import { newId, requireOpenBook } from './guards';
import { newScan } from './pages';
import type { CommandContext } from './run';

export interface ImportOptions {
  /** The workbook's name, for the audit log. */
  fileName?: string;
  /** PDFs matched to rows (by index in `rows`): each becomes a scan linked to its entry. */
  scans?: { rowIndex: number; fileName: string; blob: Blob; pageCount: number }[];
}

/** An import refused inside its transaction: a number and date already in the book. */
export class ImportConflictError extends Error {
  constructor(readonly keys: string[]) {
    super(`Entries already in the book: ${keys.join(', ')}`);
    this.name = 'ImportConflictError';
  }
}

/** The number-and-date keys of the book's entries. */
async function keysInBook(db: SohoaDatabase, bookId: string): Promise<Set<string>> {
  const taken = new Set<string>();
  await db.records
    .where('bookId')
    .equals(bookId)
    .each((record) => {
      const key = entryKey(record.fields);
      if (key !== null) taken.add(key);
    });
  return taken;
}

export function importCommands({ db, run }: CommandContext) {
  return {
    /**
     * Adds the rows of an import as draft entries, all or none, with the PDF of each row that
     * has one as a scan linked to it. The number and date of each row are checked again
     * against the book inside the transaction, so an entry typed while the preview was open is
     * never doubled. Entries keep the sheet's order in createdAt.
     */
    async importEntries(
      bookId: string,
      rows: readonly Record<string, string>[],
      options: ImportOptions = {},
    ): Promise<EntryRecord[]> {
      const fileName = options.fileName ?? '';
      return run('enter', ['books', 'records', 'scans', 'pages'], async (tx) => {
        const { now, officer } = tx;
        const book = await requireOpenBook(db, bookId);
        const template = getTemplate(book.templateVersion);
        const taken = await keysInBook(db, bookId);
        const clashes: string[] = [];
        const records = rows.map((row, index): EntryRecord => {
          const fields = Object.fromEntries(
            template.fields.map((field) => [field.key, row[field.key] ?? '']),
          );
          const key = entryKey(fields);
          if (key !== null) {
            if (taken.has(key)) clashes.push(key);
            taken.add(key);
          }
          return {
            id: newId(),
            bookId,
            templateVersion: book.templateVersion,
            fields,
            pageIds: [],
            status: newEntryStatus,
            createdAt: now + index,
            updatedAt: now,
            revision: 1,
            nameKey: nameKeyOf(template, fields),
            acknowledgements: [],
            createdBy: officer.id,
            updatedBy: officer.id,
          };
        });
        if (clashes.length > 0) throw new ImportConflictError(clashes);

        let order = await db.pages.where('bookId').equals(bookId).count();
        const scans: Scan[] = [];
        const pages: Page[] = [];
        for (const attached of options.scans ?? []) {
          const record = records[attached.rowIndex];
          if (!record)
            throw new Error(`No imported row ${attached.rowIndex} for ${attached.fileName}`);
          const pdf = { ...attached, mimeType: 'application/pdf' };
          const added = newScan(bookId, pdf, order, now);
          order += attached.pageCount;
          scans.push(added.scan);
          pages.push(...added.pages);
          record.pageIds = added.pages.map((page) => page.id);
        }

        await db.records.bulkAdd(records);
        await db.scans.bulkAdd(scans);
        await db.pages.bulkAdd(pages);
        tx.audit(
          {
            entity: 'book',
            entityId: bookId,
            action: 'import',
            newValue: JSON.stringify({ fileName, entries: records.length, scans: scans.length }),
          },
          ...records.map((record) => ({
            entity: 'record' as const,
            entityId: record.id,
            action: 'import' as const,
            newValue: fileName,
          })),
          ...scans.map((scan) => ({
            entity: 'scan' as const,
            entityId: scan.id,
            action: 'import' as const,
            newValue: scan.fileName,
          })),
        );
        return records;
      });
    },
  };
}

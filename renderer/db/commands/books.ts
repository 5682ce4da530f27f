// Books: created, their settings changed, moved to another template version, archived and
// restored, and their exports noted.
import { getTemplate } from '../../../shared/registers';
import {
  lostFields,
  migrateFields,
  planTemplateMigration,
  type MigrationPlan,
} from '../../../shared/registers/template-migration';
import { statusAfterEdit } from '../../../shared/workflow/roles';
import { anchorAudit } from '../audit-anchors';
import { nameKeyOf } from '../name-key';
import type { Book, EntryRecord, ExportRun } from '../types';
import { WorkflowError } from '../workflow-error';
import { getBook, newId, requireOpenBook } from './guards';
import type { AuditLine, CommandContext } from './run';

export type NewBookInput = Omit<Book, 'id' | 'createdAt' | 'updatedAt'>;
export type BookSettings = Partial<Omit<NewBookInput, 'type' | 'templateVersion'>>;

/** A template move that would lose typed values, asked for without the officer's consent. */
export class TemplateDataLossError extends Error {
  constructor(readonly plan: MigrationPlan) {
    super(`Moving to ${plan.to} would drop data in: ${plan.dropped.map((f) => f.key).join(', ')}`);
    this.name = 'TemplateDataLossError';
  }
}

/** The audit events of a template move: the book's, then each value lost and each withdrawal. */
function templateMoveLines(
  book: Book,
  to: string,
  plan: MigrationPlan,
  records: readonly EntryRecord[],
  moved: readonly EntryRecord[],
): AuditLine[] {
  const lines: AuditLine[] = [
    {
      entity: 'book',
      entityId: book.id,
      action: 'template',
      oldValue: book.templateVersion,
      newValue: to,
      ...(plan.losesData
        ? {
            reason: plan.dropped
              .filter((f) => f.entriesWithData > 0)
              .map((f) => f.key)
              .join(', '),
          }
        : {}),
    },
  ];
  records.forEach((record, index) => {
    const after = moved[index];
    if (!after) return;
    for (const field of lostFields(getTemplate(to), record.fields)) {
      lines.push({
        entity: 'record',
        entityId: record.id,
        action: 'edit',
        field,
        oldValue: record.fields[field] ?? '',
        newValue: '',
      });
    }
    if (after.status !== record.status) {
      lines.push({
        entity: 'record',
        entityId: record.id,
        action: 'withdraw',
        oldValue: record.status,
        newValue: after.status,
      });
    }
  });
  return lines;
}

export function bookCommands({ db, run }: CommandContext) {
  return {
    async createBook(input: NewBookInput): Promise<Book> {
      return run('enter', ['books'], async (tx) => {
        const book: Book = { id: newId(), ...input, createdAt: tx.now, updatedAt: tx.now };
        await db.books.add(book);
        tx.audit({ entity: 'book', entityId: book.id, action: 'create' });
        return book;
      });
    },

    /** Changes a book's defaults and settings; entries already typed keep their values. */
    async updateBook(bookId: string, changes: BookSettings): Promise<void> {
      await run('enter', ['books'], async (tx) => {
        const book = await requireOpenBook(db, bookId);
        await db.books.put({ ...book, ...changes, updatedAt: tx.now });
        tx.audit({
          entity: 'book',
          entityId: bookId,
          action: 'settings',
          newValue: JSON.stringify(changes),
        });
      });
    },

    /**
     * Moves a book and all its entries to another template version of the same register, in
     * one transaction. Values in columns the new version lacks are lost, so the move is refused
     * unless `allowDataLoss`; an entry that loses a value goes back to draft like any edit, and
     * each lost value is logged on the entry so its history shows what went.
     */
    async moveBookToTemplate(
      bookId: string,
      toVersion: string,
      { allowDataLoss = false }: { allowDataLoss?: boolean } = {},
    ): Promise<MigrationPlan> {
      const to = getTemplate(toVersion);
      return run('enter', ['books', 'records'], async (tx) => {
        const book = await getBook(db, bookId);
        const records = await db.records.where('bookId').equals(bookId).toArray();
        const plan = planTemplateMigration(getTemplate(book.templateVersion), to, records);
        if (plan.losesData && !allowDataLoss) throw new TemplateDataLossError(plan);
        const moved = records.map((record): EntryRecord => {
          const lost = lostFields(to, record.fields);
          const fields = migrateFields(to, record.fields);
          return tx.revise(record, {
            templateVersion: to.version,
            fields,
            status: lost.length > 0 ? statusAfterEdit(record.status) : record.status,
            nameKey: nameKeyOf(to, fields),
            updatedBy: tx.officer.id,
          });
        });
        await db.books.put({ ...book, templateVersion: to.version, updatedAt: tx.now });
        await db.records.bulkPut(moved);
        tx.audit(...templateMoveLines(book, to.version, plan, records, moved));
        return plan;
      });
    },

    /**
     * Archives a book (administrators): hidden from the default book list and read-only until
     * restored. Its entries stay as they are.
     */
    async archiveBook(bookId: string, reason = ''): Promise<Book> {
      const text = reason.trim();
      const because = text ? { reason: text } : {};
      return run('administer', ['books'], async (tx) => {
        const book = await requireOpenBook(db, bookId);
        const archived: Book = {
          ...book,
          archived: { by: tx.officer.id, at: tx.now, ...because },
          updatedAt: tx.now,
        };
        await db.books.put(archived);
        tx.audit({ entity: 'book', entityId: bookId, action: 'archive', ...because });
        return archived;
      });
    },

    /** Takes a book out of the archive (administrators): listed and writable again. */
    async unarchiveBook(bookId: string): Promise<Book> {
      return run('administer', ['books'], async (tx) => {
        const book = await getBook(db, bookId);
        if (!book.archived) throw new WorkflowError('wrong-status');
        const restored: Book = { ...book, updatedAt: tx.now };
        delete restored.archived;
        await db.books.put(restored);
        tx.audit({ entity: 'book', entityId: bookId, action: 'unarchive' });
        return restored;
      });
    },

    async recordExport(runInfo: Omit<ExportRun, 'id' | 'at'>): Promise<void> {
      const id = newId();
      await run('enter', ['exports'], async (tx) => {
        await db.exports.add({ id, at: tx.now, ...runInfo, by: tx.officer.id });
        tx.audit({ entity: 'book', entityId: runInfo.bookId, action: 'export' });
      });
      // Where the audit chain stood, kept beside the database and with the export's record.
      const head = await anchorAudit(db, 'export');
      if (head) await db.exports.update(id, { auditHead: head });
    },
  };
}

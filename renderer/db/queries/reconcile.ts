// What the reconciliation reads: every book of a register type with its entries (voided ones
// left out: they are not the book's; first keyings waiting for a blind second one too, but to
// their keyer), the decisions people made on earlier extracts, and the
// column mapping kept for a population-database file's header row.
import {
  columnsSettingKey,
  parseSavedColumns,
  type SavedColumns,
} from '../../../shared/reconcile/columns';
import type { RegisterTypeCode } from '../../../shared/registers/types';
import { db } from '../database';
import type { Book, ReconcileDecision } from '../types';
import { isBlindTo } from './entry-list';

export interface BookEntries {
  book: Book;
  entries: { id: string; bookId: string; status: string; fields: Record<string, string> }[];
}

/**
 * `viewerId` is the officer looking: an entry waiting for its blind second keying is left out
 * for anyone but its first keyer, as in the entry list.
 */
export async function readBooksOfType(
  type: RegisterTypeCode,
  viewerId: string | undefined,
): Promise<BookEntries[]> {
  return db.transaction('r', [db.books, db.records], async () => {
    const books = (await db.books.toArray()).filter((book) => book.type === type);
    const out: BookEntries[] = [];
    for (const book of books) {
      const records = await db.records.where('bookId').equals(book.id).toArray();
      out.push({
        book,
        entries: records
          .filter((record) => record.status !== 'voided' && !isBlindTo(record, viewerId))
          .map(({ id, bookId, status, fields }) => ({ id, bookId, status, fields })),
      });
    }
    return out;
  });
}

export function readReconcileDecisions(): Promise<ReconcileDecision[]> {
  return db.reconcileDecisions.toArray();
}

/** The mapping kept for files with this header row, if any. */
export async function readSavedColumns(headers: readonly string[]): Promise<SavedColumns | null> {
  const stored = await db.settings.get(columnsSettingKey(headers));
  return stored ? parseSavedColumns(stored.value) : null;
}

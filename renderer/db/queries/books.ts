// Reads of books: one book, the book list, how many entries each holds, an existing copy of a
// book about to be created.
import { setAsideStatuses } from '../../../shared/workflow/workflow';
import type { SohoaDatabase } from '../database';
import type { Book } from '../types';

export function bookById(db: SohoaDatabase, bookId: string): Promise<Book | undefined> {
  return db.books.get(bookId);
}

/** Every book, the newest first, as the book list shows them. */
export function booksNewestFirst(db: SohoaDatabase): Promise<Book[]> {
  return db.books.orderBy('createdAt').reverse().toArray();
}

/** Each book's entries, voided ones left out (they are not the book's). */
export async function entryCounts(
  db: SohoaDatabase,
  books: readonly Pick<Book, 'id'>[],
): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const book of books) {
    // Voided entries are counted by their index, and left out.
    const [all, voided] = await Promise.all([
      db.records.where('bookId').equals(book.id).count(),
      db.records
        .where('[bookId+status]')
        .anyOf(setAsideStatuses().map((status) => [book.id, status]))
        .count(),
    ]);
    result[book.id] = all - voided;
  }
  return result;
}

/** A book already kept for the same register type, quyển số and year, if any. */
export function sameBook(
  db: SohoaDatabase,
  { type, quyenSo, year }: Pick<Book, 'type' | 'quyenSo' | 'year'>,
): Promise<Book | undefined> {
  return db.books
    .filter((book) => book.type === type && book.quyenSo === quyenSo && book.year === year)
    .first();
}

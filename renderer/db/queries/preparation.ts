// Reads of the pages made ready for export ahead of time (the prepared-pages cache).
import type { SohoaDatabase } from '../database';
import { preparedPageId, targetOf } from '../prepared-pages';
import type { Page } from '../types';

/** Changes whenever the book's pages or its export target do: time to prepare again. */
export async function preparationKey(db: SohoaDatabase, bookId: string): Promise<string | null> {
  const book = await db.books.get(bookId);
  if (!book) return null;
  return `${targetOf(book)}:${await db.pages.where('bookId').equals(bookId).count()}`;
}

/** One page as the export would take it: its scan, and its preparation for the book's target. */
export async function preparedPreview(
  db: SohoaDatabase,
  page: Pick<Page, 'bookId' | 'scanId' | 'indexInScan'>,
) {
  const [book, prepared, scan] = await Promise.all([
    db.books.get(page.bookId),
    db.preparedPages.get(preparedPageId(page.scanId, page.indexInScan)),
    db.scans.get(page.scanId),
  ]);
  const target = book ? targetOf(book) : null;
  return {
    target,
    scan: scan ?? null,
    prepared: prepared && prepared.targetBytesPerPage === target ? prepared.result : null,
  };
}

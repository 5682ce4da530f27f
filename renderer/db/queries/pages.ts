// Reads of a book's pages and the scan files they come from.
import type { SohoaDatabase } from '../database';
import type { Page, Scan } from '../types';

/** The book's pages in their order. */
export function pagesInOrder(db: SohoaDatabase, bookId: string): Promise<Page[]> {
  return db.pages.where('[bookId+order]').between([bookId, 0], [bookId, Infinity]).toArray();
}

export function pageById(db: SohoaDatabase, pageId: string): Promise<Page | undefined> {
  return db.pages.get(pageId);
}

export function scanById(db: SohoaDatabase, scanId: string): Promise<Scan | undefined> {
  return db.scans.get(scanId);
}

export function scansOfBook(db: SohoaDatabase, bookId: string): Promise<Scan[]> {
  return db.scans.where('bookId').equals(bookId).toArray();
}

/** The size of every scan file kept on this PC, in bytes. */
export async function scanBytes(db: SohoaDatabase): Promise<number> {
  let total = 0;
  await db.scans.each((scan) => {
    total += scan.size;
  });
  return total;
}

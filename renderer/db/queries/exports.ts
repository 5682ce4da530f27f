// Reads of a book's exports: the bundles made so far, and everything one export takes, read in
// one transaction so the entries, pages and earlier exports agree with each other.
import { approvalsWithoutEvent } from '../audit-status';
import type { SohoaDatabase } from '../database';
import type { ExportRun } from '../types';

/** The book's exports, the newest first. */
export function exportRuns(db: SohoaDatabase, bookId: string): Promise<ExportRun[]> {
  return db.exports.where('bookId').equals(bookId).reverse().sortBy('at');
}

export function exportSources(db: SohoaDatabase, bookId: string) {
  const tables = [db.records, db.pages, db.scans, db.exports, db.audit, db.preparedPages];
  return db.transaction('r', tables, async () => {
    const [records, pages, scans, runs, unaudited, prepared] = await Promise.all([
      db.records.where('bookId').equals(bookId).toArray(),
      db.pages.where('bookId').equals(bookId).toArray(),
      db.scans.where('bookId').equals(bookId).toArray(),
      db.exports.where('bookId').equals(bookId).toArray(),
      approvalsWithoutEvent(db),
      db.preparedPages.where('bookId').equals(bookId).toArray(),
    ]);
    return { records, pages, scans, runs, unaudited, prepared };
  });
}

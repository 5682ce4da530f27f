// Which entries a book's export takes: approved ones, so nothing unchecked reaches the Ministry.
// A book setting lets entries still waiting for review go too, for teams without a reviewer.
import type { Book, EntryRecord } from '../../db/types';

export function isExportable(book: Pick<Book, 'exportSubmitted'>, record: EntryRecord): boolean {
  return (
    record.status === 'approved' || (book.exportSubmitted === true && record.status === 'submitted')
  );
}

export function exportableEntries<T extends EntryRecord>(
  book: Pick<Book, 'exportSubmitted'>,
  records: readonly T[],
): T[] {
  return records.filter((record) => isExportable(book, record));
}

/**
 * The entries an export takes and how many of the book's entries it leaves out, so the officer
 * is told why an entry typed in the book is not in the bundle.
 */
export function selectForExport<T extends EntryRecord>(
  book: Pick<Book, 'exportSubmitted'>,
  records: readonly T[],
): { entries: T[]; leftOut: number } {
  const entries = exportableEntries(book, records);
  return { entries, leftOut: records.length - entries.length };
}

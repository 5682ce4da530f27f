// The counts of a reconciliation in the shape of the communes' reports, per book and overall:
// entries to digitise, rows typed in the extract, already present there, duplicates inside
// SoHoa, waiting for a person, left to move.
import type { ReconcileResult } from './reconcile-core';

export interface ReconcileCounts {
  /** Entries in SoHoa (the books to digitise). */
  total: number;
  /** Rows of the extract linked to these entries (overall: every row of the extract). */
  typed: number;
  /** Entries the extract already holds. */
  present: number;
  /** Pairs waiting for a person. */
  uncertain: number;
  /** Entries that also appear in another SoHoa book. */
  duplicates: number;
  /** Entries no extract row matches: to be moved. */
  leftToMove: number;
  /** Extract rows no entry matches (overall only; a row belongs to no book). */
  onlyExtract: number;
}

/** The counts in the order the screen and the report show them, as the communes report them. */
export const COUNT_ORDER: readonly (keyof ReconcileCounts)[] = [
  'total',
  'typed',
  'present',
  'duplicates',
  'leftToMove',
  'uncertain',
  'onlyExtract',
];

export interface BookCounts extends ReconcileCounts {
  bookId: string;
}

export interface ReconcileSummary {
  overall: ReconcileCounts;
  books: BookCounts[];
}

export function summarize(
  result: ReconcileResult,
  entries: readonly { id: string; bookId: string }[],
  extractRows: number,
): ReconcileSummary {
  const bookOf = new Map(entries.map((entry) => [entry.id, entry.bookId]));
  const byBook = new Map<string, BookCounts>();
  const countsFor = (bookId: string): BookCounts => {
    let counts = byBook.get(bookId);
    if (!counts) {
      counts = {
        bookId,
        total: 0,
        typed: 0,
        present: 0,
        uncertain: 0,
        duplicates: 0,
        leftToMove: 0,
        onlyExtract: 0,
      };
      byBook.set(bookId, counts);
    }
    return counts;
  };
  for (const entry of entries) countsFor(entry.bookId).total += 1;
  const add = (
    ids: Iterable<string>,
    key: 'typed' | 'present' | 'uncertain' | 'duplicates' | 'leftToMove',
  ) => {
    for (const id of ids) {
      const bookId = bookOf.get(id);
      if (bookId !== undefined) countsFor(bookId)[key] += 1;
    }
  };
  const linked = [...result.both, ...result.uncertain].map((pair) => pair.sohoaId);
  add(linked, 'typed');
  add(
    result.both.map((pair) => pair.sohoaId),
    'present',
  );
  add(
    result.uncertain.map((pair) => pair.sohoaId),
    'uncertain',
  );
  add(new Set(result.duplicates.flatMap((pair) => [pair.firstId, pair.secondId])), 'duplicates');
  add(result.onlySohoa, 'leftToMove');
  const books = [...byBook.values()];
  const sum = (key: keyof ReconcileCounts) => books.reduce((total, book) => total + book[key], 0);
  return {
    overall: {
      total: sum('total'),
      typed: extractRows,
      present: sum('present'),
      uncertain: sum('uncertain'),
      duplicates: sum('duplicates'),
      leftToMove: sum('leftToMove'),
      onlyExtract: result.onlyExtract.length,
    },
    books,
  };
}

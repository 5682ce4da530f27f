// One reconciliation as the screen holds it: the extract read, the books compared, the result,
// and lookups to name an entry or a row the way the officer knows them.
import { getTemplate } from '../../../shared/registers';
import type { BookEntries } from '../../db/queries/reconcile';
import type { ReconcileResult } from '../../workers/reconcile-core';
import type { Extract, ExtractRow } from '../../workers/reconcile-extract';

export interface ReconcileSession {
  extract: Extract;
  books: BookEntries[];
  result: ReconcileResult;
}

export interface EntryInfo {
  id: string;
  bookId: string;
  book: string;
  so: string;
  date: string;
  name: string;
  fields: Record<string, string>;
}

export interface EntryLookup {
  get: (id: string) => EntryInfo | undefined;
}

/**
 * Entries by id, each described only when asked for: the screen names a few hundred of 20,000
 * entries, and describing them all up front held the window for a tenth of a second or more.
 */
export function entryLookup(books: readonly BookEntries[]): EntryLookup {
  const found = new Map<string, { item: BookEntries; index: number }>();
  for (const item of books) {
    item.entries.forEach((entry, index) => found.set(entry.id, { item, index }));
  }
  const described = new Map<string, EntryInfo>();
  return {
    get(id) {
      const known = described.get(id);
      if (known) return known;
      const at = found.get(id);
      const entry = at?.item.entries[at.index];
      if (!at || !entry) return undefined;
      const { book } = at.item;
      const info: EntryInfo = {
        id: entry.id,
        bookId: book.id,
        book: book.quyenSo,
        so: entry.fields.so ?? '',
        date: entry.fields.ngayDangKy ?? '',
        name: entry.fields[getTemplate(book.templateVersion).mainNameField] ?? '',
        fields: entry.fields,
      };
      described.set(id, info);
      return info;
    },
  };
}

export function rowLookup(extract: Extract): Map<string, ExtractRow> {
  return new Map(extract.rows.map((row) => [row.key, row]));
}

export const mainNameOf = (extract: Extract): string =>
  getTemplate(extract.templateVersion).mainNameField;

// The last result stays for this window while the officer opens an entry and its scan from a
// pair and comes back; it is derived from stored data and never written anywhere.
let kept: ReconcileSession | null = null;

export function keptSession(): ReconcileSession | null {
  return kept;
}

export function keepSession(session: ReconcileSession | null): void {
  kept = session;
}

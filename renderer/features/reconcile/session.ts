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

export function entryLookup(books: readonly BookEntries[]): Map<string, EntryInfo> {
  const out = new Map<string, EntryInfo>();
  for (const { book, entries } of books) {
    const nameKey = getTemplate(book.templateVersion).mainNameField;
    for (const entry of entries) {
      out.set(entry.id, {
        id: entry.id,
        bookId: book.id,
        book: book.quyenSo,
        so: entry.fields.so ?? '',
        date: entry.fields.ngayDangKy ?? '',
        name: entry.fields[nameKey] ?? '',
        fields: entry.fields,
      });
    }
  }
  return out;
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

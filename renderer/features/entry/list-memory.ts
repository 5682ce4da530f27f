// Coming back from an entry, the list reopens as the officer left it: same filters, the entry
// just closed selected. Kept for the session only; a restart starts from the whole book.
import type { StatusFilter } from '../../db/reads';

export interface ListMemory {
  status: StatusFilter;
  searchText: string;
  selectedId: string | null;
}

const fresh: ListMemory = { status: 'all', searchText: '', selectedId: null };
const byBook = new Map<string, ListMemory>();

export function recallList(bookId: string): ListMemory {
  return byBook.get(bookId) ?? fresh;
}

export function rememberList(bookId: string, memory: ListMemory): void {
  byBook.set(bookId, memory);
}

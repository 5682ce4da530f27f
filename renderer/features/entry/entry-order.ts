import type { EntryRecord } from '../../db/types';

/** Entries in the order of their number in the book; unnumbered ones last. */
export function sortBySo(entries: EntryRecord[]): EntryRecord[] {
  const key = (entry: EntryRecord) => {
    const n = Number.parseInt(entry.fields.so ?? '', 10);
    return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
  };
  return [...entries].sort((a, b) => key(a) - key(b) || a.createdAt - b.createdAt);
}

// Reads of entries: one entry, a book's entries, the entries around the one being typed.
import type { SohoaDatabase } from '../database';
import type { EntryRecord } from '../types';

export function entryById(db: SohoaDatabase, entryId: string): Promise<EntryRecord | undefined> {
  return db.records.get(entryId);
}

export function entriesOfBook(db: SohoaDatabase, bookId: string): Promise<EntryRecord[]> {
  return db.records.where('bookId').equals(bookId).toArray();
}

/** The entry typed last before `createdAt` in the book (the one before the open entry). */
export function entryTypedBefore(
  db: SohoaDatabase,
  bookId: string,
  createdAt: number,
): Promise<EntryRecord | undefined> {
  return db.records
    .where('[bookId+createdAt]')
    .between([bookId, -Infinity], [bookId, createdAt])
    .last();
}

/** The book's newest stored entry, whose number the next entry follows. */
export function newestEntry(db: SohoaDatabase, bookId: string): Promise<EntryRecord | undefined> {
  return db.records
    .where('[bookId+createdAt]')
    .between([bookId, -Infinity], [bookId, Infinity])
    .last();
}

/** Each entry's number (số), by id: what the officer matches against the paper book. */
export async function entryNumbers(
  db: SohoaDatabase,
  bookId: string,
): Promise<Map<string, string>> {
  return new Map(
    (await entriesOfBook(db, bookId)).map((record) => [record.id, record.fields.so ?? '']),
  );
}

export function entryIdsOfBook(db: SohoaDatabase, bookId: string): Promise<string[]> {
  return db.records.where('bookId').equals(bookId).primaryKeys();
}

export function entriesByIds(
  db: SohoaDatabase,
  ids: readonly string[],
): Promise<(EntryRecord | undefined)[]> {
  return db.records.bulkGet([...ids]);
}

/** Entries on this PC, in every book. */
export function entryCount(db: SohoaDatabase): Promise<number> {
  return db.records.count();
}

/** Entries changed after `at`, in every book. */
export function entriesChangedAfter(db: SohoaDatabase, at: number): Promise<number> {
  return db.records.where('updatedAt').above(at).count();
}

/** Whether this PC holds no book, entry or scan at all. */
export async function isEmpty(db: SohoaDatabase): Promise<boolean> {
  return (await db.books.count()) + (await db.records.count()) + (await db.scans.count()) === 0;
}

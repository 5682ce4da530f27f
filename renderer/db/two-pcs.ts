// Two PCs of one commune for tests of work packages and restores: PC "a" holds a book with a
// two-page scan and four entries; PC "b" is empty. Both have an administrator signed in.
import { checkRows, type FileData } from './backup-rows';
import type { SohoaDatabase } from './database';
import type { Repositories } from './repositories';
import { sampleBook } from './sample-data';
import { freshIndexedDb, openCurrent, signedInRepositories, uniqueName } from './test-harness';
import type { EntryRecord } from './types';
import { contentHash } from './work-package-merge';

export interface Pc {
  db: SohoaDatabase;
  repo: Repositories;
}

export async function newPc(): Promise<Pc> {
  const db = openCurrent(uniqueName('pc'));
  await db.open();
  return { db, repo: (await signedInRepositories(db)).repo };
}

/**
 * What buildWorkPackage puts in a file, read back through the one validating path: the book,
 * its scans, pages and entries, and the sender's last exchanged state of each entry. The sender
 * then remembers what it sent, as the screen does once the file is handed over.
 */
export async function sendBook(from: Pc, bookId: string): Promise<FileData> {
  const tables = {
    books: await from.db.books.where('id').equals(bookId).toArray(),
    scans: await from.db.scans.where('bookId').equals(bookId).toArray(),
    pages: await from.db.pages.where('bookId').equals(bookId).toArray(),
    records: await from.db.records.where('bookId').equals(bookId).toArray(),
    exchanges: await from.db.exchanges.where('bookId').equals(bookId).toArray(),
  };
  const checked = checkRows(tables);
  if (!checked.ok) throw new Error(checked.detail);
  await from.repo.markExchanged(
    bookId,
    tables.records.map((record) => ({
      id: record.id,
      bookId: record.bookId,
      hash: contentHash(record),
    })),
    'goi.sohoa',
  );
  return checked.data;
}

export async function entry(pc: Pc, id: string): Promise<EntryRecord> {
  const record = await pc.db.records.get(id);
  if (!record) throw new Error(`no entry ${id}`);
  return record;
}
export let a: Pc;
export let b: Pc;
export let bookId: string;
export let ids: string[];

/** Sets up `a` and `b` afresh: call before each test. */
export async function twoPcsWithABook(): Promise<void> {
  freshIndexedDb();
  a = await newPc();
  b = await newPc();
  const book = await a.repo.createBook(sampleBook);
  bookId = book.id;
  await a.repo.addScan(bookId, {
    fileName: 'so.pdf',
    mimeType: 'application/pdf',
    blob: new Blob(['%PDF-1.7 scan']),
    pageCount: 2,
  });
  ids = [];
  for (const name of ['Lò Văn Một', 'Hà Thị Hai', 'Vi Văn Ba', 'Đinh Thị Bốn']) {
    const created = await a.repo.createEntry(bookId, null);
    await a.repo.saveFields(created.id, { nksHoTen: name });
    ids.push(created.id);
  }
}

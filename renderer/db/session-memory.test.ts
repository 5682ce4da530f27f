import { beforeEach, describe, expect, it } from 'vitest';
import type { SohoaDatabase } from './database';
import { sampleBook } from './sample-data';
import { freshIndexedDb, openCurrent, signedInRepositories, uniqueName } from './test-harness';
import {
  LAST_ROUTE_KEY,
  recallFocus,
  rememberFocus,
  rememberRoute,
  routeToRestore,
} from './session-memory';

let db: SohoaDatabase;

beforeEach(async () => {
  freshIndexedDb();
  db = openCurrent(uniqueName());
  await db.open();
});

async function seed() {
  const repo = (await signedInRepositories(db)).repo;
  const book = await repo.createBook(sampleBook);
  const entry = await repo.createEntry(book.id, null);
  return { book, entry };
}

describe('reopening the screen that was open', () => {
  it('reopens the entry that was open when the app starts without a screen', async () => {
    const { book, entry } = await seed();
    const hash = `#/books/${book.id}/entries/${entry.id}`;
    await rememberRoute(db, hash);
    expect(await routeToRestore(db, '')).toBe(hash);
    expect(await routeToRestore(db, '#')).toBe(hash);
  });

  it('leaves a screen the app was opened on alone', async () => {
    const { book, entry } = await seed();
    await rememberRoute(db, `#/books/${book.id}/entries/${entry.id}`);
    expect(await routeToRestore(db, '#/')).toBeNull();
    expect(await routeToRestore(db, `#/books/${book.id}`)).toBeNull();
  });

  it('starts on the book list when that is where the officer left', async () => {
    await seed();
    await rememberRoute(db, '#/');
    expect(await routeToRestore(db, '')).toBeNull();
  });

  it('starts fresh when nothing, or something unreadable, was remembered', async () => {
    expect(await routeToRestore(db, '')).toBeNull();
    await db.localSettings.put({ key: LAST_ROUTE_KEY, value: { hash: '#/books/x' } });
    expect(await routeToRestore(db, '')).toBeNull();
  });

  it('falls back to the book when the entry is gone, and to the list when the book is', async () => {
    const { book } = await seed();
    await rememberRoute(db, `#/books/${book.id}/entries/deleted-entry`);
    expect(await routeToRestore(db, '')).toBe(`#/books/${book.id}`);
    await rememberRoute(db, '#/books/deleted-book/entries/deleted-entry');
    expect(await routeToRestore(db, '')).toBeNull();
  });

  it('does not open an entry under a book it does not belong to', async () => {
    const { book } = await seed();
    const other = await seed();
    await rememberRoute(db, `#/books/${book.id}/entries/${other.entry.id}`);
    expect(await routeToRestore(db, '')).toBe(`#/books/${book.id}`);
  });
});

describe('remembering the field per entry', () => {
  it('keeps one field per entry, the latest one', async () => {
    await rememberFocus(db, 'e1', 'nksHoTen');
    await rememberFocus(db, 'e2', 'meHoTen');
    await rememberFocus(db, 'e1', 'nksNoiSinh');
    expect(await recallFocus(db, 'e1')).toBe('nksNoiSinh');
    expect(await recallFocus(db, 'e2')).toBe('meHoTen');
    expect(await recallFocus(db, 'e3')).toBeNull();
  });

  it('survives closing and reopening the database', async () => {
    const name = db.name;
    await rememberFocus(db, 'e1', 'chaHoTen');
    db.close();
    const reopened = openCurrent(name);
    expect(await recallFocus(reopened, 'e1')).toBe('chaHoTen');
    reopened.close();
  });
});

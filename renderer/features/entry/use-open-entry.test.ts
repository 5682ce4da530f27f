// Ctrl+Enter shows the next entry at once and stores it through the write queue while the
// officer types. Whatever order the write and the form's reads of the database land in, the
// entry stays on screen: taken off for a moment, the form came back built from a read older
// than what was typed, and the keys typed in between went nowhere.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SohoaDatabase } from '../../db/database';
import { newEntryRecord, type Repositories } from '../../db/repositories';
import { sampleBook } from '../../db/sample-data';
import {
  freshIndexedDb,
  openCurrent,
  signedInRepositories,
  uniqueName,
} from '../../db/test-harness';
import type { Book, EntryRecord } from '../../db/types';
import type { EntryRead } from './use-open-entry';

const open = vi.hoisted(() => ({
  repo: null as Repositories | null,
  db: null as SohoaDatabase | null,
}));

// The queue and the form's reads talk to real repositories over a real (in-memory) IndexedDB.
vi.mock('../../db', () => {
  const repo = () => {
    if (!open.repo) throw new Error('No database open');
    return open.repo;
  };
  return {
    get db() {
      return open.db;
    },
    repo: {
      addEntry: (...args: Parameters<Repositories['addEntry']>) => repo().addEntry(...args),
      saveFields: (...args: Parameters<Repositories['saveFields']>) => repo().saveFields(...args),
    },
  };
});

let db: SohoaDatabase;
let repo: Repositories;
let book: Book;

beforeEach(async () => {
  freshIndexedDb();
  db = openCurrent(uniqueName());
  await db.open();
  ({ repo } = await signedInRepositories(db));
  open.repo = repo;
  open.db = db;
  book = await repo.createBook(sampleBook);
});

afterEach(() => {
  open.repo = null;
  db.close();
});

async function load() {
  vi.resetModules();
  const { entryWriter } = await import('./entry-writer');
  const { entryToShow } = await import('./use-open-entry');
  return { writer: entryWriter, entryToShow };
}

/** What the form's query of the database answers for `entryId` at this moment. */
const readOf = async (entryId: string): Promise<EntryRead> => ({
  entryId,
  record: await db.records.get(entryId),
});

describe('the entry opened with Ctrl+Enter', () => {
  it('stays on screen while its write lands before the form has read it back', async () => {
    const { writer, entryToShow } = await load();
    const first = await repo.createEntry(book.id, null);
    const readFirst = await readOf(first.id);
    let shown = entryToShow(first.id, readFirst, writer.createdEntry(first.id), undefined);
    expect(shown?.id).toBe(first.id);

    // Ctrl+Enter: the next entry is queued and shown at once, and the form reads it.
    const next = newEntryRecord(book, null, first, Date.now());
    const landing = writer.create(next);
    const readBeforeLanding = readOf(next.id);
    shown = entryToShow(next.id, readFirst, writer.createdEntry(next.id), shown);
    expect(shown?.id).toBe(next.id);
    // The officer is typing into it by now (kept by the form, written after the debounce).
    const read = await readBeforeLanding;
    expect(read.record).toBeUndefined();
    shown = entryToShow(next.id, read, writer.createdEntry(next.id), shown);
    expect(shown?.id).toBe(next.id);

    // The write lands; the form's query has not seen it yet when the screen is drawn again.
    expect(await landing).toBe(true);
    shown = entryToShow(next.id, read, writer.createdEntry(next.id), shown);
    expect(shown?.id, 'the entry typed into is still on screen').toBe(next.id);
    // Nor when the query still holds the entry left behind.
    expect(entryToShow(next.id, readFirst, writer.createdEntry(next.id), shown)?.id).toBe(next.id);

    // What was typed reaches the entry it was typed into, and the read that follows shows it.
    expect(await writer.save(next.id, { nksHoTen: 'Trần Thị Bình' })).toBe(true);
    const stored = entryToShow(next.id, await readOf(next.id), writer.createdEntry(next.id), shown);
    expect(stored?.fields.nksHoTen).toBe('Trần Thị Bình');
  });

  it('opened again later, waits for the database instead of showing the blank copy it began as', async () => {
    const { writer, entryToShow } = await load();
    const next: EntryRecord = newEntryRecord(book, null, undefined, Date.now());
    await writer.create(next);
    await writer.save(next.id, { nksHoTen: 'Lê Văn Cường' });

    // From the list (nothing of it on screen), before its read is in: nothing yet.
    expect(entryToShow(next.id, undefined, writer.createdEntry(next.id), null)).toBeNull();
    const opened = entryToShow(next.id, await readOf(next.id), writer.createdEntry(next.id), null);
    expect(opened?.fields.nksHoTen).toBe('Lê Văn Cường');
  });
});

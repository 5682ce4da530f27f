// A full disk may come and go at any point of Ctrl+Enter and typing: the entry is created, then
// its fields saved, each in its own transaction. Whatever the disk refused in between, once
// space is back every value typed must be stored, once, and the banner must clear.
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { verifyAuditChain } from '../../db/audit-chain';
import type { SohoaDatabase } from '../../db/database';
import { newEntryRecord, type Repositories } from '../../db/repositories';
import { sampleBook } from '../../db/sample-data';
import {
  freshIndexedDb,
  openCurrent,
  signedInRepositories,
  uniqueName,
} from '../../db/test-harness';
import type { Book } from '../../db/types';
import { useUiStore } from '../../store/ui-store';

const stored = vi.hoisted(() => ({ repo: null as Repositories | null }));

// The writer talks to real repositories over a real (in-memory) IndexedDB.
vi.mock('../../db', () => {
  const repo = () => {
    if (!stored.repo) throw new Error('No database open');
    return stored.repo;
  };
  return {
    repo: {
      addEntry: (...args: Parameters<Repositories['addEntry']>) => repo().addEntry(...args),
      saveFields: (...args: Parameters<Repositories['saveFields']>) => repo().saveFields(...args),
    },
  };
});

/** Object-store writes the disk still takes; each add or put uses one. */
let space = Infinity;

/** The disk as IndexedDB meets it: once it is full, every write fails as Chromium fails it. */
function rationDiskSpace(): void {
  for (const method of ['add', 'put'] as const) {
    const original = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, method)
      ?.value as IDBObjectStore['add'];
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['add']>
    ) {
      if (space <= 0) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      space -= 1;
      return original.apply(this, args);
    });
  }
}

let db: SohoaDatabase;
let book: Book;

beforeEach(async () => {
  freshIndexedDb();
  db = openCurrent(uniqueName());
  await db.open();
  const { repo } = await signedInRepositories(db);
  stored.repo = repo;
  book = await repo.createBook(sampleBook);
  space = Infinity;
  rationDiskSpace();
  // Each failure is logged for support; the test reads the banner instead.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  useUiStore.getState().clearWriteFailure();
});

afterEach(() => {
  vi.restoreAllMocks();
  stored.repo = null;
  db.close();
});

async function freshWriter() {
  vi.resetModules();
  return (await import('./entry-writer')).entryWriter;
}

const typed = {
  nksHoTen: 'Nguyễn Thị Hoa',
  nksNoiSinh: 'Trạm y tế xã An Nhơn',
  nksQueQuan: 'Thôn 3, xã An Nhơn',
};

/**
 * Ctrl+Enter, then typing, with the disk full from its `fullAfter`-th write on; then a
 * little space (`freed` writes) comes back and is used up again; then all of it.
 */
async function typeThroughFullDisk(fullAfter: number, freed: number) {
  const writer = await freshWriter();
  space = fullAfter;
  const next = newEntryRecord(book, null, undefined, Date.now());
  await writer.create(next);
  await writer.save(next.id, { nksHoTen: typed.nksHoTen });
  await writer.save(next.id, { nksNoiSinh: typed.nksNoiSinh });
  // The form tries again by itself while the disk stays full.
  await writer.settle();
  space = freed;
  await writer.settle();
  await writer.save(next.id, { nksQueQuan: typed.nksQueQuan });
  space = Infinity;
  const isWritten = await writer.settle();
  return { id: next.id, isWritten, writer };
}

describe('typing a new entry while the disk fills up and is freed', () => {
  it('stores what was typed once space is back, after the entry got in but its fields did not', async () => {
    // Enough space for the entry and its audit event, not for the first field.
    const { id, isWritten, writer } = await typeThroughFullDisk(0, 2);
    expect(isWritten).toBe(true);
    expect((await db.records.get(id))?.fields).toMatchObject(typed);
    expect(useUiStore.getState().writeFailure).toBeNull();
    expect(writer.status()).toEqual({ busy: false, failed: false });
  });

  // Every point at which the disk can fill (the whole sequence takes 8 writes), and every
  // amount of space freed in between.
  for (let fullAfter = 0; fullAfter <= 8; fullAfter += 1) {
    for (let freed = 0; freed <= 4; freed += 1) {
      it(`loses nothing when the disk fills after ${fullAfter} writes and ${freed} are freed for a while`, async () => {
        const { id, isWritten, writer } = await typeThroughFullDisk(fullAfter, freed);
        expect(isWritten).toBe(true);
        expect((await db.records.get(id))?.fields).toMatchObject(typed);
        expect(useUiStore.getState().writeFailure).toBeNull();
        expect(writer.status()).toEqual({ busy: false, failed: false });
        // Created once, and the trail still checks.
        const events = await db.audit.where('entityId').equals(id).toArray();
        expect(events.filter((event) => event.action === 'create')).toHaveLength(1);
        expect((await verifyAuditChain(db.audit)).ok).toBe(true);
      });
    }
  }
});

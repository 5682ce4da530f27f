// An import or a save cut off half-way (full disk, a crash inside the transaction) must leave
// the database as it was before it started: never a scan without its pages, or pages without
// their scan, or an entry change without its audit event.
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SohoaDatabase } from '../../db/database';
import type { createRepositories } from '../../db/repositories';
import { sampleBook } from '../../db/sample-data';
import {
  freshIndexedDb,
  openCurrent,
  signedInRepositories,
  uniqueName,
} from '../../db/test-harness';
import { importFiles } from '../scans/import-files';
import { classifyStorageError } from '../../store/storage-errors';

let db: SohoaDatabase;
let repo: ReturnType<typeof createRepositories>;

beforeEach(async () => {
  freshIndexedDb();
  db = openCurrent(uniqueName());
  await db.open();
  repo = (await signedInRepositories(db)).repo;
});

afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** The disk fills up while writing to one table, after the other writes of the transaction. */
function failWritesTo(storeName: string, afterWrites = 0): void {
  const add = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'add')
    ?.value as IDBObjectStore['add'];
  let writes = 0;
  vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
    this: IDBObjectStore,
    ...args: Parameters<IDBObjectStore['add']>
  ) {
    if (this.name === storeName && writes++ >= afterWrites) throw quota();
    return add.apply(this, args);
  });
}

const pdf = (name: string) => new File(['%PDF-1.7\n1 0 obj\n'], name);

async function snapshot() {
  return {
    scans: await db.scans.count(),
    pages: await db.pages.count(),
    audit: await db.audit.count(),
  };
}

describe('storing a scan', () => {
  it('stores nothing of it when its pages cannot be written', async () => {
    const book = await repo.createBook(sampleBook);
    const before = await snapshot();
    // Three of the five pages go in before the disk is full.
    failWritesTo('pages', 3);
    const error = await repo
      .addScan(book.id, {
        fileName: 'so-1.pdf',
        mimeType: 'application/pdf',
        blob: new Blob(['%PDF-1.7']),
        pageCount: 5,
      })
      .catch((caught: unknown) => caught);
    vi.restoreAllMocks();
    expect(classifyStorageError(error)).toBe('quota');
    expect(await snapshot()).toEqual(before);
  });

  it('stores nothing of it when the audit event cannot be written', async () => {
    const book = await repo.createBook(sampleBook);
    const before = await snapshot();
    failWritesTo('audit');
    await expect(
      repo.addScan(book.id, {
        fileName: 'so-1.pdf',
        mimeType: 'application/pdf',
        blob: new Blob(['%PDF-1.7']),
        pageCount: 2,
      }),
    ).rejects.toBeTruthy();
    vi.restoreAllMocks();
    expect(await snapshot()).toEqual(before);
  });

  it('keeps every file imported before the disk filled, whole, and none of the later ones', async () => {
    const book = await repo.createBook(sampleBook);
    let calls = 0;
    const summary = await importFiles([pdf('so-1.pdf'), pdf('so-2.pdf'), pdf('so-3.pdf')], {
      inspectPdf: () => Promise.resolve({ ok: true, pageCount: 4 }),
      normaliseImage: () => Promise.reject(new Error('no photos here')),
      addScan: (input) => {
        calls += 1;
        // The second file meets a full disk half-way through its pages; then space is back.
        if (calls === 2) failWritesTo('pages', 2);
        else vi.restoreAllMocks();
        return repo.addScan(book.id, input);
      },
    });
    vi.restoreAllMocks();
    expect(summary.outcomes.map((outcome) => [outcome.fileName, outcome.ok])).toEqual([
      ['so-1.pdf', true],
      ['so-2.pdf', false],
      ['so-3.pdf', true],
    ]);
    const scans = await db.scans.toArray();
    expect(scans.map((scan) => scan.fileName).sort()).toEqual(['so-1.pdf', 'so-3.pdf']);
    const pages = await db.pages
      .where('[bookId+order]')
      .between([book.id, 0], [book.id, 99])
      .toArray();
    // Numbered on with no gap where the failed file would have been.
    expect(pages.map((page) => page.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    for (const scan of scans) {
      expect(pages.filter((page) => page.scanId === scan.id)).toHaveLength(4);
    }
  });
});

describe('saving an entry', () => {
  it('keeps the entry as it was when the audit event cannot be written', async () => {
    const book = await repo.createBook(sampleBook);
    const entry = await repo.createEntry(book.id, null);
    await repo.saveFields(entry.id, { nksHoTen: 'Trần Thị Bình' });
    const stored = await db.records.get(entry.id);
    failWritesTo('audit');
    await expect(repo.saveFields(entry.id, { nksHoTen: 'Trần Thị Bình An' })).rejects.toBeTruthy();
    vi.restoreAllMocks();
    expect(await db.records.get(entry.id)).toEqual(stored);
  });
});

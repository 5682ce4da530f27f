import { beforeEach, describe, expect, it } from 'vitest';
import { sampleBook } from './sample-data';
import { freshIndexedDb, openCurrent, uniqueName } from './test-harness';
import type { SohoaDatabase } from './database';
import type { PrepareInput, PrepareOutcome } from '../workers/prepare-core';
import { preparationProgress, preparePending, type PrepareFn } from './prepared-pages';

/** A book with one scan of `pageCount` pages, `bytes` long, its pages in book order. */
async function bookWithScan(db: SohoaDatabase, pageCount: number, bytes = 200_000) {
  await db.books.add({ ...sampleBook, id: 'b1', createdAt: 1, updatedAt: 1 });
  await db.scans.add({
    id: 's1',
    bookId: 'b1',
    fileName: 'so-1.pdf',
    mimeType: 'application/pdf',
    size: bytes,
    blob: new Blob([new Uint8Array(bytes)]),
    pageCount,
    importedAt: 1,
  });
  await db.pages.bulkAdd(
    Array.from({ length: pageCount }, (_, i) => ({
      id: `p${i}`,
      bookId: 'b1',
      scanId: 's1',
      indexInScan: i,
      order: i,
      rotation: 0 as const,
    })),
  );
}

/** Stands in for the worker: every page re-encoded to 90 kB, or failing where told. */
function fakeWorker(failOn: number[] = []) {
  const asked: PrepareInput[] = [];
  const prepare: PrepareFn = (input) => {
    asked.push(input);
    if (failOn.includes(input.indexInScan)) return Promise.reject(new Error('page unreadable'));
    const outcome: PrepareOutcome = {
      kind: 'reencoded',
      jpeg: new Uint8Array(90_000),
      width: 1240,
      height: 1754,
      dpi: 150,
      jpegQuality: 0.5,
      legibility: 0.93,
      isOverTarget: false,
      source: { width: 2480, height: 3508, bytes: 900_000 },
    };
    return Promise.resolve(outcome);
  };
  return { prepare, asked };
}

describe('preparing scan pages for export', () => {
  let db: SohoaDatabase;
  beforeEach(() => {
    freshIndexedDb();
    db = openCurrent(uniqueName());
  });

  it('prepares every page of the book in order and stores the export-ready JPEG', async () => {
    await bookWithScan(db, 3);
    const worker = fakeWorker();
    expect(await preparationProgress(db, 'b1')).toEqual({ done: 0, total: 3, failed: 0 });

    const run = await preparePending(db, 'b1', worker.prepare);

    expect(run).toEqual({ prepared: 3, failed: 0, paused: 0 });
    expect(worker.asked.map((input) => input.indexInScan)).toEqual([0, 1, 2]);
    expect(worker.asked.every((input) => input.targetBytesPerPage === 100_000)).toBe(true);
    const stored = await db.preparedPages.get('s1#1');
    expect(stored).toMatchObject({ bookId: 'b1', targetBytesPerPage: 100_000 });
    expect(stored?.result.kind).toBe('reencoded');
    if (stored?.result.kind === 'reencoded') expect(stored.result.jpeg.size).toBe(90_000);
    expect(await preparationProgress(db, 'b1')).toEqual({ done: 3, total: 3, failed: 0 });
  });

  it('gives each page after the first the previous page’s result as a starting hint', async () => {
    await bookWithScan(db, 2);
    const worker = fakeWorker();
    await preparePending(db, 'b1', worker.prepare);
    expect(worker.asked[0]?.hint).toBeNull();
    expect(worker.asked[1]?.hint).toEqual({
      dpi: 150,
      jpegQuality: 0.5,
      bytesPerPixel: 900_000 / (2480 * 3508),
    });
  });

  it('skips pages already prepared, so a run cut short resumes where it stopped', async () => {
    await bookWithScan(db, 4);
    const stop = new AbortController();
    const first = fakeWorker();
    await preparePending(db, 'b1', first.prepare, {
      beforePage: () => {
        // Closing the app after two pages.
        if (first.asked.length === 2) stop.abort();
        return Promise.resolve();
      },
      signal: stop.signal,
    });
    expect(first.asked).toHaveLength(2);
    expect(await preparationProgress(db, 'b1')).toMatchObject({ done: 2, total: 4 });

    const second = fakeWorker();
    await preparePending(db, 'b1', second.prepare);
    expect(second.asked.map((input) => input.indexInScan)).toEqual([2, 3]);
    // Resumed from the hint the stored pages left.
    expect(second.asked[0]?.hint).not.toBeNull();

    const third = fakeWorker();
    expect(await preparePending(db, 'b1', third.prepare)).toEqual({
      prepared: 0,
      failed: 0,
      paused: 0,
    });
    expect(third.asked).toHaveLength(0);
  });

  it('prepares every page again when the book’s size target changes', async () => {
    await bookWithScan(db, 2);
    await preparePending(db, 'b1', fakeWorker().prepare);
    await db.books.update('b1', { exportTargetBytesPerPage: 150_000 });
    expect(await preparationProgress(db, 'b1')).toMatchObject({ done: 0, total: 2 });

    const again = fakeWorker();
    await preparePending(db, 'b1', again.prepare);
    expect(again.asked.map((input) => input.targetBytesPerPage)).toEqual([150_000, 150_000]);
    expect((await db.preparedPages.get('s1#0'))?.targetBytesPerPage).toBe(150_000);
  });

  it('records a page that fails and goes on with the others', async () => {
    await bookWithScan(db, 3);
    const worker = fakeWorker([1]);
    const run = await preparePending(db, 'b1', worker.prepare);
    expect(run).toEqual({ prepared: 2, failed: 1, paused: 0 });
    expect(worker.asked.map((input) => input.indexInScan)).toEqual([0, 1, 2]);
    expect((await db.preparedPages.get('s1#1'))?.result).toEqual({
      kind: 'failed',
      message: 'page unreadable',
    });
    expect((await db.preparedPages.get('s1#2'))?.result.kind).toBe('reencoded');
    expect(await preparationProgress(db, 'b1')).toEqual({ done: 3, total: 3, failed: 1 });
  });

  it('settles a scan file smaller than any page budget without asking the worker', async () => {
    await bookWithScan(db, 2, 8_000);
    const worker = fakeWorker();
    expect(await preparePending(db, 'b1', worker.prepare)).toEqual({
      prepared: 2,
      failed: 0,
      paused: 0,
    });
    expect(worker.asked).toHaveLength(0);
    expect((await db.preparedPages.get('s1#0'))?.result).toEqual({ kind: 'withinTarget' });
  });
});

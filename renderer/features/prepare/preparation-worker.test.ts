import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { sampleBook } from '../../db/sample-data';
import type { FromPrepareWorker, ToPrepareWorker } from '../../workers/prepare-protocol';

/** Stands in for the preparing worker: answers every page at once, and counts its lives. */
class FakeWorker {
  static started = 0;
  static running = 0;
  onmessage: ((event: MessageEvent<FromPrepareWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  private isRunning = true;

  constructor() {
    FakeWorker.started += 1;
    FakeWorker.running += 1;
  }

  postMessage(message: ToPrepareWorker) {
    queueMicrotask(() =>
      this.onmessage?.({
        data: { type: 'prepared', id: message.id, outcome: { kind: 'withinTarget' } },
      } as MessageEvent<FromPrepareWorker>),
    );
  }

  terminate() {
    if (this.isRunning) FakeWorker.running -= 1;
    this.isRunning = false;
  }
}

afterEach(() => vi.unstubAllGlobals());

describe('the worker that prepares pages', () => {
  it('starts afresh for each page and is gone once the book is prepared', async () => {
    vi.stubGlobal('indexedDB', new IDBFactory());
    vi.stubGlobal('IDBKeyRange', IDBKeyRange);
    vi.stubGlobal('Worker', FakeWorker);
    const { db } = await import('../../db/database');
    const { startPreparation } = await import('./preparation');
    await db.books.add({ ...sampleBook, id: 'b1', createdAt: 1, updatedAt: 1 });
    await db.scans.add({
      id: 's1',
      bookId: 'b1',
      fileName: 'so-1.pdf',
      mimeType: 'application/pdf',
      size: 200_000,
      blob: new Blob([new Uint8Array(200_000)]),
      pageCount: 3,
      importedAt: 1,
    });
    await db.pages.bulkAdd(
      [0, 1, 2].map((i) => ({
        id: `p${i}`,
        bookId: 'b1',
        scanId: 's1',
        indexInScan: i,
        order: i,
        rotation: 0 as const,
      })),
    );

    const run = await startPreparation('b1', new AbortController().signal);

    expect(run).toEqual({ prepared: 3, failed: 0, paused: 0 });
    expect(FakeWorker.started).toBe(3);
    expect(FakeWorker.running).toBe(0);
  });
});

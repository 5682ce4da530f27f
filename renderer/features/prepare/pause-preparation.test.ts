import { beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleBook } from '../../db/sample-data';
import { freshIndexedDb, openCurrent, uniqueName } from '../../db/test-harness';
import type { SohoaDatabase } from '../../db/database';
import { preparationProgress, preparePending, type PrepareFn } from '../../db/prepared-pages';
import type { PrepareInput, PrepareOutcome } from '../../workers/prepare-core';
import { OfficerQuiet, pauseForOfficer, waitForOfficer, type QuietClock } from './officer-quiet';

/** A clock the test moves by hand: sleeps end only when the time is advanced past them. */
class FakeClock implements QuietClock {
  time = 0;
  private sleepers: { until: number; wake: () => void }[] = [];
  now = () => this.time;
  sleep = (ms: number) =>
    new Promise<void>((wake) => this.sleepers.push({ until: this.time + ms, wake }));
  advance(ms: number) {
    this.time += ms;
    const due = this.sleepers.filter((sleeper) => sleeper.until <= this.time);
    this.sleepers = this.sleepers.filter((sleeper) => sleeper.until > this.time);
    for (const sleeper of due) sleeper.wake();
  }
}

const reencoded: PrepareOutcome = {
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

async function bookWithScan(db: SohoaDatabase, pageCount: number) {
  await db.books.add({ ...sampleBook, id: 'b1', createdAt: 1, updatedAt: 1 });
  await db.scans.add({
    id: 's1',
    bookId: 'b1',
    fileName: 'so-1.pdf',
    mimeType: 'application/pdf',
    size: 200_000,
    blob: new Blob([new Uint8Array(200_000)]),
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

/**
 * Stands in for the preparing worker: each page runs until the test finishes it; stopping the
 * worker drops the page under way (and its memory) unfinished.
 */
function slowWorker() {
  const asked: number[] = [];
  let finishPage: (() => void) | null = null;
  let stops = 0;
  const work = (input: PrepareInput) =>
    new Promise<PrepareOutcome>((resolve) => {
      asked.push(input.indexInScan);
      finishPage = () => resolve(reencoded);
    });
  const stop = () => {
    stops += 1;
    finishPage = null;
  };
  return {
    asked,
    work,
    stop,
    get stops() {
      return stops;
    },
    finish() {
      const finish = finishPage;
      finishPage = null;
      finish?.();
    },
    get isWorking() {
      return finishPage !== null;
    },
  };
}

describe('a page being prepared when the officer comes back', () => {
  let db: SohoaDatabase;
  beforeEach(() => {
    freshIndexedDb();
    db = openCurrent(uniqueName());
  });

  it('is stopped at once, not marked failed, and prepared again after three quiet seconds', async () => {
    await bookWithScan(db, 2);
    const clock = new FakeClock();
    const quiet = new OfficerQuiet(clock, 3000);
    const worker = slowWorker();
    const prepare: PrepareFn = (input) =>
      pauseForOfficer(quiet, () => worker.work(input), worker.stop);
    const running = preparePending(db, 'b1', prepare, {
      beforePage: () => waitForOfficer(quiet, () => undefined),
    });

    await vi.waitFor(() => expect(worker.isWorking).toBe(true));
    expect(worker.asked).toEqual([0]);
    // The officer presses a key while page 1 is being prepared.
    quiet.noteActivity();
    expect(worker.stops).toBe(1);
    expect(worker.isWorking).toBe(false);
    expect(await preparationProgress(db, 'b1')).toEqual({ done: 0, total: 2, failed: 0 });

    // Still typing: nothing starts until the officer leaves the screen alone for 3 s.
    clock.advance(2000);
    quiet.noteActivity();
    clock.advance(2999);
    await Promise.resolve();
    expect(worker.asked).toEqual([0]);
    clock.advance(1);
    await vi.waitFor(() => expect(worker.isWorking).toBe(true));
    expect(worker.asked).toEqual([0, 0]);

    worker.finish();
    await vi.waitFor(() => expect(worker.asked).toEqual([0, 0, 1]));
    worker.finish();

    expect(await running).toEqual({ prepared: 2, failed: 0, paused: 1 });
    expect((await db.preparedPages.get('s1#0'))?.result.kind).toBe('reencoded');
    expect(await preparationProgress(db, 'b1')).toEqual({ done: 2, total: 2, failed: 0 });
  });

  it('lets a page finish that ends before the officer comes back', async () => {
    const clock = new FakeClock();
    const quiet = new OfficerQuiet(clock, 3000);
    const worker = slowWorker();
    const page = pauseForOfficer(
      quiet,
      () => worker.work({ indexInScan: 0 } as PrepareInput),
      worker.stop,
    );
    worker.finish();
    expect(await page).toEqual(reencoded);
    quiet.noteActivity();
    expect(worker.stops).toBe(0);
  });

  it('still records a page whose preparation fails', async () => {
    const clock = new FakeClock();
    const quiet = new OfficerQuiet(clock, 3000);
    const page = pauseForOfficer(
      quiet,
      () => Promise.reject(new Error('page unreadable')),
      () => undefined,
    );
    await expect(page).rejects.toThrow('page unreadable');
  });
});

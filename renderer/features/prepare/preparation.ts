// The app's side of preparing pages: one background worker, one book's run at a time, each
// page waiting for the officer to leave keyboard, mouse and viewer alone for a few seconds (the
// worker is ended meanwhile, giving its memory back; a page under way when the officer comes
// back is stopped and prepared again later), for the screen to be idle and for any export to
// finish, so typing and page views keep the CPU and memory they need on a two-core
// PC. Runs start when a book opens and again when pages come in.
import type { Scan } from '../../db/types';
import type { FromPrepareWorker, ToPrepareWorker } from '../../workers/prepare-protocol';
import { preparationReads, type PreparationRun, type PrepareFn } from '../../db/reads';
import { OfficerQuiet, pauseForOfficer, waitForOfficer, watchOfficer } from './officer-quiet';

type Pending = { resolve: (message: FromPrepareWorker) => void; reject: (error: Error) => void };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(error: Error) {
  for (const waiting of pending.values()) waiting.reject(error);
  pending.clear();
}

function ask(message: Omit<ToPrepareWorker, 'id'>): Promise<FromPrepareWorker> {
  if (!worker) {
    const made = new Worker(new URL('../../workers/prepare.worker.ts', import.meta.url), {
      type: 'module',
    });
    made.onmessage = (event: MessageEvent<FromPrepareWorker>) => {
      const waiting = pending.get(event.data.id);
      pending.delete(event.data.id);
      waiting?.resolve(event.data);
    };
    made.onerror = (event) => {
      // A crashed worker is replaced on the next page; the pages it had fail, the rest go on.
      made.terminate();
      if (worker === made) worker = null;
      failAll(new Error(event.message || 'preparation worker stopped'));
    };
    worker = made;
  }
  const id = nextId++;
  const target = worker;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    target.postMessage({ ...message, id });
  });
}

let runsGoing = 0;

/**
 * Ends the worker when nothing is asked of it and no run is going: its decoded pages and
 * canvases go back to the system before the officer exports.
 */
function stopWorkerWhenIdle(): void {
  if (!worker || runsGoing > 0 || pending.size > 0) return;
  worker.terminate();
  worker = null;
}

/**
 * Ends the worker in the middle of a page, for the officer who came back: the decoded page and
 * canvases it holds go back to the system now rather than when the page is done.
 */
function stopWorkerNow(): void {
  if (!worker) return;
  worker.terminate();
  worker = null;
  failAll(new Error('preparation stopped for the officer'));
}

const prepareInWorker: PrepareFn = (input) =>
  pauseForOfficer(
    officerQuiet,
    async () => {
      const answer = await ask({ type: 'prepare', ...input });
      if (answer.type === 'prepared') return answer.outcome;
      throw new Error(answer.type === 'failed' ? answer.message : 'unexpected answer');
    },
    stopWorkerNow,
  );

/** The scan page's own JPEG, for previewing a page that goes out as scanned. */
export async function scanPageJpeg(scan: Scan, indexInScan: number): Promise<Blob | null> {
  if (scan.mimeType.startsWith('image/')) return scan.blob;
  const answer = await ask({
    type: 'image',
    scanId: scan.id,
    scan: scan.blob,
    indexInScan,
  }).finally(stopWorkerWhenIdle);
  if (answer.type === 'failed') throw new Error(answer.message);
  if (answer.type !== 'image' || !answer.jpeg) return null;
  return new Blob([answer.jpeg.slice()], { type: 'image/jpeg' });
}

let holds = 0;
let onRelease: (() => void)[] = [];

/** Pauses preparing (between pages) until the returned function is called: for an export. */
export function holdPreparation(): () => void {
  holds += 1;
  let isReleased = false;
  return () => {
    if (isReleased) return;
    isReleased = true;
    holds -= 1;
    if (holds > 0) return;
    const waiting = onRelease;
    onRelease = [];
    for (const resume of waiting) resume();
  };
}

function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(() => resolve(), { timeout: 2000 });
    else setTimeout(resolve, 0);
  });
}

const officerQuiet = new OfficerQuiet({
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
});
let isWatchingOfficer = false;

/** Ends the worker between pages, even with a run going: it is started again for the next one. */
function releaseWorker(): void {
  if (!worker || pending.size > 0) return;
  worker.terminate();
  worker = null;
}

async function beforePage(signal: AbortSignal): Promise<void> {
  // Each page in a fresh worker: what the last page left for the worker's garbage collector
  // (pixel arrays of its size search) goes back at once instead of adding to the next page's.
  releaseWorker();
  for (;;) {
    while (holds > 0) await new Promise<void>((resolve) => onRelease.push(resolve));
    await waitForOfficer(officerQuiet, releaseWorker, signal);
    await whenIdle();
    // The officer may have come back while the screen was idle waiting.
    if (signal.aborted || (holds === 0 && officerQuiet.isQuiet())) return;
  }
}

let chain: Promise<unknown> = Promise.resolve();

/**
 * Prepares the book's unprepared pages, after any run already going (which `signal` of the
 * earlier caller stops between pages), so two runs never prepare the same page at once.
 */
export function startPreparation(bookId: string, signal: AbortSignal): Promise<PreparationRun> {
  if (!isWatchingOfficer && typeof window !== 'undefined') {
    watchOfficer(window, officerQuiet);
    isWatchingOfficer = true;
  }
  const run = chain.then(async () => {
    runsGoing += 1;
    try {
      return await preparationReads.preparePending(bookId, prepareInWorker, {
        signal,
        beforePage: () => beforePage(signal),
      });
    } finally {
      runsGoing -= 1;
      stopWorkerWhenIdle();
    }
  });
  chain = run.catch(() => undefined);
  return run;
}

// Prepares a book's scan pages for export in the background, one page at a time in book order:
// pages with no preparation for the book's current target (new imports, books from before,
// a changed target, a run cut short by closing the app) get one; a page that fails is
// recorded as failed and the export re-encodes it itself, as it does for unprepared pages. A
// page stopped part way for the officer (paused) is not a failure: it is prepared again later.
import type { SohoaDatabase } from './database';
import type { Book, PreparedPage, PreparedResult, Scan } from './types';
import type { SearchHint } from '../workers/page-reencode';
import { DEFAULT_TARGET_BYTES_PER_PAGE, imageBudget } from '../workers/pdf-images';
import type { PrepareInput, PrepareOutcome } from '../workers/prepare-core';

/**
 * A page whose preparation was stopped part way because the officer came back: nothing is
 * stored for it, and it is prepared again once the officer leaves the screen alone.
 */
export const PAUSED = { kind: 'paused' } as const;
export type Paused = typeof PAUSED;

/** Prepares one page; the worker in the app, a stand-in in tests. */
export type PrepareFn = (input: PrepareInput) => Promise<PrepareOutcome | Paused>;

export const preparedPageId = (scanId: string, indexInScan: number) => `${scanId}#${indexInScan}`;

export const targetOf = (book: Pick<Book, 'exportTargetBytesPerPage'>) =>
  book.exportTargetBytesPerPage ?? DEFAULT_TARGET_BYTES_PER_PAGE;

/**
 * Every file's page images weigh less than the file: a file within the smallest budget any
 * page can have needs no look inside at all.
 */
const SMALLEST_PAGE_BUDGET = imageBudget(0);

export interface PreparationRun {
  prepared: number;
  failed: number;
  /** Times a page was stopped part way for the officer (and prepared again later). */
  paused: number;
}

export interface PrepareOptions {
  signal?: AbortSignal;
  /** Waited for before each page: lets the app keep the CPU for the officer first. */
  beforePage?: () => Promise<void>;
}

/** Scan pages of the book, once each, in the book's page order. */
async function scanPagesInOrder(db: SohoaDatabase, bookId: string) {
  const pages = await db.pages
    .where('[bookId+order]')
    .between([bookId, -Infinity], [bookId, Infinity])
    .toArray();
  const seen = new Set<string>();
  return pages.flatMap((page) => {
    const id = preparedPageId(page.scanId, page.indexInScan);
    if (seen.has(id)) return [];
    seen.add(id);
    return [{ id, scanId: page.scanId, indexInScan: page.indexInScan }];
  });
}

/** How far the book's preparation is, for its current target. */
export async function preparationProgress(
  db: SohoaDatabase,
  bookId: string,
): Promise<{ done: number; total: number; failed: number }> {
  const book = await db.books.get(bookId);
  if (!book) return { done: 0, total: 0, failed: 0 };
  const target = targetOf(book);
  const [pages, prepared] = await Promise.all([
    scanPagesInOrder(db, bookId),
    db.preparedPages.where('bookId').equals(bookId).toArray(),
  ]);
  const ready = new Map(
    prepared.filter((item) => item.targetBytesPerPage === target).map((item) => [item.id, item]),
  );
  let done = 0;
  let failed = 0;
  for (const page of pages) {
    const item = ready.get(page.id);
    if (!item) continue;
    done += 1;
    if (item.result.kind === 'failed') failed += 1;
  }
  return { done, total: pages.length, failed };
}

function hintOf(result: PreparedResult): SearchHint | null {
  if (result.kind !== 'reencoded') return null;
  const { source } = result;
  return {
    dpi: result.dpi,
    jpegQuality: result.jpegQuality,
    bytesPerPixel: source.bytes / Math.max(1, source.width * source.height),
  };
}

function stored(outcome: PrepareOutcome): PreparedResult {
  if (outcome.kind !== 'reencoded') return outcome;
  const { jpeg, ...rest } = outcome;
  return { ...rest, jpeg: new Blob([jpeg], { type: 'image/jpeg' }) };
}

/** Prepares every page of the book that has no preparation for its current target. */
export async function preparePending(
  db: SohoaDatabase,
  bookId: string,
  prepare: PrepareFn,
  options: PrepareOptions = {},
): Promise<PreparationRun> {
  const run: PreparationRun = { prepared: 0, failed: 0, paused: 0 };
  const book = await db.books.get(bookId);
  if (!book) return run;
  const target = targetOf(book);
  const [pages, existing] = await Promise.all([
    scanPagesInOrder(db, bookId),
    db.preparedPages.where('bookId').equals(bookId).toArray(),
  ]);
  const current = existing.filter((item) => item.targetBytesPerPage === target);
  const done = new Set(current.map((item) => item.id));
  // Pages of one book are alike: start from where the last prepared page ended up.
  let hint: SearchHint | null = null;
  for (const item of current.sort((a, b) => a.preparedAt - b.preparedAt)) {
    hint = hintOf(item.result) ?? hint;
  }
  let scan: Scan | undefined;
  for (let at = 0; at < pages.length; at++) {
    const page = pages[at];
    if (!page || done.has(page.id)) continue;
    if (options.signal?.aborted) break;
    await options.beforePage?.();
    if (options.signal?.aborted) break;
    if (scan?.id !== page.scanId) scan = await db.scans.get(page.scanId);
    if (!scan) continue;
    let result: PreparedResult;
    if (scan.blob.size <= SMALLEST_PAGE_BUDGET) {
      result = { kind: 'withinTarget' };
    } else {
      let outcome: PrepareOutcome | Paused | Error;
      try {
        outcome = await prepare({
          scanId: scan.id,
          scan: scan.blob,
          indexInScan: page.indexInScan,
          targetBytesPerPage: target,
          hint,
        });
      } catch (error) {
        outcome = error instanceof Error ? error : new Error(String(error));
      }
      if (outcome instanceof Error) {
        result = { kind: 'failed', message: outcome.message };
      } else if (outcome.kind === 'paused') {
        // Not a failure: the same page again, once beforePage has waited for the officer.
        run.paused += 1;
        at -= 1;
        continue;
      } else {
        result = stored(outcome);
      }
    }
    hint = hintOf(result) ?? hint;
    const record: PreparedPage = {
      id: page.id,
      bookId,
      scanId: page.scanId,
      indexInScan: page.indexInScan,
      targetBytesPerPage: target,
      preparedAt: Date.now(),
      result,
    };
    await db.preparedPages.put(record);
    if (result.kind === 'failed') run.failed += 1;
    else run.prepared += 1;
  }
  return run;
}

// The window's side of showing a page by its picture: asks the page-picture worker whether a
// page is one JPEG (remembered per page, so it is found once) and for the picture decoded at
// the size shown, handed over as a ready bitmap. A page opened for the first time is found and
// drawn in one message.
import { LruCache } from './viewer-cache';
import type { PictureInfo, ShownPicture } from './page-picture-work';
import type { Rotation, ScaleRule } from './viewer-geometry';

export type { PictureInfo, ShownPicture };

interface PageRef {
  scanId: string;
  blob: Blob;
  index: number;
}

type JobBody =
  | ({ kind: 'find' } & PageRef)
  | ({ kind: 'show'; rule: ScaleRule; rotation: Rotation } & PageRef)
  | ({ kind: 'draw'; width: number; height: number; rotation: number } & PageRef);

export type PictureJob = JobBody & { id: number };

export type PictureJobResult =
  | { id: number; info: PictureInfo | null }
  | { id: number; shown: ShownPicture }
  | { id: number; bitmap: ImageBitmap }
  | { id: number; error: string };

type Pending = (result: PictureJobResult) => void;

let worker: Worker | null = null;
let workerUnavailable = false;
const pending = new Map<number, Pending>();
let nextId = 0;

function pictureWorker(): Worker | null {
  if (worker || workerUnavailable) return worker;
  try {
    worker = new Worker(new URL('./page-picture.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    workerUnavailable = true;
    return null;
  }
  worker.onmessage = (event: MessageEvent<PictureJobResult>) => {
    const settle = pending.get(event.data.id);
    pending.delete(event.data.id);
    settle?.(event.data);
  };
  worker.onerror = (event) => {
    // A crashed worker is replaced on the next page; what it held fails to pdfjs.
    worker?.terminate();
    worker = null;
    const jobs = [...pending.values()];
    pending.clear();
    for (const settle of jobs) settle({ id: -1, error: event.message || 'page worker failed' });
  };
  return worker;
}

async function run(job: JobBody): Promise<PictureJobResult> {
  const target = pictureWorker();
  if (!target) {
    // No workers (a locked-down browser): the same work in the window.
    const work = await import('./page-picture-work');
    try {
      return await work.runJob({ ...job, id: 0 });
    } catch (error) {
      return { id: 0, error: error instanceof Error ? error.message : String(error) };
    }
  }
  const id = ++nextId;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    target.postMessage({ ...job, id });
  });
}

/** What was found per page: a book's worth of small answers. */
const findings = new LruCache<string, Promise<PictureInfo | null>>({ maxEntries: 5000 });

/** The page's picture when the page is one JPEG covering it; null for pages pdfjs must draw. */
export function findPagePicture(
  scanId: string,
  blob: Blob,
  index: number,
): Promise<PictureInfo | null> {
  const key = `${scanId}:${index}`;
  let finding = findings.get(key);
  if (!finding) {
    finding = run({ kind: 'find', scanId, blob, index }).then((result) =>
      // Whatever the reader cannot follow is left to pdfjs.
      'info' in result ? result.info : null,
    );
    findings.set(key, finding);
  }
  return finding;
}

/**
 * Opens a page not found before: whether it is one picture, and that picture drawn at the scale
 * `rule` gives it, from one message to the worker. What was found is remembered as
 * findPagePicture would.
 */
export function showPagePicture(
  page: PageRef,
  rule: ScaleRule,
  rotation: Rotation,
): Promise<ShownPicture> {
  const shown = run({ kind: 'show', ...page, rule, rotation }).then((result): ShownPicture =>
    'shown' in result ? result.shown : { info: null },
  );
  findings.set(
    `${page.scanId}:${page.index}`,
    shown.then(({ info }) => info),
  );
  return shown;
}

/** Whether the page was found already (or is being found). */
export function isPageFound(scanId: string, index: number): boolean {
  return findings.has(`${scanId}:${index}`);
}

/** The page's picture decoded at the given device pixels, turned clockwise by `rotation`. */
export async function drawPagePicture(
  page: PageRef,
  width: number,
  height: number,
  rotation: number,
): Promise<ImageBitmap> {
  const result = await run({ kind: 'draw', ...page, width, height, rotation });
  if ('bitmap' in result) return result.bitmap;
  throw new Error('error' in result ? result.error : 'no picture');
}

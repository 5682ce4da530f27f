// The window's side of showing a page by its picture: asks the page-picture worker whether a
// page is one JPEG (remembered per page, so it is found once) and for the picture decoded at
// the size shown, handed over as a ready bitmap.
import { LruCache } from './viewer-cache';
import type { PictureInfo } from './page-picture-work';

export type { PictureInfo };

interface PageRef {
  scanId: string;
  blob: Blob;
  index: number;
}

export type PictureJob =
  | ({ id: number; kind: 'find' } & PageRef)
  | ({ id: number; kind: 'draw'; width: number; height: number; rotation: number } & PageRef);

export type PictureJobResult =
  | { id: number; info: PictureInfo | null }
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

type JobBody =
  | ({ kind: 'find' } & PageRef)
  | ({ kind: 'draw'; width: number; height: number; rotation: number } & PageRef);

async function run(job: JobBody): Promise<PictureJobResult> {
  const target = pictureWorker();
  if (!target) {
    // No workers (a locked-down browser): the same work in the window.
    const work = await import('./page-picture-work');
    try {
      return job.kind === 'find'
        ? { id: 0, info: await work.findPicture(job.scanId, job.blob, job.index) }
        : {
            id: 0,
            bitmap: await work.drawPicture(
              job.scanId,
              job.blob,
              job.index,
              job.width,
              job.height,
              job.rotation,
            ),
          };
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

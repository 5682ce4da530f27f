// Turns a book page into pixels: a PDF page that is one JPEG (most scans) by decoding that
// JPEG to the size shown, other PDF pages through pdfjs, photos through createImageBitmap, so
// the viewer, thumbnails and prefetch share one path and caches.
import type { PDFPageProxy } from 'pdfjs-dist';
import type { Page, Scan } from '../../db/types';
import {
  drawPagePicture,
  findPagePicture,
  isPageFound,
  showPagePicture,
  type PictureInfo,
} from './page-picture';
import { pictureDrawing, pictureSize } from './page-picture-work';
import { withScanPage } from './pdf';
import { scanRowCache } from './scan-rows';
import { SharedJobs } from './shared-jobs';
import {
  bytesOfBitmap,
  deviceMemoryGb,
  renderedByteBudget,
  THUMBNAIL_BYTE_BUDGET,
} from './viewer-budget';
import { LruCache } from './viewer-cache';
import {
  normalizeRotation,
  renderKey,
  rotatedSize,
  scaleByRule,
  type Rotation,
  type ScaleRule,
  type Size,
} from './viewer-geometry';
import { pageReads } from '../../db/reads';

interface PageSource {
  /** The page as it is normally shown (a PDF's own /Rotate applied), before the officer's turns. */
  size: Size;
  draw: (scale: number, rotation: Rotation, signal?: AbortSignal) => Promise<ImageBitmap>;
}

/** Page sources are cheap (a pdfjs page proxy or a size): keep a book's worth. */
const sources = new LruCache<string, Promise<PageSource>>({ maxEntries: 400 });
const sizes = new Map<string, Size>();
/** Decoded photos are large (a 300 dpi A4 is ~35 MB): keep the shown one and the next. */
const decodedImages = new LruCache<string, Promise<ImageBitmap>>({
  maxEntries: 2,
  onEvict: (decoding) => {
    decoding.then(
      (bitmap) => bitmap.close(),
      () => undefined,
    );
  },
});

/** Rendered pages: the shown page, the next and the previous, and a few zoom levels. */
const rendered = new LruCache<string, ImageBitmap>({
  maxEntries: 8,
  maxCost: renderedByteBudget(deviceMemoryGb()),
  costOf: bytesOfBitmap,
  onEvict: (bitmap) => bitmap.close(),
});
const thumbnails = new LruCache<string, ImageBitmap>({
  maxEntries: 600,
  maxCost: THUMBNAIL_BYTE_BUDGET,
  costOf: bytesOfBitmap,
  onEvict: (bitmap) => bitmap.close(),
});
/** Renders under way, shared by the shown page, its prefetch and repeated effect runs. */
const inFlight = new SharedJobs<ImageBitmap>();
/**
 * pdfjs keeps a rendered page's decoded images until cleanup(): keep only the last few pages
 * warm (zooming re-renders them fast) and let the rest go, or a long book fills the memory.
 */
const warmPdfPages = new LruCache<string, PDFPageProxy>({
  maxEntries: 3,
  // pdfjs defers the cleanup itself while the page is still rendering.
  onEvict: (pdfPage) => void pdfPage.cleanup(),
});

function isImageScan(scan: Scan): boolean {
  return scan.mimeType.startsWith('image/');
}

function newCanvas(size: Size): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.floor(size.width));
  canvas.height = Math.max(1, Math.floor(size.height));
  return canvas;
}

async function toBitmap(canvas: HTMLCanvasElement): Promise<ImageBitmap> {
  const bitmap = await createImageBitmap(canvas);
  // Give the canvas memory back now rather than at the next garbage collection.
  canvas.width = 0;
  canvas.height = 0;
  return bitmap;
}

function abortError(): Error {
  const error = new Error('Rendering cancelled');
  error.name = 'RenderingCancelledException';
  return error;
}

export function isCancelled(error: unknown): boolean {
  return error instanceof Error && error.name === 'RenderingCancelledException';
}

async function pdfSource(pageId: string, scan: Scan, index: number): Promise<PageSource> {
  const withPage = <T>(borrow: (pdfPage: PDFPageProxy) => Promise<T>) =>
    withScanPage(scan.id, scan.blob, index, borrow);
  const { own, size } = await withPage((pdfPage) => {
    const rotate = normalizeRotation(pdfPage.rotate);
    const base = pdfPage.getViewport({ scale: 1, rotation: rotate });
    return Promise.resolve({ own: rotate, size: { width: base.width, height: base.height } });
  });
  return {
    size,
    draw: (scale, rotation, signal) =>
      withPage(async (pdfPage) => {
        warmPdfPages.set(pageId, pdfPage);
        const viewport = pdfPage.getViewport({ scale, rotation: (own + rotation) % 360 });
        const canvas = newCanvas(viewport);
        const task = pdfPage.render({ canvas, viewport });
        const cancel = () => task.cancel();
        signal?.addEventListener('abort', cancel);
        try {
          await task.promise;
        } finally {
          signal?.removeEventListener('abort', cancel);
        }
        return toBitmap(canvas);
      }),
  };
}

/**
 * A PDF page that is one JPEG covering it: the JPEG decoded straight to the size shown, off the
 * window. Should the picture fail to decode, pdfjs draws the page as before.
 */
function pictureSource(
  pageId: string,
  scan: Scan,
  index: number,
  picture: PictureInfo,
): PageSource {
  let fallback: Promise<PageSource> | null = null;
  return {
    size: pictureSize(picture),
    async draw(scale, rotation, signal) {
      const { width, height, turn } = pictureDrawing(picture, scale, rotation);
      let bitmap: ImageBitmap;
      try {
        bitmap = await drawPagePicture(
          { scanId: scan.id, blob: scan.blob, index },
          width,
          height,
          turn,
        );
      } catch (error) {
        console.warn('Page picture could not be decoded; drawing the page instead', error);
        fallback ??= pdfSource(pageId, scan, index);
        return (await fallback).draw(scale, rotation, signal);
      }
      if (signal?.aborted) {
        bitmap.close();
        throw abortError();
      }
      return bitmap;
    },
  };
}

function decodeImage(scan: Scan): Promise<ImageBitmap> {
  let decoding = decodedImages.get(scan.id);
  if (!decoding) {
    // Photos are normalised on import; honouring EXIF here too keeps old imports upright.
    decoding = createImageBitmap(scan.blob, { imageOrientation: 'from-image' });
    decoding.catch(() => decodedImages.delete(scan.id));
    decodedImages.set(scan.id, decoding);
  }
  return decoding;
}

async function imageSource(scan: Scan): Promise<PageSource> {
  const first = await decodeImage(scan);
  const size = { width: first.width, height: first.height };
  return {
    size,
    async draw(scale, rotation, signal) {
      let image = await decodeImage(scan);
      // A bitmap evicted meanwhile is closed (0×0): decode again.
      if (image.width === 0) {
        decodedImages.delete(scan.id);
        image = await decodeImage(scan);
      }
      if (signal?.aborted) throw abortError();
      const drawn = { width: size.width * scale, height: size.height * scale };
      const canvas = newCanvas(rotatedSize(drawn, rotation));
      const context = canvas.getContext('2d');
      if (!context) throw new Error('Canvas 2D is not available');
      context.imageSmoothingQuality = 'high';
      context.translate(canvas.width / 2, canvas.height / 2);
      context.rotate((rotation * Math.PI) / 180);
      context.drawImage(image, -drawn.width / 2, -drawn.height / 2, drawn.width, drawn.height);
      return toBitmap(canvas);
    },
  };
}

/** Bitmaps drawn while their page was opened, not yet shown: a first view, not a cache hit. */
const openedWithPage = new WeakSet<ImageBitmap>();

/** Whether the bitmap was drawn in the same go as finding its page (and is shown the first time). */
export function isFirstDrawing(bitmap: ImageBitmap): boolean {
  const first = openedWithPage.has(bitmap);
  openedWithPage.delete(bitmap);
  return first;
}

/**
 * A PDF page opened for the first time with a scale rule: found and, when it is one picture,
 * drawn at that scale by one worker message; the drawing waits in the cache for the viewer.
 */
async function openedSource(page: Page, scan: Scan, rule: ScaleRule): Promise<PageSource> {
  const { info, drawn } = await showPagePicture(
    { scanId: scan.id, blob: scan.blob, index: page.indexInScan },
    rule,
    page.rotation,
  );
  if (!info) return pdfSource(page.id, scan, page.indexInScan);
  if (drawn) {
    openedWithPage.add(drawn.bitmap);
    rendered.set(renderKey(page.id, drawn.scale, page.rotation), drawn.bitmap);
  }
  return pictureSource(page.id, scan, page.indexInScan, info);
}

/** A page of a file already open skips the database read of its scan row. */
const scanOf = scanRowCache((scanId) => pageReads.scanById(scanId));

function sourceOf(page: Page, rule?: ScaleRule): Promise<PageSource> {
  let loading = sources.get(page.id);
  if (!loading) {
    loading = (async () => {
      const scan = await scanOf(page.scanId);
      if (!scan) throw new Error(`Scan ${page.scanId} not found`);
      if (isImageScan(scan)) return imageSource(scan);
      if (rule && !isPageFound(scan.id, page.indexInScan)) return openedSource(page, scan, rule);
      const picture = await findPagePicture(scan.id, scan.blob, page.indexInScan);
      if (picture) return pictureSource(page.id, scan, page.indexInScan, picture);
      return pdfSource(page.id, scan, page.indexInScan);
    })();
    loading.then(
      (source) => sizes.set(page.id, source.size),
      () => sources.delete(page.id),
    );
    sources.set(page.id, loading);
  }
  return loading;
}

/** The page's size when already known: lets a prefetched page show without waiting. */
export function knownPageSize(pageId: string): Size | undefined {
  return sizes.get(pageId);
}

/**
 * The page's size, once it is opened. With `rule` (how the viewer will lay the page out), a
 * page that is one picture comes drawn at that scale too, ready in the cache of rendered pages.
 */
export async function loadPageSize(page: Page, rule?: ScaleRule): Promise<Size> {
  return (await sourceOf(page, rule)).size;
}

export function cachedRender(page: Page, scale: number): ImageBitmap | undefined {
  return rendered.get(renderKey(page.id, scale, page.rotation));
}

/** Renders the page at a scale (device pixels per natural unit), through the cache. */
export function renderPage(page: Page, scale: number, signal?: AbortSignal): Promise<ImageBitmap> {
  const key = renderKey(page.id, scale, page.rotation);
  const hit = rendered.get(key);
  if (hit) return Promise.resolve(hit);
  return inFlight.join(
    key,
    async (shared) => {
      const bitmap = await (await sourceOf(page)).draw(scale, page.rotation, shared);
      rendered.set(key, bitmap);
      return bitmap;
    },
    signal,
  );
}

/** Renders a page the officer is likely to open next in the background, at the scale `rule` gives. */
export function prefetchPage(page: Page, rule: ScaleRule): void {
  loadPageSize(page, rule)
    .then((size) => {
      const scale = scaleByRule(rule, size, page.rotation);
      if (scale === null) return undefined;
      // Drawn ahead, the page is served from the cache when it is turned to.
      const ready = cachedRender(page, scale);
      if (ready) isFirstDrawing(ready);
      return renderPage(page, scale);
    })
    // A page that fails here shows its own message when the officer turns to it.
    .catch(() => undefined);
}

/** Thumbnails render one at a time, after whatever is queued, so the shown page comes first. */
let thumbnailQueue: Promise<unknown> = Promise.resolve();

/** The key of the last thumbnail drawn of each page and turn, for a quick preview. */
const thumbnailOfPage = new Map<string, string>();

export function cachedThumbnail(page: Page, width: number): ImageBitmap | undefined {
  return thumbnails.get(`${page.id}|${width}|${page.rotation}`);
}

/** A thumbnail of the page already drawn, to show blurred while the page itself is drawn. */
export function cachedPreview(page: Page): ImageBitmap | undefined {
  const key = thumbnailOfPage.get(`${page.id}|${page.rotation}`);
  return key === undefined ? undefined : thumbnails.get(key);
}

export function renderThumbnail(
  page: Page,
  width: number,
  signal: AbortSignal,
): Promise<ImageBitmap> {
  const key = `${page.id}|${width}|${page.rotation}`;
  const job = thumbnailQueue.then(async () => {
    const hit = thumbnails.get(key);
    if (hit) return hit;
    if (signal.aborted) throw abortError();
    const source = await sourceOf(page);
    const shown = rotatedSize(source.size, page.rotation);
    const bitmap = await source.draw(width / shown.width, page.rotation, signal);
    thumbnails.set(key, bitmap);
    thumbnailOfPage.set(`${page.id}|${page.rotation}`, key);
    return bitmap;
  });
  thumbnailQueue = job.catch(() => undefined);
  return job;
}

/** Copies a bitmap onto a small canvas (a thumbnail), resizing its backing store to match. */
export function paint(canvas: HTMLCanvasElement, bitmap: ImageBitmap): void {
  if (canvas.width !== bitmap.width) canvas.width = bitmap.width;
  if (canvas.height !== bitmap.height) canvas.height = bitmap.height;
  const context = canvas.getContext('2d');
  if (!context) return;
  context.clearRect(0, 0, canvas.width, canvas.height);
  context.drawImage(bitmap, 0, 0);
}

/** What each page canvas is to show: a clone still on its way gives way to a later request. */
const wantedOn = new WeakMap<HTMLCanvasElement, ImageBitmap | null>();

/**
 * Puts a bitmap on the viewer's page canvas, resolving true once it is there (false when a later
 * request or a blank took its place). The canvas is handed a clone that shares the bitmap's
 * pixels, and the cache keeps the bitmap. A 2D canvas would allocate, clear and redraw a backing
 * store the size of the page (tens of MB at 300 dpi) in the task that shows it, holding up the
 * keys an officer types meanwhile.
 */
export async function showOnCanvas(
  canvas: HTMLCanvasElement,
  bitmap: ImageBitmap,
): Promise<boolean> {
  wantedOn.set(canvas, bitmap);
  let clone: ImageBitmap;
  try {
    clone = await createImageBitmap(bitmap);
  } catch {
    // Closed by the cache before it could be shown: the page is drawn again when asked.
    return false;
  }
  const context = canvas.getContext('bitmaprenderer');
  if (wantedOn.get(canvas) !== bitmap || !context) {
    clone.close();
    return false;
  }
  // Sized first: a new size empties a bitmap canvas.
  if (canvas.width !== clone.width) canvas.width = clone.width;
  if (canvas.height !== clone.height) canvas.height = clone.height;
  context.transferFromImageBitmap(clone);
  return true;
}

/**
 * Puts a page drawn ahead on the viewer's page canvas in the task that turned to it, before the
 * screen around it renders the turn; returns the bitmap shown, or undefined when none is cached.
 * The cached bitmap itself goes to the canvas, and a copy taken at the same moment (sharing its
 * pixels) takes its place in the cache as soon as it is made.
 */
export function showDrawnAheadNow(
  canvas: HTMLCanvasElement,
  page: Page,
  scale: number,
): ImageBitmap | undefined {
  const key = renderKey(page.id, scale, page.rotation);
  const bitmap = rendered.get(key);
  const context = canvas.getContext('bitmaprenderer');
  if (!bitmap || bitmap.width === 0 || !context) return undefined;
  wantedOn.set(canvas, bitmap);
  createImageBitmap(bitmap).then(
    (copy) => {
      if (rendered.get(key) === bitmap) rendered.set(key, copy);
      else copy.close();
    },
    () => rendered.delete(key),
  );
  if (canvas.width !== bitmap.width) canvas.width = bitmap.width;
  if (canvas.height !== bitmap.height) canvas.height = bitmap.height;
  context.transferFromImageBitmap(bitmap);
  return bitmap;
}

/** Empties the viewer's page canvas (and drops a bitmap still on its way to it). */
export function blankCanvas(canvas: HTMLCanvasElement): void {
  wantedOn.set(canvas, null);
  canvas.getContext('bitmaprenderer')?.transferFromImageBitmap(null);
}

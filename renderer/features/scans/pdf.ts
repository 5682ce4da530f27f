// pdfjs in one worker for the whole app, reading the stored Blob in ranges: a 150 MB scan is
// never copied into the window to count its pages or show one of them. The last few scans'
// documents stay open; older ones are closed once no page of theirs is being drawn, so a book
// that comes as one PDF per page does not keep a document for every file seen.
//
// One kind of scan defeats the ranges: scanner software that gives every page one resources
// dictionary naming every page's image. Before drawing a page pdfjs fetches everything its
// resources name, so showing page 1 reads the whole file into memory. Such a scan is shown
// a page at a time instead: the page is copied on its own (only the image it draws) into a
// small PDF that pdfjs opens, and the last few of those are kept.
import {
  GlobalWorkerOptions,
  getDocument,
  InvalidPDFException,
  PDFDataRangeTransport,
  PDFWorker,
  type PDFDocumentProxy,
  type PDFPageProxy,
} from 'pdfjs-dist';
import type { RangePdf } from '../../workers/pdf-range';
import { LruCache } from './viewer-cache';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { sniffFile } from '../../workers/import-sniff';

GlobalWorkerOptions.workerSrc = workerUrl;

/** The one pdfjs worker every document shares; a document's destroy leaves it running. */
let sharedWorker: PDFWorker | null = null;
function pdfWorker(): PDFWorker {
  if (!sharedWorker || sharedWorker.destroyed) sharedWorker = new PDFWorker();
  return sharedWorker;
}

export type ScanProblem =
  | 'emptyFile'
  | 'unknownType'
  | 'heic'
  | 'tiff'
  | 'corruptPdf'
  | 'noPages'
  | 'passwordProtected'
  | 'corruptImage';

export type InspectResult = { ok: true; pageCount: number } | { ok: false; problem: ScanProblem };

/** Hands pdfjs the slices of the file it asks for, read straight from the Blob. */
class BlobRangeTransport extends PDFDataRangeTransport {
  constructor(private readonly blob: Blob) {
    super(blob.size, null);
  }

  override requestDataRange(begin: number, end: number): void {
    this.blob
      .slice(begin, end)
      .arrayBuffer()
      .then(
        (buffer) => this.onDataRange(begin, new Uint8Array(buffer)),
        // pdfjs has no error path for a range; an empty answer makes it fail the page cleanly.
        () => this.onDataRange(begin, new Uint8Array(0)),
      );
  }
}

function openPdf(blob: Blob): Promise<PDFDocumentProxy> {
  return getDocument({
    worker: pdfWorker(),
    range: new BlobRangeTransport(blob),
    // Only the ranges a page needs: no background read of the whole file.
    disableAutoFetch: true,
    disableStream: true,
    isEvalSupported: false,
    stopAtErrors: false,
    useSystemFonts: true,
  }).promise;
}

/** Decides whether a picked file can become a PDF scan, without writing anything. */
export async function inspectPdf(file: Blob): Promise<InspectResult> {
  if (file.size === 0) return { ok: false, problem: 'emptyFile' };
  if ((await sniffFile(file)) !== 'pdf') return { ok: false, problem: 'unknownType' };
  let doc: PDFDocumentProxy | undefined;
  try {
    doc = await openPdf(file);
    const pageCount = doc.numPages;
    // A readable file whose page tree is empty: nothing to link entries to.
    if (pageCount < 1) return { ok: false, problem: 'noPages' };
    // Parse the first page too: a broken page tree often only shows there.
    await doc.getPage(1);
    return { ok: true, pageCount };
  } catch (error) {
    // pdfjs does not export its PasswordException class; its name is stable.
    if (error instanceof Error && error.name === 'PasswordException') {
      return { ok: false, problem: 'passwordProtected' };
    }
    if (!(error instanceof InvalidPDFException)) console.warn('PDF could not be read', error);
    return { ok: false, problem: 'corruptPdf' };
  } finally {
    await doc?.destroy();
  }
}

/** How a scan's pages reach pdfjs: the file as a whole, or one page copied out at a time. */
type ScanLayout = { kind: 'whole' } | { kind: 'pageByPage'; reader: RangePdf };

const layouts = new Map<string, Promise<ScanLayout>>();

function layoutOf(scanId: string, blob: Blob): Promise<ScanLayout> {
  let layout = layouts.get(scanId);
  if (!layout) {
    layout = (async (): Promise<ScanLayout> => {
      try {
        const { RangePdf, blobSource } = await import('../../workers/pdf-range');
        const reader = await RangePdf.open(blobSource(blob));
        return (await reader.pageSharesImages(0))
          ? { kind: 'pageByPage', reader }
          : { kind: 'whole' };
      } catch {
        // Whatever the range reader cannot follow, pdfjs reads as it always has.
        return { kind: 'whole' };
      }
    })();
    layouts.set(scanId, layout);
  }
  return layout;
}

/** A document in use by renders: closed once dropped from its cache and unused. */
interface PageDocument {
  loading: Promise<PDFDocumentProxy>;
  users: number;
  isDropped: boolean;
}

function close(entry: PageDocument): void {
  entry.loading.then(
    (doc) => doc.destroy(),
    () => undefined,
  );
}

const dropOnEvict = (entry: PageDocument) => {
  entry.isDropped = true;
  if (entry.users === 0) close(entry);
};

/** Whole scans: the shown one, the next and the one before, and a few thumbnails' files. */
const scanDocuments = new LruCache<string, PageDocument>({ maxEntries: 4, onEvict: dropOnEvict });

/** Pages copied out of scans that defeat the ranges (see the top of this file). */
const pageDocuments = new LruCache<string, PageDocument>({
  // The shown page, the prefetched one and a few thumbnails.
  maxEntries: 6,
  onEvict: dropOnEvict,
});

/** Draws with the cached document under `key`, opened by `open` if absent, kept open meanwhile. */
async function borrowDocument<T>(
  cache: LruCache<string, PageDocument>,
  key: string,
  open: () => Promise<PDFDocumentProxy>,
  draw: (doc: PDFDocumentProxy) => Promise<T>,
): Promise<T> {
  let entry = cache.get(key);
  if (!entry) {
    const created: PageDocument = { loading: open(), users: 0, isDropped: false };
    created.loading.catch(() => cache.delete(key));
    cache.set(key, created);
    entry = created;
  }
  entry.users += 1;
  try {
    return await draw(await entry.loading);
  } finally {
    entry.users -= 1;
    if (entry.isDropped && entry.users === 0) close(entry);
  }
}

async function openPageDocument(reader: RangePdf, index: number): Promise<PDFDocumentProxy> {
  const { PDFDocument } = await import('pdf-lib');
  const out = await PDFDocument.create();
  out.addPage((await reader.copyPage(out, index)).page);
  const data = await out.save();
  return getDocument({ data, worker: pdfWorker(), isEvalSupported: false, useSystemFonts: true })
    .promise;
}

/**
 * Lends page `index` (from 0) of a scan to `borrow`, keeping its document open until it is
 * done. The page must not be kept past that.
 */
export async function withScanPage<T>(
  scanId: string,
  blob: Blob,
  index: number,
  borrow: (page: PDFPageProxy) => Promise<T>,
): Promise<T> {
  const layout = await layoutOf(scanId, blob);
  if (layout.kind === 'whole') {
    return borrowDocument(
      scanDocuments,
      scanId,
      () => openPdf(blob),
      async (doc) => borrow(await doc.getPage(index + 1)),
    );
  }
  return borrowDocument(
    pageDocuments,
    `${scanId}:${index}`,
    () => openPageDocument(layout.reader, index),
    async (doc) => borrow(await doc.getPage(1)),
  );
}

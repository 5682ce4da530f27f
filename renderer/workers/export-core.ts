// Builds one book's bundle: the workbook in the Ministry's template and one PDF per entry in a
// stored (not deflated) zip, streamed out entry by entry so memory holds one entry's PDF at a
// time; then re-reads what was written. No DOM here: it runs in a Web Worker in the app and in
// Node for the benchmark. PDF scans keep their pages, read by byte range, with a page's image
// re-encoded toward the per-page size target when a canvas is at hand; photos go on A4 pages,
// recompressed toward the same target.
import { createSHA256 } from 'hash-wasm';
import { Uint8ArrayReader, ZipWriter, configure } from '@zip.js/zip.js';
import { PDFDocument } from 'pdf-lib';
import { defaultPdfNaming } from '../../shared/bundle/names';
import { planBundle, type BundlePlan } from '../../shared/bundle/plan';
import { getTemplate } from '../../shared/registers';
import type {
  BundleFileKind,
  ExportEntry,
  ExportRequest,
  GateResult,
  PageBytesStats,
  WrittenBundle,
  WrittenFile,
} from './export-protocol';
import { MAX_CHUNK_BYTES, type BundleSink, type ProgressFn } from './export-io';
import { loadScanData, type LoadedScan } from './export-scans';
import { buildWorkbook } from './export-workbook';
import {
  DEFAULT_TARGET_BYTES_PER_PAGE,
  imageBudget,
  placeOnA4,
  type Recompressor,
} from './pdf-images';
import { applyRotation } from './pdf-pages';
import {
  canvasRecompressor,
  hasCanvas,
  openCanvasPage,
  type PageCodecFactory,
} from './pdf-recompress';
import { ScanPageSizer } from './scan-page-size';

// Stored entries need no compression worker; the export already runs in one.
configure({ useWebWorkers: false });

export { MAX_CHUNK_BYTES, type BundleSink, type BundleSource, type ProgressFn } from './export-io';
export { buildWorkbook } from './export-workbook';
export { verifyBundle } from './export-verify';

export type GatedPlan = Extract<BundlePlan, { ok: true }>;

/** Validates the whole book: either what will be written, or every problem that blocks it. */
export function gateBundle(request: ExportRequest): { gate: GateResult; plan: GatedPlan | null } {
  const template = getTemplate(request.book.templateVersion);
  const pdfNaming = request.book.pdfNaming ?? defaultPdfNaming;
  const plan = planBundle({
    template,
    book: { type: template.type, year: request.book.year, quyenSo: request.book.quyenSo },
    pdfNaming,
    entries: request.entries.map((entry) => ({
      id: entry.id,
      fields: entry.fields,
      pageCount: entry.pages.length,
      acknowledgements: entry.acknowledgements,
    })),
    ...(request.leftOut ? { leftOut: request.leftOut } : {}),
  });
  if (!plan.ok) return { gate: { ok: false, problems: plan.problems }, plan: null };
  const pages = new Map(request.entries.map((entry) => [entry.id, entry.pages.length]));
  return {
    plan,
    gate: {
      ok: true,
      outline: {
        stem: plan.stem,
        files: { xlsx: `${plan.stem}.xlsx`, zip: `${plan.stem}.zip` },
        entryCount: plan.pdfs.length,
        pageCount: plan.pdfs.reduce((sum, item) => sum + (pages.get(item.entryId) ?? 0), 0),
        naming: pdfNaming,
        byConvention: plan.byConvention,
      },
    },
  };
}

export interface BuildOptions {
  /**
   * Re-encodes photo pages toward the size target. Defaults to the OffscreenCanvas one where
   * there is a canvas (the worker); null, or no canvas (Node), embeds photos as stored.
   */
  recompress?: Recompressor | null;
  /**
   * Decodes a scan page for re-encoding toward the size target. Defaults to OffscreenCanvas
   * where there is one; null, or no canvas, copies PDF pages as scanned.
   */
  openPage?: PageCodecFactory | null;
  onProgress?: ProgressFn;
}

interface EntryPdf {
  bytes: Uint8Array<ArrayBuffer>;
  pageCount: number;
  imagePages: number;
  pagesRebuilt: number;
  pagesReencoded: number;
  pagesPrepared: number;
  /** Pages (from 1) still over the target. */
  overTarget: number[];
  lowestLegibility: number | null;
}

/** Which page of which scan: the key re-encoded pages are shared under. */
const pageKey = (ref: { scanId: string; indexInScan: number }) =>
  `${ref.scanId}#${ref.indexInScan}`;

async function buildEntryPdf(
  entry: ExportEntry,
  loadScan: (scanId: string) => Promise<LoadedScan>,
  sizer: ScanPageSizer,
): Promise<EntryPdf> {
  const out = await PDFDocument.create();
  let imagePages = 0;
  let pagesRebuilt = 0;
  let pagesReencoded = 0;
  let pagesPrepared = 0;
  let lowestLegibility: number | null = null;
  const overTarget: number[] = [];
  for (const ref of entry.pages) {
    const source = await loadScan(ref.scanId);
    const rotation = ref.rotation ?? 0;
    const pageNumber = out.getPageCount() + 1;
    if (source.kind === 'pdf') {
      // A page prepared at import draws its preparation: the scan's image is not even read.
      const key = pageKey(ref);
      const { page, rebuilt, isStandIn } = await source.pages.copyPage(
        out,
        ref.indexInScan,
        sizer.standInFor(key),
      );
      if (rebuilt) pagesRebuilt += 1;
      applyRotation(page, rotation);
      out.addPage(page);
      const sized = isStandIn ? sizer.fitStandIn(key) : await sizer.fit(out, page, key);
      if (sized.isReencoded) pagesReencoded += 1;
      if (sized.isPrepared) pagesPrepared += 1;
      if (sized.isOverTarget) overTarget.push(pageNumber);
      if (sized.legibility !== null) {
        lowestLegibility = Math.min(lowestLegibility ?? 1, sized.legibility);
      }
      continue;
    }
    const { bytes, kind } = source.image;
    const embedded = kind === 'jpeg' ? await out.embedJpg(bytes) : await out.embedPng(bytes);
    const placement = placeOnA4(embedded.width, embedded.height);
    const page = out.addPage([placement.page.width, placement.page.height]);
    page.drawImage(embedded, placement.image);
    applyRotation(page, rotation);
    imagePages += 1;
    if (source.isPrepared) pagesPrepared += 1;
    if (source.isOverTarget) overTarget.push(pageNumber);
  }
  const saved = await out.save({ useObjectStreams: true });
  return {
    // pdf-lib allocates a plain ArrayBuffer; the cast only narrows its declared type.
    bytes: saved as Uint8Array<ArrayBuffer>,
    pageCount: out.getPageCount(),
    imagePages,
    pagesRebuilt,
    pagesReencoded,
    pagesPrepared,
    overTarget,
    lowestLegibility,
  };
}

/**
 * Counts, hashes and gathers one file's bytes on their way to the sink, in pieces of about
 * MAX_CHUNK_BYTES: each piece is a round trip to the screen and on to the disk, so a zip of a
 * thousand small PDFs goes out in a few dozen pieces, not thousands. SHA-256 in WebAssembly:
 * hashing a 300 MB zip is the largest CPU cost of the export after building the PDFs.
 */
async function fileStream(kind: BundleFileKind, name: string, sink: BundleSink) {
  const hash = await createSHA256();
  hash.init();
  let bytes = 0;
  const gathered = new Uint8Array(MAX_CHUNK_BYTES);
  let filled = 0;
  const flush = async () => {
    if (filled === 0) return;
    // A copy of its own: the sink may transfer it to another thread.
    const piece = gathered.slice(0, filled);
    filled = 0;
    await sink.write(kind, piece);
  };
  return {
    async write(chunk: Uint8Array): Promise<void> {
      hash.update(chunk);
      bytes += chunk.length;
      for (let start = 0; start < chunk.length;) {
        const take = Math.min(chunk.length - start, MAX_CHUNK_BYTES - filled);
        gathered.set(chunk.subarray(start, start + take), filled);
        filled += take;
        start += take;
        if (filled === MAX_CHUNK_BYTES) await flush();
      }
    },
    /** Sends what is still gathered; the file is whole in the sink after this. */
    async close(): Promise<WrittenFile> {
      await flush();
      return { kind, name, bytes, sha256: hash.digest('hex') };
    },
  };
}

/** Writes the workbook, then each entry's PDF into the zip, reporting progress per entry. */
export async function writeBundle(
  request: ExportRequest,
  plan: GatedPlan,
  sink: BundleSink,
  options: BuildOptions = {},
): Promise<WrittenBundle> {
  const onProgress = options.onProgress ?? (() => undefined);
  const template = getTemplate(request.book.templateVersion);
  const targetBytesPerPage = request.targetBytesPerPage ?? DEFAULT_TARGET_BYTES_PER_PAGE;
  const budget = imageBudget(targetBytesPerPage);
  const recompress =
    options.recompress === undefined
      ? hasCanvas()
        ? canvasRecompressor
        : null
      : options.recompress;
  const openPage =
    options.openPage === undefined ? (hasCanvas() ? openCanvasPage : null) : options.openPage;

  const total = plan.pdfs.length + 1;
  onProgress(0, total);
  const xlsx = await fileStream('xlsx', `${plan.stem}.xlsx`, sink);
  await xlsx.write(await buildWorkbook(template, plan.rows));
  const xlsxFile = await xlsx.close();
  onProgress(1, total);

  const entries = new Map(request.entries.map((entry) => [entry.id, entry]));
  // Photos are held only until the last entry using them is built: a book of 300 photos
  // must not keep 300 originals in the worker's memory.
  const usesLeft = new Map<string, number>();
  const pageUses = new Map<string, number>();
  for (const item of plan.pdfs) {
    for (const ref of entries.get(item.entryId)?.pages ?? []) {
      usesLeft.set(ref.scanId, (usesLeft.get(ref.scanId) ?? 0) + 1);
      pageUses.set(pageKey(ref), (pageUses.get(pageKey(ref)) ?? 0) + 1);
    }
  }
  // Preparations made for another target are of no use to this export.
  const prepared = new Map(
    (request.prepared ?? [])
      .filter((item) => item.targetBytesPerPage === targetBytesPerPage)
      .map((item) => [pageKey(item), item.result]),
  );
  const sizer = new ScanPageSizer(targetBytesPerPage, openPage, pageUses, prepared);
  const scanBlobs = new Map(request.scans.map((scan) => [scan.id, scan.data]));
  const loaded = new Map<string, Promise<LoadedScan>>();
  const loadScan = async (scanId: string): Promise<LoadedScan> => {
    let scan = loaded.get(scanId);
    if (!scan) {
      const blob = scanBlobs.get(scanId);
      if (!blob) throw new Error(`Scan ${scanId} is missing`);
      scan = loadScanData(
        blob,
        budget,
        recompress,
        prepared.get(pageKey({ scanId, indexInScan: 0 })),
      );
      loaded.set(scanId, scan);
    }
    const result = await scan;
    const left = (usesLeft.get(scanId) ?? 1) - 1;
    usesLeft.set(scanId, left);
    if (left <= 0) loaded.delete(scanId);
    return result;
  };

  const zipFile = await fileStream('zip', `${plan.stem}.zip`, sink);
  const zip = new ZipWriter(
    new WritableStream<Uint8Array>({ write: (chunk) => zipFile.write(chunk) }),
    {
      // PDFs of scans do not shrink: stored, with sizes in each local header for any reader.
      level: 0,
      bufferedWrite: true,
      dataDescriptor: false,
      keepOrder: true,
    },
  );
  const pdfs: WrittenBundle['pdfs'] = [];
  let done = 1;
  let pages = 0;
  let pdfBytes = 0;
  let maxBytesPerPage = 0;
  let imagePages = 0;
  let pagesRebuilt = 0;
  let pagesReencoded = 0;
  let pagesPrepared = 0;
  let lowestLegibility: number | null = null;
  const overTarget: PageBytesStats['overTarget'] = [];
  for (const item of plan.pdfs) {
    const entry = entries.get(item.entryId);
    if (!entry) throw new Error(`Entry ${item.entryId} is missing`);
    const pdf = await buildEntryPdf(entry, loadScan, sizer);
    await zip.add(item.fileName, new Uint8ArrayReader(pdf.bytes));
    pdfs.push({ entryId: item.entryId, fileName: item.fileName, pages: pdf.pageCount });
    pages += pdf.pageCount;
    pdfBytes += pdf.bytes.length;
    if (pdf.pageCount > 0) {
      maxBytesPerPage = Math.max(maxBytesPerPage, pdf.bytes.length / pdf.pageCount);
    }
    imagePages += pdf.imagePages;
    pagesRebuilt += pdf.pagesRebuilt;
    pagesReencoded += pdf.pagesReencoded;
    pagesPrepared += pdf.pagesPrepared;
    for (const page of pdf.overTarget) overTarget.push({ fileName: item.fileName, page });
    if (pdf.lowestLegibility !== null) {
      lowestLegibility = Math.min(lowestLegibility ?? 1, pdf.lowestLegibility);
    }
    onProgress(++done, total);
  }
  await zip.close();

  return {
    stem: plan.stem,
    files: [xlsxFile, await zipFile.close()],
    pdfs,
    pageBytes: {
      targetBytesPerPage,
      pages,
      meanBytesPerPage: pages > 0 ? Math.round(pdfBytes / pages) : 0,
      maxBytesPerPage: Math.round(maxBytesPerPage),
      imagePages,
      pagesRebuilt,
      pagesReencoded,
      pagesPrepared,
      pagesOverTarget: overTarget.length,
      overTarget,
      lowestLegibility,
    },
  };
}

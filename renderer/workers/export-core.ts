// Builds one book's bundle: the workbook in the Ministry's template and one PDF per entry in a
// stored (not deflated) zip, streamed out entry by entry so memory holds one entry's PDF at a
// time; then re-reads what was written. No DOM here: it runs in a Web Worker in the app and in
// Node for the benchmark. PDF scans keep their pages, read by byte range, with a page's image
// re-encoded toward the per-page size target when a canvas is at hand; photos go on A4 pages,
// recompressed toward the same target.
import { createSHA256 } from 'hash-wasm';
import {
  Reader,
  Uint8ArrayReader,
  Uint8ArrayWriter,
  ZipReader,
  ZipWriter,
  configure,
} from '@zip.js/zip.js';
import { PDFDocument, type PDFPage } from 'pdf-lib';
import { defaultPdfNaming } from '../../shared/bundle/names';
import { notesColumnWidths, notesSheet } from '../../shared/bundle/rows';
import { planBundle, type BundlePlan } from '../../shared/bundle/plan';
import { getTemplate } from '../../shared/registers';
import type { RegisterTemplate } from '../../shared/registers/types';
import { ExcelJS } from './excel';
import { SNIFF_BYTES, sniffKind } from '../features/scans/import-sniff';
import type {
  BundleFileKind,
  ExportEntry,
  ExportRequest,
  GateResult,
  PageBytesStats,
  PreparedForExport,
  Verification,
  VerifyPlan,
  VerifyProblem,
  WrittenBundle,
  WrittenFile,
} from './export-protocol';
import {
  DEFAULT_TARGET_BYTES_PER_PAGE,
  imageBudget,
  placeOnA4,
  type ImageInput,
  type Recompressor,
} from './pdf-images';
import { applyRotation, trimSharedImages } from './pdf-pages';
import { PageNotInScanError, RangePdf, blobSource, type ImageStandIn } from './pdf-range';
import {
  canvasRecompressor,
  hasCanvas,
  openCanvasPage,
  type PageCodecFactory,
} from './pdf-recompress';
import { ScanPageSizer } from './scan-page-size';

// Stored entries need no compression worker; the export already runs in one.
configure({ useWebWorkers: false });

export type ProgressFn = (done: number, total: number) => void;

/** Where the bundle's bytes go, in order; the next write waits for the previous one. */
export interface BundleSink {
  write(kind: BundleFileKind, chunk: Uint8Array): Promise<void>;
}

/** Reads back what was written, by byte range. */
export interface BundleSource {
  read(kind: BundleFileKind, offset: number, length: number): Promise<Uint8Array>;
}

/** Larger pieces are split, so one message or IPC call never carries a whole scan. */
export const MAX_CHUNK_BYTES = 4 * 2 ** 20;

const TEXT_FORMAT = '@';

export async function buildWorkbook(
  template: RegisterTemplate,
  rows: string[][],
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SoHoa';
  const sheet = workbook.addWorksheet(template.sheetName);
  const [header = [], ...data] = rows;
  // Every column is text so leading zeros in numbers and IDs survive the importer.
  sheet.columns = header.map(() => ({ width: 18, style: { numFmt: TEXT_FORMAT } }));
  const headerRow = sheet.addRow(header);
  headerRow.alignment = { wrapText: true, vertical: 'top' };
  headerRow.font = { bold: true };
  for (const values of data) {
    const row = sheet.addRow(values.map((value) => (value === '' ? null : value)));
    row.eachCell((cell) => {
      cell.numFmt = TEXT_FORMAT;
    });
  }
  const notes = workbook.addWorksheet(template.notesSheetName);
  for (const cell of notesSheet(template)) {
    notes.getCell(cell.row, cell.column).value = cell.value;
    if (cell.isTitle) {
      notes.getCell(cell.row, cell.column).font = { bold: true };
      notes.mergeCells(cell.row, cell.column, cell.row, cell.column + 1);
    }
  }
  for (const [column, width] of Object.entries(notesColumnWidths)) {
    notes.getColumn(Number(column)).width = width;
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

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

interface CopiedPage {
  page: PDFPage;
  rebuilt: boolean;
  /** The page draws the stand-in JPEG it was given instead of the scan's image. */
  isStandIn: boolean;
}

/** Copies pages of one scan PDF into entry PDFs. */
interface PdfPages {
  copyPage(out: PDFDocument, index: number, standIn?: ImageStandIn): Promise<CopiedPage>;
}

/** The whole file parsed at once: for PDFs the range reader cannot follow. */
class WholePdf implements PdfPages {
  private readonly rebuilt = new Set<number>();

  constructor(private readonly doc: PDFDocument) {}

  static async load(data: Blob): Promise<WholePdf> {
    const bytes = new Uint8Array(await data.arrayBuffer());
    return new WholePdf(await PDFDocument.load(bytes, { updateMetadata: false }));
  }

  async copyPage(out: PDFDocument, index: number) {
    if (!this.rebuilt.has(index) && trimSharedImages(this.doc, index)) this.rebuilt.add(index);
    const [page] = await out.copyPages(this.doc, [index]);
    if (!page) throw new PageNotInScanError(index);
    return { page, rebuilt: this.rebuilt.has(index), isStandIn: false };
  }
}

/**
 * Pages read by byte range, so the worker holds one page of a 150 MB scan at a time; a file
 * the range reader gives up on is loaded whole from then on.
 */
class ScanPdf implements PdfPages {
  private whole: Promise<WholePdf> | null = null;

  constructor(
    private readonly data: Blob,
    private range: RangePdf | null,
  ) {}

  static async open(data: Blob): Promise<ScanPdf> {
    const range = await RangePdf.open(blobSource(data)).catch((error: unknown) => {
      console.warn('Scan read whole: its cross-reference could not be followed', error);
      return null;
    });
    return new ScanPdf(data, range);
  }

  async copyPage(out: PDFDocument, index: number, standIn?: ImageStandIn): Promise<CopiedPage> {
    if (this.range) {
      try {
        return await this.range.copyPage(out, index, standIn);
      } catch (error) {
        if (error instanceof PageNotInScanError) throw error;
        console.warn(`Scan read whole from page ${index + 1} on`, error);
        this.range = null;
      }
    }
    this.whole ??= WholePdf.load(this.data);
    return (await this.whole).copyPage(out, index);
  }
}

/** A scan as the export uses it: a PDF's pages, or one photo ready to embed. */
type LoadedScan =
  | { kind: 'pdf'; pages: PdfPages }
  | { kind: 'image'; image: ImageInput; isOverTarget: boolean; isPrepared?: boolean };

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

async function loadScanData(
  data: Blob,
  budget: number,
  recompress: Recompressor | null,
  prepared: PreparedForExport['result'] | undefined,
): Promise<LoadedScan> {
  const kind = sniffKind(new Uint8Array(await data.slice(0, SNIFF_BYTES).arrayBuffer()));
  if (kind !== 'jpeg' && kind !== 'png') return { kind: 'pdf', pages: await ScanPdf.open(data) };
  const bytes = new Uint8Array(await data.arrayBuffer());
  let image: ImageInput = { bytes, kind };
  // A photo prepared at import from these very bytes: its encoding, or itself, as settled then.
  if (
    prepared &&
    kind === 'jpeg' &&
    bytes.length > budget &&
    prepared.source.bytes === bytes.length
  ) {
    if (prepared.kind === 'reencoded') {
      image = { bytes: new Uint8Array(await prepared.jpeg.arrayBuffer()), kind: 'jpeg' };
    }
    return { kind: 'image', image, isOverTarget: image.bytes.length > budget, isPrepared: true };
  }
  // A photo already within budget is embedded untouched: every re-encode loses detail.
  if (recompress && (kind === 'png' || bytes.length > budget)) {
    const result = await recompress(image, budget);
    // pdf-lib reads JPEG headers from the view's whole buffer: give it a buffer of its own.
    const smaller =
      result.byteOffset === 0 && result.byteLength === result.buffer.byteLength
        ? result
        : result.slice();
    if (kind === 'png' || smaller.length < bytes.length) image = { bytes: smaller, kind: 'jpeg' };
  }
  return { kind: 'image', image, isOverTarget: image.bytes.length > budget };
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

/**
 * zip.js reads the zip back through the sink's owner. Its reads are small and in order (a
 * header, then a PDF), so they are served from a window of MAX_CHUNK_BYTES read ahead: one
 * round trip for a dozen entries.
 */
class SourceReader extends Reader<null> {
  private window: { start: number; bytes: Uint8Array } | null = null;

  constructor(
    private readonly source: BundleSource,
    size: number,
  ) {
    super(null);
    this.size = size;
  }

  /** Copies out of the window: a view would keep the whole window alive as long as zip.js
   * holds on to what it read, which added up to the size of the zip. */
  override async readUint8Array(index: number, length: number): Promise<Uint8Array> {
    const window = this.window;
    if (window && index >= window.start && index + length <= window.start + window.bytes.length) {
      return window.bytes.slice(index - window.start, index - window.start + length);
    }
    if (length < MAX_CHUNK_BYTES) {
      const bytes = await this.readRange(index, Math.min(MAX_CHUNK_BYTES, this.size - index));
      this.window = { start: index, bytes };
      return bytes.slice(0, length);
    }
    return this.readRange(index, length);
  }

  private async readRange(index: number, length: number): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    let read = 0;
    while (read < length) {
      const want = Math.min(MAX_CHUNK_BYTES, length - read);
      const part = await this.source.read('zip', index + read, want);
      if (part.length === 0) break;
      parts.push(part);
      read += part.length;
    }
    if (parts.length === 1 && parts[0]) return parts[0];
    const all = new Uint8Array(read);
    let at = 0;
    for (const part of parts) {
      all.set(part, at);
      at += part.length;
    }
    return all;
  }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value && Array.isArray(value.richText)) {
    return value.richText
      .map((run: { text?: unknown }) => (typeof run.text === 'string' ? run.text : ''))
      .join('');
  }
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

async function readWorkbookBack(
  source: BundleSource,
  size: number,
): Promise<{ header: string[]; dataRows: number } | null> {
  try {
    const bytes = await new SourceReader(
      { read: (_kind, offset, length) => source.read('xlsx', offset, length) },
      size,
    ).readUint8Array(0, size);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer,
    );
    const sheet = workbook.worksheets[0];
    if (!sheet) return null;
    const header: string[] = [];
    sheet.getRow(1).eachCell({ includeEmpty: true }, (cell) => header.push(cellText(cell.value)));
    return { header, dataRows: Math.max(0, sheet.actualRowCount - 1) };
  } catch {
    return null;
  }
}

/**
 * Re-reads the written files as the Ministry's importer would: the workbook's header and row
 * count, and each zip entry's name, checksum and page count.
 */
export async function verifyBundle(
  source: BundleSource,
  plan: VerifyPlan,
  written: WrittenBundle,
  onProgress: ProgressFn = () => undefined,
): Promise<Verification> {
  const problems: VerifyProblem[] = [];
  const sizeOf = (kind: BundleFileKind) =>
    written.files.find((file) => file.kind === kind)?.bytes ?? 0;
  const total = written.pdfs.length + 1;
  onProgress(0, total);

  const [expectedHeader = [], ...expectedRows] = plan.rows;
  const workbook = await readWorkbookBack(source, sizeOf('xlsx'));
  let rows = 0;
  if (!workbook) {
    problems.push({ check: 'workbook' });
  } else {
    rows = workbook.dataRows;
    if (rows !== expectedRows.length) {
      problems.push({ check: 'rowCount', params: { expected: expectedRows.length, found: rows } });
    }
    const badColumn = expectedHeader.findIndex(
      (title, i) => workbook.header[i]?.trim() !== title.trim(),
    );
    if (badColumn >= 0 || workbook.header.length !== expectedHeader.length) {
      problems.push({ check: 'header', params: { column: Math.max(0, badColumn) + 1 } });
    }
  }
  onProgress(1, total);

  let pdfCount = 0;
  let pages = 0;
  try {
    const reader = new ZipReader(new SourceReader(source, sizeOf('zip')));
    const files = (await reader.getEntries()).filter((entry) => !entry.directory);
    const names = files.map((entry) => entry.filename);
    const expectedNames = written.pdfs.map((pdf) => pdf.fileName);
    if (
      names.length !== expectedNames.length ||
      names.some((name, i) => name !== expectedNames[i])
    ) {
      problems.push({
        check: 'pdfNames',
        params: { expected: expectedNames.length, found: names.length },
      });
    }
    const expectedPages = new Map(written.pdfs.map((pdf) => [pdf.fileName, pdf.pages]));
    for (const entry of files) {
      if (entry.directory) continue;
      const bytes = await entry.getData(new Uint8ArrayWriter(), { checkSignature: true });
      const doc = await PDFDocument.load(bytes, { updateMetadata: false });
      const count = doc.getPageCount();
      pdfCount += 1;
      pages += count;
      if (count !== expectedPages.get(entry.filename)) {
        problems.push({
          check: 'pageCount',
          params: {
            file: entry.filename,
            expected: expectedPages.get(entry.filename) ?? 0,
            found: count,
          },
        });
      }
      onProgress(pdfCount + 1, total);
    }
    await reader.close();
  } catch (error) {
    problems.push({
      check: 'zip',
      params: { detail: error instanceof Error ? error.message : String(error) },
    });
  }
  return { ok: problems.length === 0, rows, pdfs: pdfCount, pages, problems };
}

// Builds one book's bundle: the workbook in the Ministry's template and one PDF per entry,
// zipped. No DOM here: it runs in a Web Worker in the app and in Node for the benchmark.
// PDF scans keep their pages as they are (copyPages); photos go on A4 pages, recompressed
// toward the per-page size target when a canvas is at hand.
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import { notesSheet } from '../../shared/bundle/rows';
import { planBundle } from '../../shared/bundle/plan';
import { getTemplate } from '../../shared/registers';
import type { RegisterTemplate } from '../../shared/registers/types';
import { ExcelJS } from './excel';
import { SNIFF_BYTES, sniffKind } from '../features/scans/import-sniff';
import type { ExportEntry, ExportRequest, ExportResult } from './export-protocol';
import {
  DEFAULT_TARGET_BYTES_PER_PAGE,
  imageBudget,
  placeOnA4,
  type ImageInput,
  type Recompressor,
} from './pdf-images';
import { canvasRecompressor, hasCanvas } from './pdf-recompress';

export type ProgressFn = (done: number, total: number) => void;

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
  for (const values of notesSheet(template)) notes.addRow(values);
  notes.columns = [{ width: 10 }, { width: 60 }];
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

/** A scan as the export uses it: a parsed PDF, or one photo ready to embed. */
type LoadedScan =
  { kind: 'pdf'; doc: PDFDocument } | { kind: 'image'; image: ImageInput; isOverTarget: boolean };

export interface BuildOptions {
  /**
   * Re-encodes photo pages toward the size target. Defaults to the OffscreenCanvas one where
   * there is a canvas (the worker); null, or no canvas (Node), embeds photos as stored.
   */
  recompress?: Recompressor | null;
}

async function loadScanData(
  data: Blob,
  budget: number,
  recompress: Recompressor | null,
): Promise<LoadedScan> {
  const bytes = new Uint8Array(await data.arrayBuffer());
  const kind = sniffKind(bytes.subarray(0, SNIFF_BYTES));
  if (kind !== 'jpeg' && kind !== 'png') {
    return { kind: 'pdf', doc: await PDFDocument.load(bytes, { updateMetadata: false }) };
  }
  let image: ImageInput = { bytes, kind };
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
  bytes: Uint8Array;
  pageCount: number;
  imagePages: number;
  imagePagesOverTarget: number;
}

async function buildEntryPdf(
  entry: ExportEntry,
  loadScan: (scanId: string) => Promise<LoadedScan>,
): Promise<EntryPdf> {
  const out = await PDFDocument.create();
  let imagePages = 0;
  let imagePagesOverTarget = 0;
  for (const ref of entry.pages) {
    const source = await loadScan(ref.scanId);
    if (source.kind === 'pdf') {
      const [page] = await out.copyPages(source.doc, [ref.indexInScan]);
      if (page) out.addPage(page);
      continue;
    }
    const { bytes, kind } = source.image;
    const embedded = kind === 'jpeg' ? await out.embedJpg(bytes) : await out.embedPng(bytes);
    const placement = placeOnA4(embedded.width, embedded.height);
    const page = out.addPage([placement.page.width, placement.page.height]);
    page.drawImage(embedded, placement.image);
    imagePages += 1;
    if (source.isOverTarget) imagePagesOverTarget += 1;
  }
  return {
    bytes: await out.save({ useObjectStreams: true }),
    pageCount: out.getPageCount(),
    imagePages,
    imagePagesOverTarget,
  };
}

export async function buildBundle(
  request: ExportRequest,
  onProgress: ProgressFn = () => undefined,
  options: BuildOptions = {},
): Promise<ExportResult> {
  const template = getTemplate(request.book.templateVersion);
  const plan = planBundle({
    template,
    book: { type: template.type, year: request.book.year, quyenSo: request.book.quyenSo },
    entries: request.entries.map((entry) => ({
      id: entry.id,
      fields: entry.fields,
      pageCount: entry.pages.length,
      acknowledgements: entry.acknowledgements,
    })),
  });
  if (!plan.ok) return { ok: false, problems: plan.problems };

  const targetBytesPerPage = request.targetBytesPerPage ?? DEFAULT_TARGET_BYTES_PER_PAGE;
  const budget = imageBudget(targetBytesPerPage);
  const recompress =
    options.recompress === undefined
      ? hasCanvas()
        ? canvasRecompressor
        : null
      : options.recompress;

  const total = plan.pdfs.length + 1;
  onProgress(0, total);
  const xlsx = await buildWorkbook(template, plan.rows);
  onProgress(1, total);

  const entries = new Map(request.entries.map((entry) => [entry.id, entry]));
  // Photos are held only until the last entry using them is built: a book of 300 photos
  // must not keep 300 originals in the worker's memory.
  const usesLeft = new Map<string, number>();
  for (const item of plan.pdfs) {
    for (const ref of entries.get(item.entryId)?.pages ?? []) {
      usesLeft.set(ref.scanId, (usesLeft.get(ref.scanId) ?? 0) + 1);
    }
  }
  const scanBlobs = new Map(request.scans.map((scan) => [scan.id, scan.data]));
  const loaded = new Map<string, Promise<LoadedScan>>();
  const loadScan = async (scanId: string): Promise<LoadedScan> => {
    let scan = loaded.get(scanId);
    if (!scan) {
      const blob = scanBlobs.get(scanId);
      if (!blob) throw new Error(`Scan ${scanId} is missing`);
      scan = loadScanData(blob, budget, recompress);
      loaded.set(scanId, scan);
    }
    const result = await scan;
    const left = (usesLeft.get(scanId) ?? 1) - 1;
    usesLeft.set(scanId, left);
    if (left <= 0 && result.kind === 'image') loaded.delete(scanId);
    return result;
  };

  const zip = new JSZip();
  let done = 1;
  let pages = 0;
  let pdfBytes = 0;
  let maxBytesPerPage = 0;
  let imagePages = 0;
  let imagePagesOverTarget = 0;
  for (const item of plan.pdfs) {
    const entry = entries.get(item.entryId);
    if (!entry) throw new Error(`Entry ${item.entryId} is missing`);
    const pdf = await buildEntryPdf(entry, loadScan);
    zip.file(item.fileName, pdf.bytes, { binary: true, createFolders: false });
    pages += pdf.pageCount;
    pdfBytes += pdf.bytes.length;
    if (pdf.pageCount > 0) {
      maxBytesPerPage = Math.max(maxBytesPerPage, pdf.bytes.length / pdf.pageCount);
    }
    imagePages += pdf.imagePages;
    imagePagesOverTarget += pdf.imagePagesOverTarget;
    onProgress(++done, total);
  }
  // PDFs of scans do not shrink: store them, which is also far faster.
  // JSZip allocates a plain ArrayBuffer; the cast only narrows its declared type.
  const zipBytes = (await zip.generateAsync({
    type: 'uint8array',
    compression: 'STORE',
  })) as Uint8Array<ArrayBuffer>;

  return {
    ok: true,
    bundle: {
      stem: plan.stem,
      xlsx: { name: `${plan.stem}.xlsx`, data: xlsx },
      zip: { name: `${plan.stem}.zip`, data: zipBytes },
      pdfNames: plan.pdfs.map((item) => item.fileName),
      pageBytes: {
        targetBytesPerPage,
        pages,
        meanBytesPerPage: pages > 0 ? Math.round(pdfBytes / pages) : 0,
        maxBytesPerPage: Math.round(maxBytesPerPage),
        imagePages,
        imagePagesOverTarget,
      },
    },
  };
}

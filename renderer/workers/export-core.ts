// Builds one book's bundle: the workbook in the Ministry's template and one PDF per entry,
// zipped. No DOM here: it runs in a Web Worker in the app and in Node for the benchmark.
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import { notesSheet } from '../../shared/bundle/rows';
import { planBundle } from '../../shared/bundle/plan';
import { getTemplate } from '../../shared/registers';
import type { RegisterTemplate } from '../../shared/registers/types';
import { ExcelJS } from './excel';
import type { ExportEntry, ExportRequest, ExportResult } from './export-protocol';

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

async function buildEntryPdf(
  entry: ExportEntry,
  loadScan: (scanId: string) => Promise<PDFDocument>,
): Promise<{ bytes: Uint8Array; pageCount: number }> {
  const out = await PDFDocument.create();
  for (const ref of entry.pages) {
    const source = await loadScan(ref.scanId);
    const [page] = await out.copyPages(source, [ref.indexInScan]);
    if (page) out.addPage(page);
  }
  return { bytes: await out.save({ useObjectStreams: true }), pageCount: out.getPageCount() };
}

export async function buildBundle(
  request: ExportRequest,
  onProgress: ProgressFn = () => undefined,
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

  const total = plan.pdfs.length + 1;
  onProgress(0, total);
  const xlsx = await buildWorkbook(template, plan.rows);
  onProgress(1, total);

  const scanBlobs = new Map(request.scans.map((scan) => [scan.id, scan.data]));
  const loaded = new Map<string, Promise<PDFDocument>>();
  const loadScan = (scanId: string) => {
    let doc = loaded.get(scanId);
    if (!doc) {
      const blob = scanBlobs.get(scanId);
      if (!blob) throw new Error(`Scan ${scanId} is missing`);
      doc = blob.arrayBuffer().then((bytes) => PDFDocument.load(bytes, { updateMetadata: false }));
      loaded.set(scanId, doc);
    }
    return doc;
  };

  const entries = new Map(request.entries.map((entry) => [entry.id, entry]));
  const zip = new JSZip();
  let done = 1;
  for (const item of plan.pdfs) {
    const entry = entries.get(item.entryId);
    if (!entry) throw new Error(`Entry ${item.entryId} is missing`);
    const { bytes } = await buildEntryPdf(entry, loadScan);
    zip.file(item.fileName, bytes, { binary: true, createFolders: false });
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
    },
  };
}

// Re-reads a written bundle as the Ministry's importer would: the workbook's header and row
// count, and each zip entry's name, checksum and page count. Runs in a fresh worker (or Node).
import { Reader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import { PDFDocument } from 'pdf-lib';
import { ExcelJS } from './excel';
import type {
  BundleFileKind,
  Verification,
  VerifyPlan,
  VerifyProblem,
  WrittenBundle,
} from './export-protocol';
import { MAX_CHUNK_BYTES, type BundleSource, type ProgressFn } from './export-io';

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

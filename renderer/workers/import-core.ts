// Reads an .xlsx into plain cells for the import: text as stored, formulas never computed (a
// formula's cell carries the result Excel last saved, and the formula so the row can be held
// back). No DOM here: it runs in the import worker and in Node for tests and the benchmark.
import type { CellValue, Worksheet } from 'exceljs';
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import { analyzeSheet, type AnalyzeContext } from '../../shared/import/analyze';
import { headerKey } from '../../shared/import/headers';
import type {
  FileProblem,
  ImportAnalysis,
  RawCell,
  RawRow,
  ZipPdf,
  ZipReadResult,
} from '../../shared/import/types';
import { templates } from '../../shared/registers';
import { ExcelJS } from './excel';

export type ReadProgress = (phase: 'open' | 'rows' | 'check', done: number, total: number) => void;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// Excel 97–2003 files, and .xlsx files saved with a password, are OLE compound files.
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// The stream an encrypted Office document keeps its package in, as its directory names it.
const ENCRYPTED_PACKAGE = new Uint8Array(
  [...'EncryptedPackage'].flatMap((char) => [char.charCodeAt(0), 0]),
);

const startsWith = (bytes: Uint8Array, magic: number[]) =>
  magic.every((byte, i) => bytes[i] === byte);

function includes(bytes: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  outer: for (let i = bytes.indexOf(first ?? 0); i >= 0; i = bytes.indexOf(first ?? 0, i + 1)) {
    if (i + needle.length > bytes.length) return false;
    for (let j = 1; j < needle.length; j += 1) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Why a file that is not a readable .xlsx is refused, judged from its bytes. */
export function sniffWorkbook(bytes: Uint8Array): FileProblem | null {
  if (startsWith(bytes, ZIP_MAGIC)) return null;
  if (startsWith(bytes, CFB_MAGIC)) {
    return includes(bytes, ENCRYPTED_PACKAGE)
      ? { code: 'passwordProtected' }
      : { code: 'oldExcelFormat' };
  }
  return { code: 'corrupt' };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  return String(value);
}

/** The text a value shows; a formula gives its saved result. */
function valueText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // Excel stores dates as day numbers; exceljs gives them as UTC instants of that day.
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    return `${pad2(value.getUTCDate())}.${pad2(value.getUTCMonth() + 1)}.${value.getUTCFullYear()}`;
  }
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return valueText(value.result);
  if ('text' in value) {
    const text: unknown = value.text;
    return typeof text === 'string' ? text : valueText(text as CellValue);
  }
  return '';
}

function formulaOf(value: CellValue): string | undefined {
  if (value === null || typeof value !== 'object' || value instanceof Date) return undefined;
  if ('sharedFormula' in value) return `=${value.formula ?? value.sharedFormula}`;
  if ('formula' in value) return `=${value.formula}`;
  return undefined;
}

function isFormulaValue(value: CellValue): value is Extract<CellValue, { result?: unknown }> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !(value instanceof Date) &&
    ('formula' in value || 'sharedFormula' in value)
  );
}

function rawCell(cell: ExcelJSCell): RawCell | null {
  const value = cell.value;
  const text = valueText(value);
  const formula = formulaOf(value);
  if (text === '' && formula === undefined) return null;
  const runFont =
    value !== null && typeof value === 'object' && 'richText' in value
      ? value.richText.find((run) => run.font?.name)?.font?.name
      : undefined;
  const font = runFont ?? cell.font?.name;
  const result = formula !== undefined && isFormulaValue(value) ? value.result : value;
  return {
    text,
    ...(font ? { font } : {}),
    ...(formula === undefined ? {} : { formula }),
    ...(result instanceof Date ? { isDate: true as const } : {}),
  };
}

type ExcelJSCell = ReturnType<Worksheet['getCell']>;

const templateSheetNames = new Set(templates.map((template) => headerKey(template.sheetName)));

/** The data sheet: the one named as in the templates ("DL Import"), else the first. */
function dataSheet(worksheets: Worksheet[]): Worksheet | undefined {
  return worksheets.find((ws) => templateSheetNames.has(headerKey(ws.name))) ?? worksheets[0];
}

export type ReadResult =
  { ok: true; sheet: { name: string; rows: RawRow[] } } | { ok: false; problem: FileProblem };

export async function readWorkbook(
  bytes: Uint8Array,
  onProgress: ReadProgress = () => undefined,
): Promise<ReadResult> {
  const refused = sniffWorkbook(bytes);
  if (refused) return { ok: false, problem: refused };
  onProgress('open', 0, 1);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch {
    return { ok: false, problem: { code: 'corrupt' } };
  }
  const sheet = dataSheet(workbook.worksheets);
  if (!sheet) return { ok: false, problem: { code: 'noSheet' } };
  const total = sheet.rowCount;
  const columns = sheet.columnCount;
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    // eachCell visits stored cells only: getCell would create a cell for every empty column.
    const cells: (RawCell | null)[] = new Array<RawCell | null>(columns).fill(null);
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = rawCell(cell);
    });
    rows.push({ number, cells });
    if (number % 500 === 0) onProgress('rows', number, total);
  });
  onProgress('rows', total, total);
  return { ok: true, sheet: { name: sheet.name, rows } };
}

/** Reads and checks a workbook for one book: the preview, or why the file is refused. */
export async function analyzeWorkbook(
  bytes: Uint8Array,
  ctx: AnalyzeContext,
  onProgress: ReadProgress = () => undefined,
): Promise<ImportAnalysis> {
  const read = await readWorkbook(bytes, onProgress);
  if (!read.ok) return read;
  onProgress('check', 0, 1);
  const analysis = analyzeSheet(read.sheet, ctx);
  onProgress('check', 1, 1);
  return analysis;
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46]; // %PDF

const MB = 2 ** 20;

/**
 * How many bytes a zip of `zipBytes` may unpack to. Scans inside PDFs are already compressed,
 * so a real bundle unpacks to little more than its own size; text-only PDFs a few times more.
 * Twenty times, never less than 256 MB nor more than 3 GB, stops a zip bomb early.
 */
export function unpackLimit(zipBytes: number): number {
  return Math.min(Math.max(20 * zipBytes, 256 * MB), 3 * 1024 * MB);
}

// Documented (ZipObject#internalStream) but missing from jszip's own typings.
interface ZipStream {
  on(event: 'data', listener: (chunk: Uint8Array) => void): ZipStream;
  on(event: 'error', listener: (error: unknown) => void): ZipStream;
  on(event: 'end', listener: () => void): ZipStream;
  pause(): ZipStream;
  resume(): ZipStream;
}
type StreamableZipObject = JSZip.JSZipObject & {
  internalStream(type: 'uint8array'): ZipStream;
};

class TooLarge extends Error {}

/** Unpacks one file piece by piece, stopping as soon as the whole zip's budget runs out. */
function unpack(
  file: JSZip.JSZipObject,
  budget: { left: number; used: number },
  onUnpacked: (bytes: number) => void,
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let isDone = false;
    const stream = (file as StreamableZipObject).internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        if (isDone) return;
        size += chunk.length;
        budget.left -= chunk.length;
        budget.used += chunk.length;
        onUnpacked(budget.used);
        if (budget.left < 0) {
          isDone = true;
          stream.pause();
          reject(new TooLarge());
          return;
        }
        chunks.push(chunk);
      })
      .on('error', (error) => {
        if (isDone) return;
        isDone = true;
        reject(error instanceof Error ? error : new Error(String(error)));
      })
      .on('end', () => {
        if (isDone) return;
        isDone = true;
        const whole = new Uint8Array(size);
        let at = 0;
        for (const chunk of chunks) {
          whole.set(chunk, at);
          at += chunk.length;
        }
        resolve(whole);
      });
    stream.resume();
  });
}

export interface ZipReadOptions {
  /** Bytes the whole zip may unpack to; `unpackLimit` of its size unless given. */
  maxUnpackedBytes?: number;
  /** Bytes unpacked so far, as they come. */
  onUnpacked?: (bytes: number) => void;
}

/**
 * The PDFs of a bundle's zip with their page counts. A zip holding anything else, or a PDF
 * that cannot be read (damaged, password-protected), is refused whole, naming the files; one
 * that unpacks to far more than its size could hold is refused as soon as that shows.
 */
export async function readPdfZip(
  bytes: Uint8Array,
  options: ZipReadOptions = {},
): Promise<ZipReadResult> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return { ok: false, problem: { code: 'zipCorrupt' } };
  }
  const files = Object.values(zip.files).filter((file) => !file.dir);
  if (files.length === 0) return { ok: false, problem: { code: 'zipEmpty' } };
  const limit = options.maxUnpackedBytes ?? unpackLimit(bytes.length);
  const budget = { left: limit, used: 0 };
  const pdfs: ZipPdf[] = [];
  const notPdf: string[] = [];
  const badPdf: string[] = [];
  for (const file of files) {
    let data: Uint8Array;
    try {
      data = await unpack(file, budget, options.onUnpacked ?? (() => undefined));
    } catch (error) {
      if (error instanceof TooLarge) {
        return { ok: false, problem: { code: 'zipTooLarge', limitMb: Math.round(limit / MB) } };
      }
      return { ok: false, problem: { code: 'zipCorrupt' } };
    }
    if (!/\.pdf$/iu.test(file.name) || !startsWith(data, PDF_MAGIC)) {
      notPdf.push(file.name);
      continue;
    }
    try {
      const doc = await PDFDocument.load(data, { updateMetadata: false });
      pdfs.push({
        fileName: file.name,
        bytes: new Uint8Array(data),
        pageCount: doc.getPageCount(),
      });
    } catch {
      badPdf.push(file.name);
    }
  }
  if (notPdf.length > 0) return { ok: false, problem: { code: 'zipNotPdf', files: notPdf } };
  if (badPdf.length > 0) return { ok: false, problem: { code: 'zipBadPdf', files: badPdf } };
  return { ok: true, pdfs };
}

// What the import reads from a workbook and what it reports back, before anything is written.
import type { Issue } from '../validation/types';

/** One cell as the workbook holds it: text only, never a computed value. */
export interface RawCell {
  /** The cell's text; for a formula, the result Excel last saved (never computed here). */
  text: string;
  /** Font name of the cell (or of its first run in a legacy font), when the file says. */
  font?: string;
  /** The formula, when the cell holds one. */
  formula?: string;
  /** Excel stored a date (its text is then dd.mm.yyyy). */
  isDate?: true;
}

export interface RawRow {
  /** 1-based row number in the sheet, as Excel shows it. */
  number: number;
  cells: (RawCell | null)[];
}

export interface RawSheet {
  name: string;
  /** The header row first, then the data rows; empty rows may be left out. */
  rows: RawRow[];
}

/** Why a whole file is refused; nothing is written. */
export type FileProblem =
  | { code: 'corrupt' }
  | { code: 'passwordProtected' }
  | { code: 'oldExcelFormat' }
  | { code: 'noSheet' }
  | { code: 'emptySheet' }
  | { code: 'notTemplate' }
  | { code: 'wrongTemplate'; found: string; expected: string };

/** Why one row holds the whole import back. */
export type RowProblem =
  | { code: 'formula'; column: string; formula: string }
  | { code: 'duplicateInSheet'; so: string; ngayDangKy: string; otherRow: number }
  | { code: 'duplicateInBook'; so: string; ngayDangKy: string };

export interface ImportRow {
  /** Row number in the sheet. */
  row: number;
  /** Values by the book template's field keys, '' when empty. */
  fields: Record<string, string>;
  /** What validation says; the entry comes in as a draft to be finished either way. */
  errors: Issue[];
  warnings: Issue[];
  /** Problems that refuse the import until the file is fixed. */
  problems: RowProblem[];
}

export interface ImportPreview {
  sheetName: string;
  /** Template version the sheet's headers match. */
  templateVersion: string;
  /** Template columns the sheet lacks: imported as empty. */
  missing: string[];
  /** Sheet columns the template does not have: not imported. */
  unknown: string[];
  /** Cells read from a legacy Vietnamese font and turned into Unicode. */
  converted: { tcvn3: number; vni: number };
  rows: ImportRow[];
}

export type ImportAnalysis =
  { ok: true; preview: ImportPreview } | { ok: false; problem: FileProblem };

/** Why a zip of PDFs is refused; nothing is written. */
export type ZipProblem =
  | { code: 'zipCorrupt' }
  | { code: 'zipNotPdf'; files: string[] }
  | { code: 'zipBadPdf'; files: string[] }
  | { code: 'zipEmpty' }
  /** Unpacks to far more than a bundle of PDFs its size could (a zip bomb). */
  | { code: 'zipTooLarge'; limitMb: number };

export interface ZipPdf {
  fileName: string;
  bytes: Uint8Array<ArrayBuffer>;
  pageCount: number;
}

export type ZipReadResult = { ok: true; pdfs: ZipPdf[] } | { ok: false; problem: ZipProblem };

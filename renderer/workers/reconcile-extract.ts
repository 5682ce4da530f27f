// Reads an extract of the Ministry's system (its "xuất Excel", in any register template's
// columns) into rows the linker compares. Nothing is written: the officer sees the preview first.
// A file that cannot be trusted whole (formulas, too many rows, not a template) is refused whole.
import { decodeCell, importedValue, sheetEncoding } from '../../shared/import/cells';
import { detectTemplate, type TemplateMatch } from '../../shared/import/headers';
import type { FileProblem, RawRow, RawSheet } from '../../shared/import/types';
import { templates } from '../../shared/registers';
import type { FieldDef, RegisterTemplate, RegisterTypeCode } from '../../shared/registers/types';
import { nameParts, plainNumber } from '../../shared/reconcile/prepare';
import { readWorkbook, type ReadProgress } from './import-core';

/** More rows than one commune's whole archive: most likely the wrong file (or a whole province). */
export const MAX_EXTRACT_ROWS = 100_000;
/** Rows the preview shows. */
export const SAMPLE_ROWS = 5;
export const HEADER_SEARCH_ROWS = 10;
/** Formula cells named in the refusal; the count says how many more. */
const FORMULAS_NAMED = 5;

export type ExtractProblem =
  | FileProblem
  | { code: 'tooManyRows'; rows: number; limit: number }
  | { code: 'formulas'; count: number; cells: { row: number; column: string }[] };

export interface ExtractRow {
  /** Stable across extracts of the same entry: a later extract finds the decisions made on it. */
  key: string;
  /** Row number in the sheet, as Excel shows it. */
  row: number;
  fields: Record<string, string>;
}

export interface Extract {
  /** The Ministry's template, or the population database's columns mapped by the officer. */
  source: 'template' | 'mapped';
  type: RegisterTypeCode;
  templateVersion: string;
  templateName: string;
  sheetName: string;
  /** Template columns the file lacks (compared as empty). */
  missing: string[];
  converted: { tcvn3: number; vni: number };
  rows: ExtractRow[];
  /** The first rows, for the preview. */
  sample: ExtractRow[];
}

export type ExtractResult =
  | { ok: true; extract: Extract }
  /** A sheet in no template's columns comes with its columns, for the officer to map. */
  | { ok: false; problem: ExtractProblem; columns?: SheetColumns };

/** Identity of an extract row: register, book, number, registration date and name. */
export function extractRowKey(
  type: RegisterTypeCode,
  fields: Record<string, string>,
  mainName: string,
): string {
  return [
    type,
    plainNumber(fields.quyenSo),
    plainNumber(fields.so),
    (fields.ngayDangKy ?? '').trim(),
    nameParts(fields[mainName] ?? '').full,
  ].join('|');
}

function findHeader(sheet: RawSheet): { index: number; found: TemplateMatch } | null {
  for (const [index, row] of sheet.rows.slice(0, HEADER_SEARCH_ROWS).entries()) {
    const found = detectTemplate(
      row.cells.map((cell) => cell?.text ?? ''),
      templates,
    );
    if (found) return { index, found };
  }
  return null;
}

/** A column of the sheet read into a field of the register's template. */
export interface ReadColumn {
  index: number;
  field: FieldDef;
}

export type ReadRows =
  | { ok: true; rows: ExtractRow[]; converted: { tcvn3: number; vni: number } }
  | { ok: false; problem: ExtractProblem };

/**
 * The data rows below the header, each column read into its field: legacy fonts converted,
 * values tidied as the form would, blank rows left out. Refused whole when too long or holding
 * formulas.
 */
export function readDataRows(
  template: RegisterTemplate,
  data: readonly RawRow[],
  read: readonly ReadColumn[],
): ReadRows {
  if (data.length > MAX_EXTRACT_ROWS) {
    return {
      ok: false,
      problem: { code: 'tooManyRows', rows: data.length, limit: MAX_EXTRACT_ROWS },
    };
  }
  const formulas: { row: number; column: string }[] = [];
  let formulaCount = 0;
  const encoding = sheetEncoding(
    (function* () {
      for (const row of data) {
        for (const { index } of read) {
          const text = row.cells[index]?.text;
          if (text) yield text;
        }
      }
    })(),
  );
  const converted = { tcvn3: 0, vni: 0 };
  const rows: ExtractRow[] = [];
  const seen = new Map<string, number>();
  for (const raw of data) {
    const fields: Record<string, string> = {};
    let hasValue = false;
    for (const { index, field } of read) {
      const cell = raw.cells[index];
      if (!cell) continue;
      if (cell.formula !== undefined) {
        formulaCount += 1;
        if (formulas.length < FORMULAS_NAMED)
          formulas.push({ row: raw.number, column: field.header.trim() });
      }
      const decoded = decodeCell(cell, encoding);
      if (decoded.encoding) converted[decoded.encoding] += 1;
      const value = importedValue(field, decoded.text);
      // Only what the row holds: a 20k-row extract of 70 mostly empty columns is sent to the
      // screen and back to the linker, and every empty value would cost there.
      if (value === '') continue;
      hasValue = true;
      fields[field.key] = value;
    }
    if (!hasValue) continue;
    const base = extractRowKey(template.type, fields, template.mainNameField);
    const repeat = seen.get(base) ?? 0;
    seen.set(base, repeat + 1);
    rows.push({ key: repeat === 0 ? base : `${base}#${repeat + 1}`, row: raw.number, fields });
  }
  if (formulaCount > 0) {
    return { ok: false, problem: { code: 'formulas', count: formulaCount, cells: formulas } };
  }
  if (rows.length === 0) return { ok: false, problem: { code: 'emptySheet' } };
  return { ok: true, rows, converted };
}

export function readExtractSheet(sheet: RawSheet): ExtractResult {
  if (sheet.rows.length === 0) return { ok: false, problem: { code: 'emptySheet' } };
  const header = findHeader(sheet);
  if (!header) return { ok: false, problem: { code: 'notTemplate' } };
  const { template, columns } = header.found;
  const read = columns.flatMap((key, index) => {
    const field = key === undefined ? undefined : template.fields.find((f) => f.key === key);
    return field && !field.generated ? [{ index, field }] : [];
  });
  const rows = readDataRows(template, sheet.rows.slice(header.index + 1), read);
  if (!rows.ok) return rows;
  return {
    ok: true,
    extract: {
      source: 'template',
      type: template.type,
      templateVersion: template.version,
      templateName: template.name,
      sheetName: sheet.name,
      missing: header.found.missing,
      converted: rows.converted,
      rows: rows.rows,
      sample: rows.rows.slice(0, SAMPLE_ROWS),
    },
  };
}

/** The header row and first rows of a sheet in no template's columns, for the officer to map. */
export interface SheetColumns {
  sheetName: string;
  /** Row number of the header row, as Excel shows it. */
  headerRow: number;
  headers: string[];
  /** The first data rows' cells, in Unicode, by column. */
  sample: string[][];
  /** Data rows below the header (blank ones included). */
  rows: number;
}

/** Reads an .xlsx extract: its rows, or why it is refused. */
export async function readExtract(
  bytes: Uint8Array,
  onProgress: ReadProgress = () => undefined,
): Promise<ExtractResult> {
  const read = await readWorkbook(bytes, onProgress);
  if (!read.ok) return read;
  return readExtractSheet(read.sheet);
}

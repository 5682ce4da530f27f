// Turns a sheet into the rows the import would write, with every problem found, and writes
// nothing: the officer sees this preview first. Problems of a row (a formula, a number and
// date already used) refuse the whole file, so a fixed file can be imported again as a whole.
import { dateInWords, normalizeDateInput, parseDateInput } from '../text/dates';
import { templates as allTemplates } from '../registers';
import type { RegisterTemplate } from '../registers/types';
import type { EntryRef } from '../validation/types';
import { soKey, validateEntry } from '../validation/validate-entry';
import { collapseSpaces, foldAccents } from '../text/vietnamese';
import { decodeCell, importedValue, sheetEncoding } from './cells';
import { detectTemplate, type TemplateMatch } from './headers';
import type { ImportAnalysis, ImportRow, RawCell, RawSheet, RowProblem } from './types';

/** How far down a sheet its header row may be. */
const HEADER_SEARCH_ROWS = 10;

export interface AnalyzeContext {
  /** The template of the book the rows go into. */
  template: RegisterTemplate;
  /** Year the book was opened. */
  bookYear: number;
  /** Entries already in the book: their numbers and dates must not come in again. */
  existing: readonly EntryRef[];
  /** Templates a sheet may be typed in; all known ones unless said. */
  candidates?: readonly RegisterTemplate[];
  now?: Date;
}

/**
 * The identity of an entry within a book: its number and registration date, which also name
 * its PDF. Null without a number (validation asks for one).
 */
export function entryKey(fields: Record<string, string>): string | null {
  const so = soKey(fields.so ?? '');
  if (so === '') return null;
  const date = (fields.ngayDangKy ?? '').trim();
  return `${so}|${normalizeDateInput(date) ?? date}`;
}

function emptyFields(template: RegisterTemplate): Record<string, string> {
  return Object.fromEntries(template.fields.map((field) => [field.key, '']));
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export function analyzeSheet(sheet: RawSheet, ctx: AnalyzeContext): ImportAnalysis {
  if (sheet.rows.length === 0) return { ok: false, problem: { code: 'emptySheet' } };
  // Some teams put a title above the header row: the first rows that name a template's columns
  // are the header.
  let headerIndex = -1;
  let found: TemplateMatch | null = null;
  for (const [index, row] of sheet.rows.slice(0, HEADER_SEARCH_ROWS).entries()) {
    found = detectTemplate(
      row.cells.map((cell) => cell?.text ?? ''),
      ctx.candidates ?? allTemplates,
    );
    if (found) {
      headerIndex = index;
      break;
    }
  }
  if (!found) return { ok: false, problem: { code: 'notTemplate' } };
  const data = sheet.rows.slice(headerIndex + 1);
  if (found.template.type !== ctx.template.type) {
    return {
      ok: false,
      problem: { code: 'wrongTemplate', found: found.template.name, expected: ctx.template.name },
    };
  }

  const bookFields = new Map(ctx.template.fields.map((field) => [field.key, field]));
  const fileFields = new Map(found.template.fields.map((field) => [field.key, field]));
  // Columns that become entry values: a generated column (STT) is the exporter's row number.
  const readColumns = found.columns.flatMap((key, index) => {
    const field = key === undefined ? undefined : bookFields.get(key);
    return field && !fileFields.get(field.key)?.generated ? [{ index, field }] : [];
  });
  const encoding = sheetEncoding(
    (function* () {
      for (const row of data) {
        for (const { index } of readColumns) {
          const text = row.cells[index]?.text;
          if (text) yield text;
        }
      }
    })(),
  );

  const converted = { tcvn3: 0, vni: 0 };
  const rows: ImportRow[] = [];
  for (const raw of data) {
    const fields = emptyFields(ctx.template);
    const problems: RowProblem[] = [];
    let hasValue = false;
    for (const { index, field } of readColumns) {
      const cell = raw.cells[index];
      if (!cell) continue;
      if (cell.formula !== undefined) {
        problems.push({ code: 'formula', column: field.key, formula: cell.formula });
      }
      const decoded = decodeCell(quyenSoFromDate(field.key, cell), encoding);
      if (decoded.encoding) converted[decoded.encoding] += 1;
      const value = importedValue(field, decoded.text);
      if (value !== '') hasValue = true;
      fields[field.key] = value;
    }
    // Template rows prepared ahead (formulas that give nothing yet) are not entries.
    if (!hasValue) continue;
    // As in the form: the words of a date are written out when the sheet leaves them empty.
    for (const field of ctx.template.fields) {
      if (!field.wordsOf || fields[field.key] !== '') continue;
      const date = parseDateInput(fields[field.wordsOf] ?? '');
      if (date) fields[field.key] = dateInWords(date);
    }
    rows.push({ row: raw.number, fields, errors: [], warnings: [], problems });
  }
  if (rows.length === 0) return { ok: false, problem: { code: 'emptySheet' } };

  checkKeys(rows, ctx.existing);
  validateRows(rows, ctx);

  return {
    ok: true,
    preview: {
      sheetName: sheet.name,
      templateVersion: found.template.version,
      missing: found.missing.filter((key) => !fileFields.get(key)?.generated),
      unknown: [...found.unknown, ...found.repeated],
      converted,
      rows,
    },
  };
}

/**
 * Excel turns a typed "01/2008" into the date 1 January 2008; in the book-number column that
 * date can only have been the number and year.
 */
function quyenSoFromDate(key: string, cell: RawCell): RawCell {
  if (key !== 'quyenSo' || !cell.isDate) return cell;
  const match = /^01\.(\d{2})\.(\d{4})$/u.exec(cell.text);
  return match ? { ...cell, text: `${match[1]}/${match[2]}` } : cell;
}

/** A number and date already in the sheet or in the book would name two entries' PDFs alike. */
function checkKeys(rows: ImportRow[], existing: readonly EntryRef[]): void {
  const inBook = new Set(existing.map((entry) => entryKey(entry.fields)));
  for (const group of groupBy(rows, (row) => entryKey(row.fields)).values()) {
    const first = group[0];
    if (!first) continue;
    const so = first.fields.so ?? '';
    const ngayDangKy = first.fields.ngayDangKy ?? '';
    if (inBook.has(entryKey(first.fields))) {
      for (const row of group) row.problems.push({ code: 'duplicateInBook', so, ngayDangKy });
    }
    if (group.length < 2) continue;
    for (const row of group) {
      const other = group.find((candidate) => candidate !== row);
      if (other) {
        row.problems.push({ code: 'duplicateInSheet', so, ngayDangKy, otherRow: other.row });
      }
    }
  }
}

/** validateEntry on each row, against the rows and entries sharing its number or name. */
function validateRows(rows: ImportRow[], ctx: AnalyzeContext): void {
  const refs: EntryRef[] = [
    ...ctx.existing,
    ...rows.map((row) => ({ id: `row:${row.row}`, fields: row.fields })),
  ];
  const nameOf = (fields: Record<string, string>) =>
    foldAccents(collapseSpaces(fields[ctx.template.mainNameField] ?? ''));
  const sameSo = groupBy(refs, (ref) => soKey(ref.fields.so ?? '') || null);
  const sameName = groupBy(refs, (ref) => nameOf(ref.fields) || null);
  for (const row of rows) {
    const related = new Set([
      ...(sameSo.get(soKey(row.fields.so ?? '')) ?? []),
      ...(sameName.get(nameOf(row.fields)) ?? []),
    ]);
    const result = validateEntry(ctx.template, row.fields, {
      bookYear: ctx.bookYear,
      otherEntries: [...related],
      selfId: `row:${row.row}`,
      ...(ctx.now ? { now: ctx.now } : {}),
    });
    row.errors = result.errors;
    row.warnings = result.warnings;
  }
}

/** Whether the preview may be written: no row holds a problem. */
export function isImportable(rows: readonly ImportRow[]): boolean {
  return rows.length > 0 && rows.every((row) => row.problems.length === 0);
}

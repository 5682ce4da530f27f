// Rows of the import workbook. Every cell is a string (the sheet is formatted as text so
// leading zeros survive); codes and dates are written in the one form the importer reads.
import type { FieldDef, RegisterTemplate } from '../registers/types';
import { getCodeList, writtenValue } from '../registers/code-lists';
import { dateInWords, formatDate, parseDateInput } from '../text/dates';
import { toNFC } from '../text/vietnamese';
import { defaultPdfNaming, formatQuyenSo, soCell, type PdfNaming } from './names';

export function headerRow(template: RegisterTemplate): string[] {
  return template.fields.map((field) => field.header);
}

function cellValue(field: FieldDef, raw: string, fields: Record<string, string>): string {
  const value = toNFC(raw).trim();
  if (field.wordsOf && value === '') {
    // The words are derived from the date; an empty cell would lose what the book states.
    const date = parseDateInput(fields[field.wordsOf] ?? '');
    return date ? dateInWords(date) : '';
  }
  if (value === '') return '';
  if (field.kind === 'date') {
    const date = parseDateInput(value);
    return date ? formatDate(date) : value;
  }
  if (field.kind === 'code' && field.codeListId) {
    // Any spelling that matches is written the canonical way; an unmatched value is left as
    // typed (validation refuses it before export anyway).
    return writtenValue(getCodeList(field.codeListId), value) ?? value;
  }
  return value;
}

/**
 * One entry as a data row in template order; STT is the row number. `so` agrees with the PDF
 * name by the book's naming (see names.ts), and quyenSo is written NN/YYYY in every row.
 */
export function entryToRow(
  template: RegisterTemplate,
  fields: Record<string, string>,
  rowNumber: number,
  naming: PdfNaming = defaultPdfNaming,
): string[] {
  return template.fields.map((field) => {
    if (field.generated === 'rowNumber') return String(rowNumber);
    const raw = fields[field.key] ?? '';
    if (field.key === 'so') return soCell(raw, naming);
    if (field.key === 'quyenSo') return formatQuyenSo(toNFC(raw));
    return cellValue(field, raw, fields);
  });
}

/**
 * The `Ghi chu` sheet: each number-coded list the template uses, as a title row then
 * code/label rows, with a blank row between lists. Name-written lists (ethnicity,
 * nationality) are left out: their cells already say what they mean.
 */
export function notesSheet(template: RegisterTemplate): string[][] {
  const ids = [
    ...new Set(template.fields.flatMap((field) => (field.codeListId ? [field.codeListId] : []))),
  ];
  const rows: string[][] = [];
  for (const id of ids) {
    const list = getCodeList(id);
    if (list.writes !== 'code') continue;
    if (rows.length > 0) rows.push([]);
    rows.push([list.title]);
    for (const item of list.items) rows.push([item.code, item.label]);
  }
  return rows;
}

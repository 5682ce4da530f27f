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
  if (field.wordingListId) {
    // Entries typed before relations were worded ("cha") go out as the list words them.
    return writtenValue(getCodeList(field.wordingListId), value) ?? value;
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

export interface NotesList {
  title: string;
  items: { code: string; label: string }[];
}

/** One cell of the `Ghi chu` sheet, 1-based as in Excel. */
export interface NotesCell {
  row: number;
  column: number;
  /** Codes are numbers, as the Ministry's sheet has them; titles and labels are text. */
  value: string | number;
  /** A list's title: bold, merged over its code and label columns. */
  isTitle?: boolean;
}

// The Ministry's khai sinh template lays its `Ghi chu` sheet out as two stacks of lists from
// row 2: code in B and label in C, identity papers apart in E and F, a blank row between lists.
const STACKS = [2, 5] as const;
const FIRST_ROW = 2;
// Lists the Ministry's sheet shows, in its order; a template's other lists follow them.
const MINISTRY_ORDER = ['loaiDangKy', 'gioiTinh', 'tuyenBo'];
const RIGHT_STACK = new Set(['loaiGiayTo']);

/** Column widths of the Ministry's sheet, by 1-based column. */
export const notesColumnWidths: Readonly<Record<number, number>> = { 2: 9.1, 3: 63.1, 6: 47.9 };

/**
 * The number-coded lists a template uses, in the order the Ministry's sheet shows them.
 * Name-written lists (ethnicity, nationality) are left out: their cells already say what they
 * mean.
 */
export function notesLists(template: RegisterTemplate): { left: NotesList[]; right: NotesList[] } {
  const ids = [
    ...new Set(template.fields.flatMap((field) => (field.codeListId ? [field.codeListId] : []))),
  ];
  const rank = (id: string): number => {
    const at = MINISTRY_ORDER.findIndex((prefix) => id.startsWith(prefix));
    return at === -1 ? MINISTRY_ORDER.length : at;
  };
  const lists = ids
    .map((id) => ({ id, list: getCodeList(id) }))
    .filter(({ list }) => list.writes === 'code')
    .sort((a, b) => rank(a.id) - rank(b.id))
    .map(({ id, list }) => ({
      id,
      title: list.title,
      items: list.items.map((item) => ({ code: item.code, label: item.label })),
    }));
  const strip = ({ title, items }: NotesList): NotesList => ({ title, items });
  return {
    left: lists.filter(({ id }) => !RIGHT_STACK.has(id)).map(strip),
    right: lists.filter(({ id }) => RIGHT_STACK.has(id)).map(strip),
  };
}

/** The `Ghi chu` sheet as cells, laid out as in the Ministry's template. */
export function notesSheet(template: RegisterTemplate): NotesCell[] {
  const { left, right } = notesLists(template);
  const cells: NotesCell[] = [];
  [left, right].forEach((stack, i) => {
    const column = STACKS[i] ?? STACKS[0];
    let row = FIRST_ROW;
    for (const list of stack) {
      cells.push({ row, column, value: list.title, isTitle: true });
      for (const item of list.items) {
        row += 1;
        const code = /^\d+$/u.test(item.code) ? Number(item.code) : item.code;
        cells.push({ row, column, value: code }, { row, column: column + 1, value: item.label });
      }
      row += 2;
    }
  });
  return cells;
}

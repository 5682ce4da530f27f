// The bundle's workbook: the Ministry's template sheet, every cell text, and its notes sheet.
import { notesColumnWidths, notesSheet } from '../../shared/bundle/rows';
import type { RegisterTemplate } from '../../shared/registers/types';
import { ExcelJS } from './excel';

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

// The reconciliation report as a workbook: the counts first, then one sheet per list behind
// them. The screen words every sheet and column in the officer's language; numbers stay numbers.
import { ExcelJS } from './excel';

export interface ReportSheet {
  name: string;
  header: string[];
  rows: (string | number)[][];
}

export async function buildReconcileReport(
  sheets: readonly ReportSheet[],
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
    const sheet = workbook.addWorksheet(spec.name.replace(/[[\]:*?/\\]/gu, ' ').slice(0, 31));
    sheet.addRow(spec.header).font = { bold: true };
    for (const row of spec.rows) sheet.addRow(row);
    spec.header.forEach((_, index) => {
      sheet.getColumn(index + 1).width = index === 0 ? 28 : 18;
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

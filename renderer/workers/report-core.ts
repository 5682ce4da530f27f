// The progress report as the provinces collect it: one line per register type, then a total.
// The headers are the provinces' own wording, in Vietnamese whatever the screen language.
import { ExcelJS } from './excel';

export const REPORT_HEADERS = [
  'STT',
  'Loại sổ',
  'Tổng số dữ liệu cần số hóa',
  'Đã nhập',
  'Đã phê duyệt',
  'Tỷ lệ',
] as const;

export interface ReportLine {
  /** The register's Vietnamese name ("Khai sinh"). */
  typeName: string;
  expected: number;
  entered: number;
  approved: number;
}

export interface ReportRequest {
  /** Heading above the table, e.g. the commune and the date. */
  title: string;
  /** Only books with a total to digitise: the others have nothing to be measured against. */
  lines: ReportLine[];
  /** Sentences under the total, e.g. what books without a total hold. */
  notes?: string[];
}

export const TOTAL_LABEL = 'Tổng cộng';

export async function buildProgressReport(
  request: ReportRequest,
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tiến độ số hóa');
  sheet.addRow([request.title]).font = { bold: true };
  sheet.mergeCells(1, 1, 1, REPORT_HEADERS.length);
  const header = sheet.addRow([...REPORT_HEADERS]);
  header.font = { bold: true };
  const ratio = (approved: number, expected: number) => (expected > 0 ? approved / expected : 0);
  request.lines.forEach((line, index) => {
    sheet.addRow([
      index + 1,
      line.typeName,
      line.expected,
      line.entered,
      line.approved,
      ratio(line.approved, line.expected),
    ]);
  });
  const sum = (pick: (line: ReportLine) => number) =>
    request.lines.reduce((total, line) => total + pick(line), 0);
  const expected = sum((line) => line.expected);
  const approved = sum((line) => line.approved);
  const total = sheet.addRow([
    '',
    TOTAL_LABEL,
    expected,
    sum((line) => line.entered),
    approved,
    ratio(approved, expected),
  ]);
  total.font = { bold: true };
  for (const note of request.notes ?? []) {
    const row = sheet.addRow([note]);
    sheet.mergeCells(row.number, 1, row.number, REPORT_HEADERS.length);
  }
  sheet.getColumn(6).numFmt = '0.0%';
  sheet.getColumn(2).width = 28;
  for (const column of [3, 4, 5]) sheet.getColumn(column).width = 16;
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

export type ReportMessage =
  { type: 'result'; data: Uint8Array<ArrayBuffer> } | { type: 'failed'; message: string };

import { describe, expect, it } from 'vitest';
import { ExcelJS } from './excel';
import { buildProgressReport, REPORT_HEADERS, TOTAL_LABEL } from './report-core';

async function readBack(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => {
    rows.push(REPORT_HEADERS.map((_, i) => row.getCell(i + 1).value));
  });
  return { sheet, rows };
}

describe('buildProgressReport', () => {
  it('writes one line per register type under the provinces’ headers, then the total', async () => {
    const bytes = await buildProgressReport({
      title: 'Tiến độ số hóa',
      lines: [
        { typeName: 'Khai sinh', expected: 200, entered: 150, approved: 50 },
        { typeName: 'Khai tử', expected: 100, entered: 10, approved: 10 },
      ],
    });
    const { sheet, rows } = await readBack(bytes);
    expect(rows[1]).toEqual([...REPORT_HEADERS]);
    expect(rows[2]).toEqual([1, 'Khai sinh', 200, 150, 50, 0.25]);
    expect(rows[3]).toEqual([2, 'Khai tử', 100, 10, 10, 0.1]);
    expect(rows[4]).toEqual(['', TOTAL_LABEL, 300, 160, 60, 0.2]);
    expect(sheet.getRow(3).getCell(6).numFmt).toBe('0.0%');
  });

  it('says under the total what the books without a total hold, outside the sums', async () => {
    const note = 'Khai tử: chưa tính 1 sổ chưa có tổng số cần số hóa (40 trường hợp đã nhập).';
    const { rows } = await readBack(
      await buildProgressReport({
        title: 't',
        lines: [{ typeName: 'Khai sinh', expected: 200, entered: 150, approved: 50 }],
        notes: [note],
      }),
    );
    expect(rows[3]).toEqual(['', TOTAL_LABEL, 200, 150, 50, 0.25]);
    expect(rows[4]?.[0]).toBe(note);
  });

  it('shows 0 % instead of failing when nothing is expected', async () => {
    const { rows } = await readBack(await buildProgressReport({ title: 't', lines: [] }));
    expect(rows[2]).toEqual(['', TOTAL_LABEL, 0, 0, 0, 0]);
  });
});

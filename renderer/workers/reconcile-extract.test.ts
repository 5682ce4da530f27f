import { describe, expect, it } from 'vitest';
import type { RawSheet } from '../../shared/import/types';
import { buildScenario } from '../../test/fixtures/reconcile-scenario';
import { makeXlsx, rowOf, tcvn3Cell, templateHeaders } from '../../test/fixtures/make-xlsx';
import { MAX_EXTRACT_ROWS, readExtract, readExtractSheet } from './reconcile-extract';

const scenario = buildScenario();

async function extractFile(
  rows: Record<string, Parameters<typeof rowOf>[1][string]>[],
  version = 'ks-70',
) {
  return new Uint8Array(
    await makeXlsx({
      headers: templateHeaders(version),
      rows: rows.map((row) => rowOf(version, row)),
    }),
  );
}

describe('reading an extract', () => {
  it('detects the register from the header row and reads every row', async () => {
    const read = await readExtract(await extractFile(scenario.extract));
    expect(read.ok && read.extract.type).toBe('KS');
    if (!read.ok) return;
    expect(read.extract.rows).toHaveLength(27);
    expect(read.extract.sample[0]?.fields.nksHoTen).toBe(scenario.extract[0]?.nksHoTen);
  });

  it('reads any register type the import knows', async () => {
    const read = await readExtract(
      await extractFile([{ so: '1', ngayDangKy: '02.03.2011', nktHoTen: 'Bùi Thị Xuân' }], 'kt-48'),
    );
    expect(read.ok && read.extract.type).toBe('KT');
  });

  it('gives each row a key that a later extract of the same entry gives again', async () => {
    const first = await readExtract(await extractFile(scenario.extract));
    const again = await readExtract(await extractFile([...scenario.extract].reverse()));
    if (!first.ok || !again.ok) throw new Error('not read');
    expect(new Set(again.extract.rows.map((row) => row.key))).toEqual(
      new Set(first.extract.rows.map((row) => row.key)),
    );
  });

  it('turns names typed in TCVN3 into Unicode and counts them', async () => {
    const read = await readExtract(
      await extractFile([
        {
          so: '1',
          ngayDangKy: '02.03.2010',
          nksHoTen: tcvn3Cell('Nguyễn Thị Hồng'),
          meHoTen: tcvn3Cell('Hà Thị Lụa'),
        },
      ]),
    );
    if (!read.ok) throw new Error('not read');
    expect(read.extract.rows[0]?.fields.nksHoTen).toBe('Nguyễn Thị Hồng');
    expect(read.extract.converted.tcvn3).toBe(2);
  });
});

describe('refusing a bad extract', () => {
  it('refuses a sheet whose columns are no register template', async () => {
    const bytes = new Uint8Array(
      await makeXlsx({ headers: ['Họ tên', 'Ngày sinh', 'Địa chỉ'], rows: [['A', '1', 'B']] }),
    );
    expect(await readExtract(bytes)).toEqual({ ok: false, problem: { code: 'notTemplate' } });
  });

  it('refuses a template with no rows', async () => {
    expect(await readExtract(await extractFile([]))).toEqual({
      ok: false,
      problem: { code: 'emptySheet' },
    });
  });

  it('refuses a file that is not a workbook', async () => {
    const read = await readExtract(new TextEncoder().encode('họ tên;ngày sinh'));
    expect(read).toEqual({ ok: false, problem: { code: 'corrupt' } });
  });

  it('refuses formulas, naming where they are', async () => {
    const read = await readExtract(
      await extractFile([
        {
          so: '1',
          ngayDangKy: '02.03.2010',
          nksHoTen: { value: { formula: 'A1&B1', result: 'Lê Văn Tám' } },
        },
      ]),
    );
    expect(read).toEqual({
      ok: false,
      problem: { code: 'formulas', count: 1, cells: [{ row: 2, column: 'nksHoTen' }] },
    });
  });

  it(`refuses more than ${MAX_EXTRACT_ROWS.toLocaleString('en')} rows`, () => {
    const headers = templateHeaders('ks-70').map((text) => ({ text }));
    const row = rowOf('ks-70', { so: '1', ngayDangKy: '01.01.2010', nksHoTen: 'Lê Văn Tám' }).map(
      (cell) => (typeof cell === 'string' ? { text: cell } : null),
    );
    const sheet: RawSheet = {
      name: 'DL Import',
      rows: [
        { number: 1, cells: headers },
        ...Array.from({ length: MAX_EXTRACT_ROWS + 1 }, (_, i) => ({ number: i + 2, cells: row })),
      ],
    };
    expect(readExtractSheet(sheet)).toEqual({
      ok: false,
      problem: { code: 'tooManyRows', rows: MAX_EXTRACT_ROWS + 1, limit: MAX_EXTRACT_ROWS },
    });
  });
});

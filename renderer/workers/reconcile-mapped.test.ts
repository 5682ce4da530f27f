import { describe, expect, it } from 'vitest';
import type { SavedColumns } from '../../shared/reconcile/columns';
import { guessColumns, mappedValues } from '../../shared/reconcile/columns';
import { makeXlsx, rowOf, templateHeaders } from '../../test/fixtures/make-xlsx';
import {
  POPULATION_HEADERS,
  POPULATION_TITLE,
  populationRow,
} from '../../test/fixtures/population-extract';
import { buildScenario } from '../../test/fixtures/reconcile-scenario';
import { readExtract } from './reconcile-extract';
import { readAnyExtract } from './reconcile-mapped';

const scenario = buildScenario();

async function populationFile(rows = scenario.extract) {
  return new Uint8Array(
    await makeXlsx({
      sheetName: 'Danh sach',
      headers: [POPULATION_TITLE],
      rows: [POPULATION_HEADERS, ...rows.map(populationRow)],
    }),
  );
}

const mapping: SavedColumns = {
  type: 'KS',
  headers: POPULATION_HEADERS,
  columns: { ...guessColumns('KS', POPULATION_HEADERS), so: 8 },
};

describe('a population-database extract', () => {
  it('comes back with its header row and first rows for the officer to map', async () => {
    const read = await readAnyExtract(await populationFile());
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problem.code).toBe('notTemplate');
    expect(read.columns?.headerRow).toBe(2);
    expect(read.columns?.headers).toEqual(POPULATION_HEADERS);
    expect(read.columns?.rows).toBe(27);
    expect(read.columns?.sample).toHaveLength(5);
    expect(read.columns?.sample[0]?.[1]).toBe(scenario.extract[0]?.nksHoTen);
  });

  it('shows the first rows as the mapping reads them, in the form the entries hold', async () => {
    const read = await readAnyExtract(await populationFile());
    const first = !read.ok && read.columns?.sample[0];
    if (!first) throw new Error('no sample');
    const expected = scenario.extract[0] ?? {};
    expect(mappedValues(mapping, first)).toMatchObject({
      nksHoTen: expected.nksHoTen,
      nksNgaySinh: expected.nksNgaySinh,
      nksGioiTinh: expected.nksGioiTinh,
      so: expected.so,
      ngayDangKy: expected.ngayDangKy,
    });
  });

  it('reads every row through the mapping as the same rows a template extract gives', async () => {
    const mapped = await readAnyExtract(await populationFile(), undefined, mapping);
    const template = await readExtract(
      new Uint8Array(
        await makeXlsx({
          headers: templateHeaders('ks-70'),
          rows: scenario.extract.map((row) => rowOf('ks-70', row)),
        }),
      ),
    );
    if (!mapped.ok || !template.ok) throw new Error('not read');
    expect(mapped.extract).toMatchObject({
      source: 'mapped',
      type: 'KS',
      templateVersion: 'ks-70',
    });
    expect(mapped.extract.rows.map((row) => row.key)).toEqual(
      template.extract.rows.map((row) => row.key),
    );
    const keys = Object.keys(mapping.columns);
    const pick = (fields: Record<string, string>) =>
      Object.fromEntries(keys.map((key) => [key, fields[key] ?? '']));
    expect(mapped.extract.rows.map((row) => pick(row.fields))).toEqual(
      template.extract.rows.map((row) => pick(row.fields)),
    );
  });

  it('is refused as a whole for formulas through the mapping too', async () => {
    const bytes = new Uint8Array(
      await makeXlsx({
        headers: POPULATION_HEADERS,
        rows: [
          [
            null,
            { value: { formula: 'A1', result: 'Lê Văn Tám' } },
            null,
            null,
            null,
            null,
            null,
            null,
            '1',
            '',
            '01/02/2010',
          ],
        ],
      }),
    );
    const read = await readAnyExtract(bytes, undefined, mapping);
    expect(read).toMatchObject({ ok: false, problem: { code: 'formulas', count: 1 } });
  });

  it('with another header row than the mapping was made for, asks for the mapping again', async () => {
    const read = await readAnyExtract(await populationFile(), undefined, {
      ...mapping,
      headers: ['Họ tên', 'Ngày đăng ký'],
    });
    expect(read).toMatchObject({ ok: false, problem: { code: 'notTemplate' } });
    expect(!read.ok && read.columns?.headers).toEqual(POPULATION_HEADERS);
  });

  it('is still refused when it has no header row at all', async () => {
    const bytes = new Uint8Array(await makeXlsx({ headers: ['Lê Văn Tám'], rows: [['1990']] }));
    expect(await readAnyExtract(bytes)).toEqual({ ok: false, problem: { code: 'notTemplate' } });
  });
});

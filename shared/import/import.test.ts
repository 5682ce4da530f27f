import { describe, expect, it } from 'vitest';
import { getTemplate, templates } from '../registers';
import { unicodeToLegacy } from '../text/legacy-encodings';
import { analyzeSheet, entryKey, isImportable } from './analyze';
import { decodeCell, importedValue, sheetEncoding } from './cells';
import { detectTemplate, headerKey } from './headers';
import { matchPdfNames, pdfNameKey } from './pdf-names';
import type { RawCell, RawSheet } from './types';

const ks = getTemplate('ks-70');

function sheetOf(version: string, rows: Record<string, string | RawCell>[]): RawSheet {
  const template = getTemplate(version);
  return {
    name: 'DL Import',
    rows: [
      { number: 1, cells: template.fields.map((field) => ({ text: field.header })) },
      ...rows.map((values, i) => ({
        number: i + 2,
        cells: template.fields.map((field) => {
          const value = values[field.key];
          if (value === undefined) return null;
          return typeof value === 'string' ? { text: value } : value;
        }),
      })),
    ],
  };
}

describe('headers', () => {
  it('compares headers without code hints, spaces or case', () => {
    expect(headerKey('loaiDangKy \ni=[1,2,3,4,5,6]')).toBe('loaidangky');
    expect(headerKey(' NksHoTen ')).toBe('nkshoten');
  });

  it('recognises every template from its own header row', () => {
    for (const template of templates) {
      const found = detectTemplate(
        template.fields.map((field) => field.header),
        templates,
      );
      expect(found?.template.version).toBe(template.version);
      expect(found?.missing).toEqual([]);
    }
  });

  it('names the columns a sheet lacks and those it adds', () => {
    const headers = ks.fields.map((f) => f.header).filter((h) => !h.startsWith('nyc'));
    const found = detectTemplate([...headers, 'Cột thêm'], templates);
    expect(found?.template.version).toBe('ks-70');
    expect(found?.missing).toEqual(ks.fields.map((f) => f.key).filter((k) => k.startsWith('nyc')));
    expect(found?.unknown).toEqual(['Cột thêm']);
  });

  it('recognises no template without number, date and name columns', () => {
    const headers = ks.fields.map((f) => f.header).filter((h) => !h.startsWith('nksHoTen'));
    expect(detectTemplate(headers, templates)).toBeNull();
  });
});

describe('cells', () => {
  it('reads a legacy font by the cell font first', () => {
    const vni = unicodeToLegacy('Trần Văn Đức', 'vni');
    expect(decodeCell({ text: vni, font: 'VNI-Times' }, null)).toEqual({
      text: 'Trần Văn Đức',
      encoding: 'vni',
    });
  });

  it('reads a short ambiguous cell in the legacy font the rest of the sheet uses', () => {
    // VNI "Hồng" is written "Hoàng", a Unicode name too: alone it stays as it is.
    const cell = { text: unicodeToLegacy('Hồng', 'vni') };
    expect(decodeCell(cell, null).text).toBe('Hoàng');
    expect(decodeCell(cell, 'vni').text).toBe('Hồng');
    // Unicode text that means nothing in the sheet's font is left alone.
    expect(decodeCell({ text: 'Hoàng' }, 'tcvn3').text).toBe('Hoàng');
  });

  it('takes the encoding most cells of a sheet read as', () => {
    const texts = ['Nguyễn Văn An', 'Lê Thị Hà', 'Đắk Lắk'].map((t) => unicodeToLegacy(t, 'tcvn3'));
    expect(sheetEncoding([...texts, 'Kinh'])).toBe('tcvn3');
    expect(sheetEncoding(['Nguyễn Văn An', 'Kinh'])).toBeNull();
  });

  it('stores what the form would store', () => {
    const field = (key: string) => ks.fields.find((f) => f.key === key)!;
    expect(importedValue(field('nksHoTen'), '  TRẦN  văn  an ')).toBe('Trần Văn An');
    expect(importedValue(field('ngayDangKy'), '5/6/2010')).toBe('05.06.2010');
    expect(importedValue(field('ngayDangKy'), '31/02/2010')).toBe('31/02/2010');
    expect(importedValue(field('nksDanToc'), 'khơ me')).toBe('Khơ-me');
    expect(importedValue(field('nksGioiTinh'), 'Nữ')).toBe('2');
    expect(importedValue(field('nksSoDinhDanh'), '001207004567')).toBe('001207004567');
  });
});

describe('analyzeSheet', () => {
  const ctx = { template: ks, bookYear: 2008, existing: [], now: new Date('2026-01-01') };

  it('skips empty rows and keeps the sheet row numbers', () => {
    const result = analyzeSheet(
      sheetOf('ks-70', [
        { so: '1', ngayDangKy: '01.02.2008', nksHoTen: 'Lê Văn A' },
        { ghiChu: '   ' },
        { nksNgaySinhBangChu: { text: '', formula: '=IF(O4="","",O4)' } },
        { so: '2', ngayDangKy: '02.02.2008', nksHoTen: 'Lê Văn B' },
      ]),
      ctx,
    );
    expect(result.ok && result.preview.rows.map((row) => row.row)).toEqual([2, 5]);
  });

  it('reports validation per row without holding the import back', () => {
    const result = analyzeSheet(
      sheetOf('ks-70', [{ so: 'a1', ngayDangKy: '31.02.2008', nksHoTen: 'Lê Văn A' }]),
      ctx,
    );
    if (!result.ok) throw new Error(result.problem.code);
    const [row] = result.preview.rows;
    expect(row?.errors.map((issue) => issue.rule)).toEqual(
      expect.arrayContaining(['invalidDate', 'soNotNumeric', 'required']),
    );
    expect(isImportable(result.preview.rows)).toBe(true);
  });

  it('flags a possible duplicate of an entry already in the book', () => {
    const fields = {
      so: '9',
      ngayDangKy: '01.02.2008',
      nksHoTen: 'Lê Văn A',
      nksNgaySinh: '01.01.2008',
      meHoTen: 'Hà Thị B',
      chaHoTen: 'Lê Văn C',
    };
    const result = analyzeSheet(sheetOf('ks-70', [{ ...fields, so: '10' }]), {
      ...ctx,
      existing: [{ id: 'e9', fields }],
    });
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.preview.rows[0]?.warnings.map((w) => w.rule)).toContain('possibleDuplicate');
  });

  it('keys entries by number and registration date as written any way', () => {
    expect(entryKey({ so: '007', ngayDangKy: '7/2/2008' })).toBe(
      entryKey({ so: '7', ngayDangKy: '07.02.2008' }),
    );
    expect(entryKey({ so: '', ngayDangKy: '07.02.2008' })).toBeNull();
  });
});

describe('PDF names', () => {
  const book = { type: 'KS' as const, year: 2008, quyenSo: '01/2008' };
  const rows = [
    { fields: { so: '1', ngayDangKy: '15.01.2008' } },
    { fields: { so: '12', ngayDangKy: '16/1/2008' } },
    { fields: { so: '', ngayDangKy: '16.01.2008' } },
  ];

  it('finds the row each exported PDF name stands for, however it is padded', () => {
    expect(pdfNameKey('KS.2008.01.2008-01-15.001.pdf')).toBe(
      pdfNameKey('ks.2008.1.2008-01-15.1.PDF'),
    );
    expect(pdfNameKey('bundle/KS.2008.01.2008-01-15.001.pdf')).toBe(
      pdfNameKey('KS.2008.01.2008-01-15.001.pdf'),
    );
    // A missing số is the same entry whichever convention named it; a partial date reads back.
    expect(pdfNameKey('KS.2008.01.2008-01-15.null.pdf')).toBe(
      pdfNameKey('KS.2008.01.2008-01-15.000.pdf'),
    );
    expect(pdfNameKey('KS.2008.01.2008-00-00.012a.pdf')).toBe('KS|2008|1|2008-00-00|12a');
    expect(pdfNameKey('KS.2008.01.2008-01-15.pdf')).toBeNull();
    expect(
      matchPdfNames(
        [
          'KS.2008.01.2008-01-16.012.pdf',
          'KS.2008.01.2008-01-15.001.pdf',
          'KS.2008.01.2008-01-15.001 (1).pdf',
          'KT.2008.01.2008-01-15.001.pdf',
          'KS.2008.01.2008-01-17.012.pdf',
        ],
        rows,
        book,
      ),
    ).toEqual({
      matched: [
        { rowIndex: 1, fileName: 'KS.2008.01.2008-01-16.012.pdf' },
        { rowIndex: 0, fileName: 'KS.2008.01.2008-01-15.001.pdf' },
      ],
      unmatched: [
        'KS.2008.01.2008-01-15.001 (1).pdf',
        'KT.2008.01.2008-01-15.001.pdf',
        'KS.2008.01.2008-01-17.012.pdf',
      ],
    });
  });

  it('gives one entry one PDF', () => {
    const names = ['KS.2008.01.2008-01-15.001.pdf', 'KS.2008.1.2008-01-15.1.pdf'];
    expect(matchPdfNames(names, rows, book)).toEqual({
      matched: [{ rowIndex: 0, fileName: names[0] }],
      unmatched: [names[1]],
    });
  });
});

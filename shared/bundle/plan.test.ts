import { describe, expect, it } from 'vitest';
import { ksTemplate60, ksTemplate70 } from '../registers/ks';
import type { Acknowledgement } from '../validation/acknowledgements';
import { ruleIds, type RuleId } from '../validation/types';
import type { PlanEntry, PlanInput } from './plan';
import { planBundle } from './plan';

const now = new Date(2026, 0, 15);
const book = { type: 'KS' as const, year: 2008, quyenSo: '01/2008' };

function entry(id: string, changes: Record<string, string> = {}, pageCount = 1): PlanEntry {
  return {
    id,
    pageCount,
    fields: {
      so: id,
      quyenSo: '01/2008',
      ngayDangKy: '15.01.2008',
      noiDangKy: 'UBND xã An Nhơn',
      nguoiKy: 'Lê Đức Tuấn',
      chucVuNguoiKy: 'Chủ tịch',
      nguoiThucHien: 'Nguyễn Văn Sơn',
      // Letters, not digits: a digit in a name is a warning that would hold the bundle back.
      nksHoTen: `Nguyễn Văn ${id.replace(/\d/g, (d) => 'ABCDEGHKLM'[Number(d)] ?? '')}`,
      nksNgaySinh: '01.01.2008',
      ...changes,
    },
  };
}

const ack = (field: string, rule: RuleId, subject?: string): Acknowledgement => ({
  field,
  rule,
  ...(subject === undefined ? {} : { subject }),
  reason: 'sổ ghi như vậy',
  at: 1,
});

const plan = (entries: PlanEntry[], extra: Partial<PlanInput> = {}) =>
  planBundle({ template: ksTemplate70, book, entries, now, ...extra });

describe('planBundle', () => {
  it('plans rows and PDF names in số order, numbering STT from 1', () => {
    const result = plan([entry('3'), entry('2'), entry('1', { ngayDangKy: '02.01.2008' })]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows).toHaveLength(4);
    expect(result.rows[0]?.[0]).toBe('STT');
    // The row's số agrees with the PDF name: padded to 3 digits by default.
    expect(result.rows.slice(1).map((row) => [row[0], row[1]])).toEqual([
      ['1', '001'],
      ['2', '002'],
      ['3', '003'],
    ]);
    expect(result.pdfs).toEqual([
      { entryId: '1', fileName: 'KS.2008.01.2008-01-02.001.pdf' },
      { entryId: '2', fileName: 'KS.2008.01.2008-01-15.002.pdf' },
      { entryId: '3', fileName: 'KS.2008.01.2008-01-15.003.pdf' },
    ]);
    expect(result.stem).toBe('KS.2008.01');
  });

  it('uses the configured stem pattern and places', () => {
    const result = plan([entry('1')], {
      naming: {
        pattern: '{xa}_{huyen}_{tinh}.{loai}.{nam}.{quyen}',
        commune: 'Xã An Nhơn',
        district: 'Huyện Đạ Tẻh',
        province: 'Tỉnh Lâm Đồng',
      },
    });
    expect(result.ok && result.stem).toBe('AnNhon_DT_LD.KS.2008.01');
  });

  it('follows the 60-column template', () => {
    const result = planBundle({ template: ksTemplate60, book, entries: [entry('1')], now });
    expect(result.ok && result.rows.map((row) => row.length)).toEqual([60, 60]);
  });

  it('refuses an empty book', () => {
    expect(plan([])).toEqual({ ok: false, problems: [{ entryId: '', so: '', rule: 'noEntries' }] });
  });

  it('returns every validation error of every entry instead of a plan', () => {
    const result = plan([
      entry('1', { nksHoTen: '' }),
      entry('2', { nksNgaySinh: '31.02.2008', loaiDangKy: '9' }),
      // Warnings confirmed with a reason do not block.
      {
        ...entry('3', { meNgaySinh: '1098', nksHoTen: 'Lê Văn 3' }),
        acknowledgements: [
          { field: 'meNgaySinh', rule: 'implausibleYear', reason: 'sổ ghi 1098', at: 1 },
          { field: 'nksHoTen', rule: 'unusualNameChars', reason: 'sổ ghi như vậy', at: 1 },
        ],
      },
    ]);
    expect(result).toEqual({
      ok: false,
      problems: [
        { entryId: '1', so: '1', field: 'nksHoTen', rule: 'required' },
        { entryId: '2', so: '2', field: 'loaiDangKy', rule: 'unknownCode', params: { value: '9' } },
        {
          entryId: '2',
          so: '2',
          field: 'nksNgaySinh',
          rule: 'invalidDate',
          params: { value: '31.02.2008' },
        },
      ],
    });
  });

  it('reports an entry without scanned pages', () => {
    const result = plan([entry('1'), entry('2', {}, 0)]);
    expect(result).toEqual({ ok: false, problems: [{ entryId: '2', so: '2', rule: 'noPages' }] });
  });

  it('holds back a partial date or a missing số until confirmed, then names it by convention', () => {
    const irregular = [entry('1', { ngayDangKy: '2008' }), entry('2', { so: '' })];
    const held = plan(irregular);
    expect(held.ok).toBe(false);
    if (held.ok) return;
    expect(held.problems.map((p) => `${p.entryId}:${p.field}:${p.rule}:${p.severity}`)).toEqual([
      '1:ngayDangKy:partialDate:warning',
      '2:so:missingSo:warning',
    ]);
    const confirmed = plan([
      { ...irregular[0]!, acknowledgements: [ack('ngayDangKy', 'partialDate')] },
      { ...irregular[1]!, acknowledgements: [ack('so', 'missingSo')] },
    ]);
    expect(confirmed.ok).toBe(true);
    if (!confirmed.ok) return;
    expect(confirmed.pdfs.map((pdf) => pdf.fileName)).toEqual([
      'KS.2008.01.2008-00-00.001.pdf',
      'KS.2008.01.2008-01-15.000.pdf',
    ]);
    expect(confirmed.byConvention).toEqual([
      { entryId: '1', so: '1', fileName: 'KS.2008.01.2008-00-00.001.pdf', rule: 'partialDate' },
      { entryId: '2', so: '', fileName: 'KS.2008.01.2008-01-15.000.pdf', rule: 'missingSo' },
    ]);
    // The row keeps the date as the book states it, and an empty số.
    expect(confirmed.rows.slice(1).map((row) => [row[1], row[4]])).toEqual([
      ['001', '2008'],
      ['', '15.01.2008'],
    ]);
  });

  it('exports a book whose numbering restarts once each repeated số is confirmed', () => {
    const entries = [
      entry('a', { so: '4', ngayDangKy: '10.01.2008' }),
      entry('b', { so: '4', ngayDangKy: '11.02.2009' }),
    ];
    const held = plan(entries);
    expect(held.ok || held.problems.map((p) => `${p.entryId}:${p.rule}`)).toEqual([
      'a:soRepeated',
      'b:soRepeated',
    ]);
    const confirmed = plan([
      { ...entries[0]!, acknowledgements: [ack('so', 'soRepeated', 'b')] },
      { ...entries[1]!, acknowledgements: [ack('so', 'soRepeated', 'a')] },
    ]);
    expect(confirmed.ok && confirmed.pdfs.map((pdf) => pdf.fileName)).toEqual([
      'KS.2008.01.2008-01-10.004.pdf',
      'KS.2008.01.2009-02-11.004.pdf',
    ]);
  });

  it('sees the entries left out of the bundle as the form does, without writing them', () => {
    const draft = { id: 'draft', fields: { ...entry('2').fields, nksHoTen: 'Lê Văn Hai' } };
    // Without the draft số 2, số 3 would follow a gap.
    const result = plan([entry('1'), entry('3')], { leftOut: [draft] });
    expect(result.ok && result.pdfs.map((pdf) => pdf.entryId)).toEqual(['1', '3']);
    expect(plan([entry('1'), entry('3')]).ok).toBe(false);
    // A draft with the same số and date would give the same PDF name once approved.
    const clash = plan([entry('1')], { leftOut: [{ ...draft, fields: entry('1').fields }] });
    expect(clash.ok || clash.problems.map((p) => p.rule)).toEqual(['duplicateSo']);
  });

  it('keeps số as written in the row when the book says so', () => {
    const result = plan([entry('1', { so: '01/2008' })], {
      pdfNaming: { so: 'asWritten', partialDate: 'zeros', missingSo: 'zeros' },
    });
    expect(result.ok && result.rows[1]?.[1]).toBe('01/2008');
    expect(result.ok && result.pdfs[0]?.fileName).toBe('KS.2008.01.2008-01-15.01.pdf');
  });

  it('reports a book-level naming problem that validation does not see', () => {
    const result = plan([entry('1')], { book: { ...book, year: Number.NaN } });
    expect(result).toEqual({
      ok: false,
      problems: [{ entryId: '1', so: '1', rule: 'badBookYear' }],
    });
  });

  it('reports an entry filed under another book number', () => {
    const ok = plan([entry('1', { quyenSo: '1/2008' })]);
    expect(ok.ok).toBe(true);
    expect(plan([entry('1', { quyenSo: '02/2008' })])).toEqual({
      ok: false,
      problems: [
        {
          entryId: '1',
          so: '1',
          field: 'quyenSo',
          rule: 'quyenSoMismatch',
          params: { book: '01/2008' },
        },
      ],
    });
  });

  it('explains two entries that would get the same PDF name', () => {
    // "7" and "007" are one number to the importer: both would be ...007.pdf.
    const result = plan([entry('a', { so: '7' }), entry('b', { so: '007' })]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const clashes = result.problems.filter((p) => p.rule === 'pdfNameClash');
    expect(clashes).toEqual([
      {
        entryId: 'a',
        so: '7',
        field: 'so',
        rule: 'pdfNameClash',
        params: { other: '007', fileName: 'KS.2008.01.2008-01-15.007.pdf' },
      },
      {
        entryId: 'b',
        so: '007',
        field: 'so',
        rule: 'pdfNameClash',
        params: { other: '7', fileName: 'KS.2008.01.2008-01-15.007.pdf' },
      },
    ]);
    expect(result.problems.filter((p) => p.rule === 'duplicateSo')).toHaveLength(2);
  });

  it('sorts entries with a non-numeric số after the others when reporting', () => {
    const result = plan([entry('x', { so: 'abc' }), entry('5'), entry('y', { so: '' })]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.entryId)).toEqual(['x', 'y']);
    for (const problem of result.problems) expect(ruleIds).toContain(problem.rule);
  });

  it('holds back an entry with a warning nobody confirmed, and lets it through with a reason', () => {
    const twin = (id: string) =>
      entry(id, {
        nksHoTen: 'Lê Thị Hoa',
        nksNgaySinh: '01.01.2008',
        meHoTen: 'Phạm Thị Lan',
        chaHoTen: 'Lê Văn Dũng',
      });
    const held = plan([twin('1'), twin('2')]);
    expect(held.ok).toBe(false);
    if (held.ok) return;
    expect(held.problems).toEqual([
      expect.objectContaining({ so: '1', rule: 'possibleDuplicate', severity: 'warning' }),
      expect.objectContaining({ so: '2', rule: 'possibleDuplicate', severity: 'warning' }),
    ]);

    const answer = {
      field: 'nksHoTen',
      rule: 'possibleDuplicate' as const,
      reason: 'song sinh',
      at: 1,
    };
    const both = [twin('1'), twin('2')].map((e) => ({ ...e, acknowledgements: [answer] }));
    expect(plan(both).ok).toBe(true);
  });
});

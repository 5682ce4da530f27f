import { describe, expect, it } from 'vitest';
import { ksTemplate70 } from '../registers/ks';
import type { Issue } from './types';
import { ruleIds } from './types';
import { validateEntry } from './validate-entry';
import type { ValidationContext } from './validate-entry';

const now = new Date(2026, 0, 15);

/** A complete, valid khai sinh entry; each test changes what it checks. */
const valid: Record<string, string> = {
  so: '12',
  quyenSo: '01/2008',
  trangSo: '5',
  ngayDangKy: '27.10.2008',
  loaiDangKy: '1',
  noiDangKy: 'UBND xã An Nhơn',
  nguoiKy: 'Lê Đức Tuấn',
  chucVuNguoiKy: 'Chủ tịch',
  nguoiThucHien: 'Nguyễn Văn Sơn',
  nksHoTen: 'Phạm Anh Đài',
  nksGioiTinh: '2',
  nksNgaySinh: '27.08.2008',
  nksDanToc: 'Kinh',
  nksQuocTich: 'Việt Nam',
  meHoTen: 'Nguyễn Thị Lan',
  meNgaySinh: '10.10.1981',
  meDanToc: 'Ba Na',
  chaHoTen: "Ksor H'Bia",
  chaNgaySinh: '1979',
};

function check(changes: Record<string, string>, ctx: ValidationContext = {}) {
  return validateEntry(ksTemplate70, { ...valid, ...changes }, { now, ...ctx });
}

const rules = (issues: Issue[]) => issues.map((issue) => `${issue.field}:${issue.rule}`);

describe('validateEntry', () => {
  it('passes a complete, correct entry', () => {
    expect(check({})).toEqual({ errors: [], warnings: [] });
  });

  it('works without a context', () => {
    expect(validateEntry(ksTemplate70, valid).errors).toEqual([]);
  });

  describe('required', () => {
    it('flags each missing required field, ignoring blanks', () => {
      const { errors } = validateEntry(ksTemplate70, { nksHoTen: '   ' }, { now });
      expect(rules(errors).filter((r) => r.endsWith(':required'))).toEqual([
        'so:required',
        'quyenSo:required',
        'ngayDangKy:required',
        'noiDangKy:required',
        'nguoiKy:required',
        'chucVuNguoiKy:required',
        'nguoiThucHien:required',
        'nksHoTen:required',
      ]);
      expect(errors.every((issue) => issue.severity === 'error')).toBe(true);
    });

    it('accepts a partial registration date', () => {
      expect(check({ ngayDangKy: '10.2008' }).errors).toEqual([]);
      expect(check({ ngayDangKy: '2008' }).errors).toEqual([]);
    });

    it('does not ask for optional or generated fields', () => {
      expect(rules(check({ trangSo: '', STT: '' }).errors)).toEqual([]);
    });
  });

  describe('invalidDate', () => {
    it('passes any accepted way of typing a date', () => {
      expect(check({ nksNgaySinh: '27/8/2008', meNgaySinh: '8/1981' }).errors).toEqual([]);
    });

    it('flags a date that does not exist', () => {
      const { errors } = check({ nksNgaySinh: '31.02.2008', ngayDangKy: '12.13.2008' });
      expect(errors).toEqual(
        expect.arrayContaining([
          {
            field: 'nksNgaySinh',
            rule: 'invalidDate',
            severity: 'error',
            params: { value: '31.02.2008' },
          },
          {
            field: 'ngayDangKy',
            rule: 'invalidDate',
            severity: 'error',
            params: { value: '12.13.2008' },
          },
        ]),
      );
    });
  });

  describe('quyenSoFormat', () => {
    it.each(['1/2008', '01/2008', '123/2008'])('passes %j', (quyenSo) => {
      expect(check({ quyenSo }).errors).toEqual([]);
    });

    it.each(['01-2008', '01/08', '1234/2008', 'Quyển 1', '01/2008 '.repeat(2)])(
      'flags %j',
      (quyenSo) => {
        expect(rules(check({ quyenSo }).errors)).toEqual(['quyenSo:quyenSoFormat']);
      },
    );
  });

  describe('unknownCode', () => {
    it('passes codes and names that match, in any spelling', () => {
      const ok = check({
        loaiDangKy: '04',
        nksGioiTinh: 'Nam',
        nksDanToc: 'Khơ Me',
        meQuocTich: 'lao',
      });
      expect(ok.errors).toEqual([]);
    });

    it('flags values outside the list', () => {
      const { errors } = check({ loaiDangKy: '7', nksDanToc: 'Người sao Hỏa', nksGioiTinh: 'X' });
      expect(errors).toEqual([
        { field: 'loaiDangKy', rule: 'unknownCode', severity: 'error', params: { value: '7' } },
        { field: 'nksGioiTinh', rule: 'unknownCode', severity: 'error', params: { value: 'X' } },
        {
          field: 'nksDanToc',
          rule: 'unknownCode',
          severity: 'error',
          params: { value: 'Người sao Hỏa' },
        },
      ]);
    });
  });

  describe('bornAfterRegistered', () => {
    it('passes a birth on or before the registration day, or not comparable', () => {
      expect(check({ nksNgaySinh: '27.10.2008' }).errors).toEqual([]);
      expect(check({ nksNgaySinh: '10.2008', ngayDangKy: '01.10.2008' }).errors).toEqual([]);
      expect(check({ nksNgaySinh: '' }).errors).toEqual([]);
    });

    it('flags a birth after the registration', () => {
      expect(check({ nksNgaySinh: '28.10.2008' }).errors).toEqual([
        { field: 'nksNgaySinh', rule: 'bornAfterRegistered', severity: 'error' },
      ]);
      expect(rules(check({ nksNgaySinh: '11.2008' }).errors)).toEqual([
        'nksNgaySinh:bornAfterRegistered',
      ]);
    });
  });

  describe('soNotNumeric', () => {
    it('passes digits, leading zeros included', () => {
      expect(check({ so: '007' }).errors).toEqual([]);
    });

    it.each(['12a', '01/2018', '1 2', 'mười'])('flags %j', (so) => {
      expect(rules(check({ so }).errors)).toEqual(['so:soNotNumeric']);
    });
  });

  describe('duplicateSo', () => {
    const others = [
      { id: 'a', fields: { so: '11' } },
      { id: 'b', fields: { so: '012' } },
    ];

    it('passes a number no other entry of the book has, and ignores the entry itself', () => {
      expect(check({ so: '13' }, { otherEntries: others }).errors).toEqual([]);
      expect(check({ so: '11' }, { otherEntries: others, selfId: 'a' }).errors).toEqual([]);
    });

    it('flags the same number written with or without leading zeros', () => {
      expect(check({ so: '12' }, { otherEntries: others, selfId: 'c' }).errors).toEqual([
        {
          field: 'so',
          rule: 'duplicateSo',
          severity: 'error',
          params: { otherId: 'b', otherSo: '012' },
        },
      ]);
    });
  });

  describe('unusualNameChars', () => {
    it('passes Vietnamese and minority names with hyphens and apostrophes', () => {
      expect(check({ nksHoTen: 'Y-Moan Ênuôl', meHoTen: "H'Hen Niê" }).warnings).toEqual([]);
    });

    it('warns, without blocking, on digits and symbols in a name', () => {
      const result = check({ nksHoTen: 'Nguyễn Văn A2', nycHoTen: 'Lê (Bà) Ba' });
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([
        {
          field: 'nksHoTen',
          rule: 'unusualNameChars',
          severity: 'warning',
          params: { chars: '2' },
        },
        {
          field: 'nycHoTen',
          rule: 'unusualNameChars',
          severity: 'warning',
          params: { chars: '( )' },
        },
      ]);
    });
  });

  describe('implausibleYear', () => {
    it('passes years from 1900 up to the registration year', () => {
      expect(check({ meNgaySinh: '1900', chaNgaySinh: '2008' }).warnings).toEqual([]);
    });

    it('warns on a typo year and suggests the fix', () => {
      const { warnings } = check({ meNgaySinh: '10.10.5981', chaNgaySinh: '1098' });
      expect(warnings).toEqual([
        {
          field: 'meNgaySinh',
          rule: 'implausibleYear',
          severity: 'warning',
          params: { year: 5981, suggestion: 1981 },
        },
        {
          field: 'chaNgaySinh',
          rule: 'implausibleYear',
          severity: 'warning',
          params: { year: 1098, suggestion: 1998 },
        },
      ]);
    });

    it('measures registration dates against today and leaves out a suggestion it cannot make', () => {
      const { warnings, errors } = check({ ngayDangKy: '27.10.5005', nksNgaySinh: '' });
      expect(warnings).toEqual([
        {
          field: 'ngayDangKy',
          rule: 'implausibleYear',
          severity: 'warning',
          params: { year: 5005, suggestion: 2005 },
        },
      ]);
      expect(errors).toEqual([]);
      expect(check({ meNgaySinh: '8765' }).warnings).toEqual([
        {
          field: 'meNgaySinh',
          rule: 'implausibleYear',
          severity: 'warning',
          params: { year: 8765 },
        },
      ]);
    });

    it('uses the book year when the registration date is missing', () => {
      const { warnings } = check({ ngayDangKy: '', chaNgaySinh: '2009' }, { bookYear: 2008 });
      expect(rules(warnings)).toEqual(['chaNgaySinh:implausibleYear']);
    });
  });

  describe('ageInsteadOfYear', () => {
    it('does not fire on a real birth year', () => {
      expect(rules(check({ meNgaySinh: '1981' }).warnings)).toEqual([]);
    });

    it('warns on a parent age and suggests registration year minus age', () => {
      const { errors, warnings } = check({ meNgaySinh: '27' });
      expect(warnings).toEqual([
        {
          field: 'meNgaySinh',
          rule: 'ageInsteadOfYear',
          severity: 'warning',
          params: { age: 27, suggestion: 1981 },
        },
      ]);
      // The age itself still cannot be exported as a date.
      expect(rules(errors)).toEqual(['meNgaySinh:invalidDate']);
    });

    it('falls back to the book year, or gives no suggestion without any year', () => {
      expect(
        check({ ngayDangKy: '', nksNgaySinh: '', chaNgaySinh: '30' }, { bookYear: 2000 }).warnings,
      ).toEqual([
        {
          field: 'chaNgaySinh',
          rule: 'ageInsteadOfYear',
          severity: 'warning',
          params: { age: 30, suggestion: 1970 },
        },
      ]);
      expect(check({ ngayDangKy: '', chaNgaySinh: '30' }).warnings).toEqual([
        {
          field: 'chaNgaySinh',
          rule: 'ageInsteadOfYear',
          severity: 'warning',
          params: { age: 30 },
        },
      ]);
    });

    it("is not offered for the child's own birth date or for a zero", () => {
      expect(rules(check({ nksNgaySinh: '5' }).warnings)).toEqual([]);
      expect(rules(check({ meNgaySinh: '0' }).warnings)).toEqual([]);
    });
  });

  it('emits only rule ids the renderer can translate', () => {
    const everything = [
      check({ so: 'x', quyenSo: 'x', nksNgaySinh: '2030', loaiDangKy: '9', nksHoTen: 'A1' }),
      check({ meNgaySinh: '25', chaNgaySinh: '31.02.1970', ngayDangKy: '' }),
      check({ so: '11' }, { otherEntries: [{ id: 'z', fields: { so: '11' } }] }),
    ];
    const emitted = new Set(
      everything.flatMap((r) => [...r.errors, ...r.warnings]).map((issue) => issue.rule),
    );
    for (const rule of emitted) expect(ruleIds).toContain(rule);
    expect(emitted.size).toBeGreaterThanOrEqual(8);
  });
});

describe('ruleIds', () => {
  it('lists each rule once', () => {
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
  });
});

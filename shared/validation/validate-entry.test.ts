import { describe, expect, it } from 'vitest';
import { templates } from '../registers';
import { ksTemplate70 } from '../registers/ks';
import { ruleIds } from './types';
import { defaultPdfNaming } from '../bundle/names';
import { validateEntry } from './validate-entry';
import { check, now, rules, valid } from './validate-fixture';

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

    it('accepts a partial registration date once confirmed, saying how its PDF is named', () => {
      expect(check({ ngayDangKy: '10.2008' })).toEqual({
        errors: [],
        warnings: [
          {
            field: 'ngayDangKy',
            rule: 'partialDate',
            severity: 'warning',
            params: { name: '2008-10-00' },
          },
        ],
      });
      expect(
        check({ ngayDangKy: '2008' }, { naming: { ...defaultPdfNaming, partialDate: 'firstDay' } })
          .warnings,
      ).toEqual([
        {
          field: 'ngayDangKy',
          rule: 'partialDate',
          severity: 'warning',
          params: { name: '2008-01-01' },
        },
      ]);
    });

    it('accepts an entry without số once confirmed, saying how its PDF is named', () => {
      const result = check({ so: '' });
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([
        { field: 'so', rule: 'missingSo', severity: 'warning', params: { name: '000' } },
      ]);
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
      // Plausible years, though not plausible parents' ages (parentAgeAtBirth's business).
      const { warnings } = check({ meNgaySinh: '1900', chaNgaySinh: '2008' });
      expect(warnings.filter((issue) => issue.rule === 'implausibleYear')).toEqual([]);
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

  describe('possibleDuplicate (khai sinh)', () => {
    const twin = {
      id: 't',
      fields: { ...valid, so: '13', nksHoTen: 'pham anh dai', nksNgaySinh: '27/8/2008' },
    };

    it('passes when any identifying detail differs', () => {
      const other = { id: 'o', fields: { ...twin.fields, meHoTen: 'Nguyễn Thị Hoa' } };
      expect(check({}, { otherEntries: [other] }).warnings).toEqual([]);
    });

    it('warns once per matching entry, from this book or another, naming its number', () => {
      const elsewhere = { id: 'x', fields: { ...twin.fields, so: '4', quyenSo: '02/2008' } };
      const { errors, warnings } = check(
        {},
        {
          selfId: 'me',
          otherEntries: [twin, { id: 'me', fields: valid }],
          otherBookEntries: [elsewhere, twin],
        },
      );
      expect(errors).toEqual([]);
      expect(warnings).toEqual([
        {
          field: 'nksHoTen',
          rule: 'possibleDuplicate',
          severity: 'warning',
          params: { otherId: 't', otherSo: '13' },
        },
        {
          field: 'nksHoTen',
          rule: 'possibleDuplicate',
          severity: 'warning',
          params: { otherId: 'x', otherSo: '4' },
        },
      ]);
    });

    it('does not compare entries of other books for the unique number', () => {
      const elsewhere = { id: 'x', fields: { so: '12', nksHoTen: 'Người Khác' } };
      expect(check({}, { otherBookEntries: [elsewhere] }).errors).toEqual([]);
    });
  });

  it('flags a birth date in words that says another date than the birth date', () => {
    const words = 'Ngày Hai Mươi Bảy Tháng Tám Năm Hai Nghìn Không Trăm Linh Tám';
    expect(rules(check({ nksNgaySinhBangChu: words }).warnings)).not.toContain(
      'nksNgaySinhBangChu:wordsDisagree',
    );
    // The date was corrected after the words were made from it.
    const stale = check({ nksNgaySinhBangChu: words, nksNgaySinh: '28.08.2008' });
    expect(stale.warnings).toContainEqual({
      field: 'nksNgaySinhBangChu',
      rule: 'wordsDisagree',
      severity: 'warning',
      params: { expected: 'Ngày Hai Mươi Tám Tháng Tám Năm Hai Nghìn Không Trăm Linh Tám' },
    });
    // Empty words, or a date that cannot be read, leave nothing to compare.
    expect(rules(check({ nksNgaySinhBangChu: '' }).warnings)).not.toContain(
      'nksNgaySinhBangChu:wordsDisagree',
    );
    expect(
      rules(check({ nksNgaySinhBangChu: words, nksNgaySinh: '32.13.2008' }).warnings),
    ).not.toContain('nksNgaySinhBangChu:wordsDisagree');
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

  it('covers every rule the templates name in their checks', () => {
    for (const template of templates) {
      const named = [
        ...(template.checks?.dateOrder ?? []).map((check) => check.rule),
        ...(template.checks?.minAge ?? []).map((check) => check.rule),
      ];
      for (const rule of named) expect(ruleIds, `${template.version}: ${rule}`).toContain(rule);
      expect(() => validateEntry(template, {}, { now })).not.toThrow();
    }
  });
});

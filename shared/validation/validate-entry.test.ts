import { describe, expect, it } from 'vitest';
import { getTemplate, templates } from '../registers';
import { ksTemplate70 } from '../registers/ks';
import type { FieldDef, FieldKind, RegisterTemplate, TemplateChecks } from '../registers/types';
import type { Issue } from './types';
import { ruleIds } from './types';
import { defaultPdfNaming } from '../bundle/names';
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

  describe('số as written', () => {
    it.each(['007', '12a', '01/2018'])('passes %j, which has a number part', (so) => {
      expect(check({ so })).toEqual({ errors: [], warnings: [] });
    });

    it.each(['mười', 'a12', '-6'])('flags %j, which has no number to name its PDF by', (so) => {
      expect(rules(check({ so }).errors)).toEqual(['so:soNotNumeric']);
    });

    it('warns on a number over 999, which the vendor tool does not take', () => {
      expect(rules(check({ so: '1000' }).warnings)).toEqual(['so:soOver999']);
      expect(check({ so: '999' }).warnings).toEqual([]);
    });
  });

  describe('numberingGap', () => {
    it('warns on the entry after skipped numbers, naming them', () => {
      expect(check({ so: '12' }, { bookNumbers: [8, 9, 12, 13] }).warnings).toEqual([
        {
          field: 'so',
          rule: 'numberingGap',
          severity: 'warning',
          params: { from: 10, to: 11 },
          subject: '10-11',
        },
      ]);
    });

    it('passes the first number, and a run restarted as a multi-year book does', () => {
      expect(check({ so: '4' }, { bookNumbers: [4, 5] }).warnings).toEqual([]);
      expect(check({ so: '2' }, { bookNumbers: [1, 2, 3, 1, 2] }).warnings).toEqual([]);
    });
  });

  describe('numberNotDigits', () => {
    it('warns on letters in a free-form identity paper number, not in a passport', () => {
      expect(
        rules(check({ meLoaiGiayToTuyThan: '8', meSoGiayToTuyThan: 'GT-12' }).warnings),
      ).toEqual(['meSoGiayToTuyThan:numberNotDigits']);
      expect(check({ meLoaiGiayToTuyThan: '2', meSoGiayToTuyThan: 'B1234567' }).warnings).toEqual(
        [],
      );
    });

    it('warns on a death notice number that is not digits', () => {
      const death = validateEntry(getTemplate('kt-48'), { gbtSo: '12/GBT' }, { now });
      expect(rules(death.warnings)).toContain('gbtSo:numberNotDigits');
    });
  });

  describe('duplicateSo', () => {
    const others = [
      { id: 'a', fields: { so: '11', ngayDangKy: '27.10.2008' } },
      { id: 'b', fields: { so: '012', ngayDangKy: '27.10.2008' } },
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
      expect(rules(check({ so: '12/2008' }, { otherEntries: others }).errors)).toEqual([
        'so:duplicateSo',
      ]);
    });

    it('keeps 12 and 12a apart, as their PDF names are', () => {
      expect(check({ so: '12a' }, { otherEntries: others })).toEqual({ errors: [], warnings: [] });
    });

    it('flags two entries without số on the same date, whose PDF names would be the same', () => {
      const torn = [{ id: 't', fields: { so: '', ngayDangKy: '27.10.2008' } }];
      expect(rules(check({ so: '' }, { otherEntries: torn }).errors)).toEqual(['so:duplicateSo']);
      const later = [{ id: 't', fields: { so: '', ngayDangKy: '28.10.2008' } }];
      expect(check({ so: '' }, { otherEntries: later }).errors).toEqual([]);
    });

    it('flags partial dates named alike, by the book convention', () => {
      const yearOnly = [{ id: 'y', fields: { so: '12', ngayDangKy: '2008' } }];
      const firstDay = { ...defaultPdfNaming, partialDate: 'firstDay' as const };
      expect(check({ so: '12' }, { otherEntries: yearOnly }).errors).toEqual([]);
      expect(
        rules(
          check(
            { so: '12', ngayDangKy: '01.01.2008', nksNgaySinh: '27.08.2007' },
            { otherEntries: yearOnly, naming: firstDay },
          ).errors,
        ),
      ).toEqual(['so:duplicateSo']);
    });
  });

  describe('soRepeated', () => {
    it('warns once per other entry when the number restarts on another date', () => {
      const others = [
        { id: 'a', fields: { so: '12', ngayDangKy: '03.02.2010' } },
        { id: 'b', fields: { so: '012', ngayDangKy: '04.05.2012' } },
      ];
      const result = check({ so: '12' }, { otherEntries: others, selfId: 'c' });
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([
        {
          field: 'so',
          rule: 'soRepeated',
          severity: 'warning',
          params: { otherId: 'a', otherSo: '12', otherDate: '03.02.2010' },
          subject: 'a',
        },
        {
          field: 'so',
          rule: 'soRepeated',
          severity: 'warning',
          params: { otherId: 'b', otherSo: '012', otherDate: '04.05.2012' },
          subject: 'b',
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

/** A small template of our own, so these tests do not wait for the real ones. */
function field(key: string, kind: FieldKind, extra: Partial<FieldDef> = {}): FieldDef {
  return { key, header: key, label: key, group: 'khac', kind, ...extra };
}

function templateWith(checks: TemplateChecks | undefined, fields: FieldDef[]): RegisterTemplate {
  return {
    type: 'KT',
    version: 'test-1',
    name: 'Thử',
    sheetName: 'DL Import',
    notesSheetName: 'Ghi chu',
    fields: [field('so', 'number'), field('ngayDangKy', 'date'), ...fields],
    mainNameField: 'nguoiHoTen',
    importable: false,
    ...(checks ? { checks } : {}),
  };
}

const keysOf = (issues: Issue[]) => issues.map((issue) => `${issue.field}:${issue.rule}`);

describe('cross-field checks from template data', () => {
  describe('dateOrder (khai tử)', () => {
    const kt = templateWith(
      {
        dateOrder: [
          { earlier: 'nguoiNgaySinh', later: 'nguoiNgayChet', rule: 'diedBeforeBorn' },
          { earlier: 'nguoiNgayChet', later: 'ngayDangKy', rule: 'diedAfterRegistered' },
        ],
      },
      [
        field('nguoiHoTen', 'personName'),
        field('nguoiNgaySinh', 'date'),
        field('nguoiNgayChet', 'date'),
      ],
    );
    const death = (fields: Record<string, string>) =>
      validateEntry(kt, { so: '1', ...fields }, { now });

    it('passes dates in order, equal dates, and dates that cannot be compared', () => {
      const ok = {
        nguoiNgaySinh: '01.02.1930',
        nguoiNgayChet: '03.04.2005',
        ngayDangKy: '05.04.2005',
      };
      expect(death(ok)).toEqual({ errors: [], warnings: [] });
      expect(death({ ...ok, nguoiNgayChet: '05.04.2005' }).errors).toEqual([]);
      // 04.2005 and 03.04.2005 agree on the month both have.
      expect(death({ ...ok, ngayDangKy: '04.2005' }).errors).toEqual([]);
      expect(death({ ...ok, nguoiNgaySinh: '' }).errors).toEqual([]);
      expect(keysOf(death({ ...ok, nguoiNgaySinh: '31.02.1930' }).errors)).toEqual([
        'nguoiNgaySinh:invalidDate',
      ]);
    });

    it('flags each pair out of order on its earlier field, with the rule the data names', () => {
      expect(
        death({ nguoiNgaySinh: '01.02.2006', nguoiNgayChet: '03.04.2005', ngayDangKy: '2005' })
          .errors,
      ).toEqual([{ field: 'nguoiNgaySinh', rule: 'diedBeforeBorn', severity: 'error' }]);
      expect(
        keysOf(
          death({ nguoiNgaySinh: '1930', nguoiNgayChet: '06.2005', ngayDangKy: '05.04.2005' })
            .errors,
        ),
      ).toEqual(['nguoiNgayChet:diedAfterRegistered']);
    });
  });

  describe('dateOrder (parent and child)', () => {
    const cmc = templateWith(
      {
        dateOrder: [
          { earlier: 'chaNgaySinh', later: 'conNgaySinh', rule: 'parentYoungerThanChild' },
        ],
      },
      [
        field('nguoiHoTen', 'personName'),
        field('chaNgaySinh', 'date'),
        field('conNgaySinh', 'date'),
      ],
    );

    it('passes a parent born first and flags one born after the child', () => {
      expect(
        validateEntry(cmc, { chaNgaySinh: '1970', conNgaySinh: '1995' }, { now }).errors,
      ).toEqual([]);
      expect(
        keysOf(validateEntry(cmc, { chaNgaySinh: '1996', conNgaySinh: '12.1995' }, { now }).errors),
      ).toEqual(['chaNgaySinh:parentYoungerThanChild']);
    });
  });

  it('keeps the born-before-registered rule for templates without checks', () => {
    const old = templateWith(undefined, [
      field('nguoiHoTen', 'personName'),
      field('nguoiNgaySinh', 'date'),
    ]);
    expect(
      validateEntry(old, { nguoiNgaySinh: '2008', ngayDangKy: '2008' }, { now }).errors,
    ).toEqual([]);
    expect(
      keysOf(validateEntry(old, { nguoiNgaySinh: '2009', ngayDangKy: '2008' }, { now }).errors),
    ).toEqual(['nguoiNgaySinh:bornAfterRegistered']);
    // A template with checks but no date order has none.
    const none = templateWith({}, old.fields.slice(2));
    expect(
      validateEntry(none, { nguoiNgaySinh: '2009', ngayDangKy: '2008' }, { now }).errors,
    ).toEqual([]);
  });

  it('refuses template data that names a rule it cannot word', () => {
    const bad = templateWith(
      { dateOrder: [{ earlier: 'nguoiNgaySinh', later: 'ngayDangKy', rule: 'noSuchRule' }] },
      [field('nguoiNgaySinh', 'date')],
    );
    // Even for an entry that keeps the rule: the data is wrong whatever the entry says.
    expect(() => validateEntry(bad, {}, { now })).toThrow(/unknown rule "noSuchRule"/u);
    const badAge = templateWith(
      { minAge: [{ birth: 'nguoiNgaySinh', at: 'ngayDangKy', years: 18, rule: 'tooYoung' }] },
      [field('nguoiNgaySinh', 'date')],
    );
    expect(() => validateEntry(badAge, {}, { now })).toThrow(/unknown rule "tooYoung"/u);
  });

  describe('underMarriageAge (kết hôn)', () => {
    const kh = templateWith(
      {
        minAge: [
          { birth: 'voNgaySinh', at: 'ngayDangKy', years: 18, rule: 'underMarriageAge' },
          { birth: 'chongNgaySinh', at: 'ngayDangKy', years: 20, rule: 'underMarriageAge' },
        ],
      },
      [
        field('nguoiHoTen', 'personName'),
        field('voNgaySinh', 'date'),
        field('chongNgaySinh', 'date'),
      ],
    );
    const marry = (fields: Record<string, string>) =>
      validateEntry(kh, { so: '1', ...fields }, { now });

    it('passes spouses of age, on the very birthday, or when partial dates cannot tell', () => {
      expect(
        marry({ ngayDangKy: '10.06.2000', voNgaySinh: '10.06.1982', chongNgaySinh: '09.06.1980' }),
      ).toEqual({ errors: [], warnings: [] });
      // Born in 1982, married in 2000: 17 or 18, so no warning.
      expect(marry({ ngayDangKy: '10.06.2000', voNgaySinh: '1982' }).warnings).toEqual([]);
      expect(keysOf(marry({ ngayDangKy: '06.2000', voNgaySinh: '15.06.1982' }).warnings)).toEqual([
        'ngayDangKy:partialDate',
      ]);
      expect(marry({ ngayDangKy: '', voNgaySinh: '1990' }).warnings).toEqual([]);
      // A birth after the wedding is a date-order problem, not an age.
      expect(keysOf(marry({ ngayDangKy: '2000', voNgaySinh: '2001' }).warnings)).toEqual([
        'voNgaySinh:implausibleYear',
        'ngayDangKy:partialDate',
      ]);
    });

    it('warns, without blocking, with the legal and the real age', () => {
      const { errors, warnings } = marry({
        ngayDangKy: '10.06.1975',
        voNgaySinh: '11.06.1958',
        chongNgaySinh: '1957',
      });
      expect(errors).toEqual([]);
      expect(warnings).toEqual([
        {
          field: 'voNgaySinh',
          rule: 'underMarriageAge',
          severity: 'warning',
          params: { years: 18, age: 16 },
        },
        {
          field: 'chongNgaySinh',
          rule: 'underMarriageAge',
          severity: 'warning',
          params: { years: 20, age: 18 },
        },
      ]);
    });
  });

  describe('idNumberFormat and personalIdFormat', () => {
    const ids = templateWith(
      {
        idDocuments: [{ typeField: 'nguoiLoaiGiayTo', numberField: 'nguoiSoGiayTo' }],
        personalIds: ['nguoiSoDinhDanh'],
      },
      [
        field('nguoiHoTen', 'personName'),
        field('nguoiLoaiGiayTo', 'code', { codeListId: 'loaiGiayTo' }),
        field('nguoiSoGiayTo', 'idNumber'),
        field('nguoiSoDinhDanh', 'idNumber'),
      ],
    );
    const doc = (type: string, number: string) =>
      validateEntry(ids, { nguoiLoaiGiayTo: type, nguoiSoGiayTo: number }, { now }).errors;

    it.each([
      ['1', '123456789'],
      ['1', '001234567890'],
      ['CMND', '123456789'],
      ['4', '001090123456'],
      ['2', 'B1234567'],
      ['2', 'c1234567'],
      ['2', 'X12345678'],
      ['5', '123456'],
      ['6', '123456789012'],
      ['7', '0012345'],
      ['3', 'TT-12/ABC'],
      ['8', 'Giấy xác nhận số 5'],
      ['', '12345'],
      ['1', ''],
    ])('passes type %j with number %j', (type, number) => {
      expect(doc(type, number)).toEqual([]);
    });

    it.each([
      ['1', '12345678', 'Giấy CMND'],
      ['1', '1234567890', 'Giấy CMND'],
      ['1', '12345678a', 'Giấy CMND'],
      ['4', '123456789', 'Thẻ căn cước công dân'],
      ['04', '0010 9012 3456', 'Thẻ căn cước công dân'],
      ['2', 'B123456', 'Hộ chiếu'],
      ['2', 'B-1234567', 'Hộ chiếu'],
      ['5', '12345', 'Giấy chứng minh quân đội nhân dân'],
      ['7', '1234567890123', 'Giấy chứng minh công an nhân dân'],
    ])('flags type %j with number %j', (type, number, label) => {
      expect(doc(type, number)).toEqual([
        {
          field: 'nguoiSoGiayTo',
          rule: 'idNumberFormat',
          severity: 'error',
          params: { type: label, code: String(Number(type)) },
        },
      ]);
    });

    it('leaves an unknown type to the code-list check', () => {
      expect(keysOf(doc('9', '1'))).toEqual(['nguoiLoaiGiayTo:unknownCode']);
    });

    it('wants twelve digits in a personal identification number', () => {
      const personal = (value: string) =>
        validateEntry(ids, { nguoiSoDinhDanh: value }, { now }).errors;
      expect(personal('001090123456')).toEqual([]);
      expect(personal('')).toEqual([]);
      for (const bad of ['00109012345', '0010901234567', '00109012345a']) {
        expect(personal(bad)).toEqual([
          { field: 'nguoiSoDinhDanh', rule: 'personalIdFormat', severity: 'error' },
        ]);
      }
    });
  });
});

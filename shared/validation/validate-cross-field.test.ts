// Cross-field checks driven by template data (date order, marriage age, document-number
// formats), on small templates of the test's own so the real templates can change freely.
import { describe, expect, it } from 'vitest';
import type { FieldDef, FieldKind, RegisterTemplate, TemplateChecks } from '../registers/types';
import type { Issue } from './types';
import { validateEntry } from './validate-entry';

const now = new Date(2026, 0, 15);
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

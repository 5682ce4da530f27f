// Plausibility rules on the real templates: what a book can say but is worth a second look
// (a warning with a reason), and what it cannot (an error).
import { describe, expect, it } from 'vitest';
import { entryToRow, headerRow } from '../bundle/rows';
import { normalizeFieldValue } from '../registers/field-value';
import { cmcTemplate } from '../registers/cmc';
import { khTemplate } from '../registers/kh';
import { ksTemplate60, ksTemplate70 } from '../registers/ks';
import { ktTemplate } from '../registers/kt';
import type { RegisterTemplate } from '../registers/types';
import { parseDateInput, type PartialDate } from '../text/dates';
import { marriageLawOn, marriageLaws, underMarriageAge } from './marriage-law';
import type { Issue } from './types';
import { validateEntry, type ValidationContext } from './validate-entry';

const now = new Date(2026, 0, 15);
const keys = (issues: Issue[]) => issues.map((issue) => `${issue.field}:${issue.rule}`);
const only = (issues: Issue[], rule: Issue['rule']) => issues.filter((i) => i.rule === rule);
/** Errors other than fields left empty (these entries type only what the rule reads). */
const errorKeys = (issues: Issue[]) => keys(issues.filter((i) => i.rule !== 'required'));

function validate(
  template: RegisterTemplate,
  fields: Record<string, string>,
  ctx: ValidationContext = {},
) {
  return validateEntry(template, fields, { now, ...ctx });
}

const birth = {
  so: '12',
  quyenSo: '01/2008',
  ngayDangKy: '27.10.2008',
  nksHoTen: 'Phạm Anh Đài',
  nksNgaySinh: '27.08.2008',
};

describe('parentAgeAtBirth (khai sinh, nhận cha mẹ con)', () => {
  const ks = (fields: Record<string, string>) =>
    validate(ksTemplate70, { ...birth, ...fields }).warnings;

  it('warns on a mother aged 10 or 88 at the birth, with her age and the usual range', () => {
    expect(only(ks({ meNgaySinh: '01.03.1998' }), 'parentAgeAtBirth')).toEqual([
      {
        field: 'meNgaySinh',
        rule: 'parentAgeAtBirth',
        severity: 'warning',
        params: { age: 10, min: 13, max: 60 },
      },
    ]);
    expect(only(ks({ meNgaySinh: '1920' }), 'parentAgeAtBirth')).toEqual([
      {
        field: 'meNgaySinh',
        rule: 'parentAgeAtBirth',
        severity: 'warning',
        params: { age: 87, min: 13, max: 60 },
      },
    ]);
    expect(keys(ks({ meNgaySinh: '28.08.1919' }))).toEqual(['meNgaySinh:parentAgeAtBirth']);
  });

  it('warns on the father too, and in the older 60-column layout', () => {
    expect(keys(ks({ chaNgaySinh: '1940' }))).toEqual(['chaNgaySinh:parentAgeAtBirth']);
    expect(
      keys(validate(ksTemplate60, { ...birth, meNgaySinh: '2000' }).warnings).filter((k) =>
        k.endsWith('parentAgeAtBirth'),
      ),
    ).toEqual(['meNgaySinh:parentAgeAtBirth']);
  });

  it('passes ages 13 to 60, and partial dates that allow an age inside', () => {
    expect(ks({ meNgaySinh: '27.08.1995', chaNgaySinh: '27.08.1948' })).toEqual([]);
    // Born in 1995: 12 or 13 at a birth in August 2008, so no warning.
    expect(ks({ meNgaySinh: '1995' })).toEqual([]);
    // Born in 1947: 60 or 61.
    expect(ks({ chaNgaySinh: '1947' })).toEqual([]);
    expect(ks({ meNgaySinh: '', nksNgaySinh: '' })).toEqual([]);
  });

  it('calls a parent born after the child an error to fix, not an age', () => {
    const result = validate(ksTemplate70, { ...birth, meNgaySinh: '2009' });
    expect(errorKeys(result.errors)).toEqual(['meNgaySinh:parentYoungerThanChild']);
    expect(only(result.warnings, 'parentAgeAtBirth')).toEqual([]);
  });

  it('measures the parent of a recognised child at the child’s birth', () => {
    const cmc = validate(cmcTemplate, {
      so: '1',
      ngayDangKy: '05.05.2010',
      cmHoTen: 'Lê Văn Tám',
      cmNgaySinh: '1925',
      ncNgaySinh: '1990',
    });
    expect(only(cmc.warnings, 'parentAgeAtBirth')).toEqual([
      {
        field: 'cmNgaySinh',
        rule: 'parentAgeAtBirth',
        severity: 'warning',
        params: { age: 64, min: 13, max: 60 },
      },
    ]);
  });
});

describe('registeredBeforeBook', () => {
  const registered = (ngayDangKy: string, ctx: ValidationContext = { bookYear: 2008 }) =>
    validate(ksTemplate70, { ...birth, nksNgaySinh: '', ngayDangKy }, ctx).warnings;

  it('warns on a registration dated before the year the book was opened', () => {
    expect(registered('31.12.2007')).toEqual([
      {
        field: 'ngayDangKy',
        rule: 'registeredBeforeBook',
        severity: 'warning',
        params: { year: 2007, bookYear: 2008 },
      },
    ]);
    expect(keys(registered('2006'))).toEqual([
      'ngayDangKy:partialDate',
      'ngayDangKy:registeredBeforeBook',
    ]);
  });

  it('passes the book’s year and the later years a multi-year book runs on into', () => {
    expect(registered('01.01.2008')).toEqual([]);
    expect(registered('14.02.2024')).toEqual([]);
    // No book in view (a template check on its own): nothing to compare with.
    expect(registered('31.12.2007', {})).toEqual([]);
  });
});

describe('diedBeforeBorn (khai tử)', () => {
  it('refuses a death dated before the birth until one of them is fixed', () => {
    const death = (nktNgaySinh: string, nktNgayChet: string) =>
      validate(ktTemplate, {
        so: '3',
        ngayDangKy: '10.05.2005',
        nktHoTen: 'Trần Văn Ba',
        nktNgaySinh,
        nktNgayChet,
      });
    expect(errorKeys(death('02.03.2005', '01.03.2005').errors)).toEqual([
      'nktNgaySinh:diedBeforeBorn',
    ]);
    expect(errorKeys(death('1930', '01.03.2005').errors)).toEqual([]);
  });
});

describe('marriage age by the law of the registration date', () => {
  const date = (text: string): PartialDate => {
    const parsed = parseDateInput(text);
    if (!parsed) throw new Error(text);
    return parsed;
  };
  const marry = (ngayDangKy: string, chongNgaySinh: string, voNgaySinh = '') =>
    validate(khTemplate, {
      so: '1',
      ngayDangKy,
      chongHoTen: 'Nguyễn Văn Nam',
      voHoTen: 'Lê Thị Nữ',
      chongNgaySinh,
      voNgaySinh,
    }).warnings;

  it('keeps the laws as data, oldest first, with the ages each sets', () => {
    expect(
      marriageLaws.map(({ law, male, female, counting }) => [law, male, female, counting]),
    ).toEqual([
      ['1959', 20, 18, 'completed'],
      ['1986', 20, 18, 'completed'],
      ['2000', 20, 18, 'entered'],
      ['2014', 20, 18, 'completed'],
    ]);
    expect(marriageLawOn(date('31.12.2014'))?.law).toBe('2000');
    expect(marriageLawOn(date('01.01.2015'))?.law).toBe('2014');
    expect(marriageLawOn(date('2015'))?.law).toBe('2014');
    expect(marriageLawOn(date('02.01.1987'))?.law).toBe('1959');
    expect(marriageLawOn(date('1955'))).toBeUndefined();
  });

  it('lets a husband in his twentieth year marry under the 2000 law, not under the 2014 law', () => {
    // 19 years and a few months old on both dates.
    expect(marry('31.12.2014', '01.06.1995')).toEqual([]);
    expect(marry('01.01.2015', '01.06.1995')).toEqual([
      {
        field: 'chongNgaySinh',
        rule: 'underMarriageAge',
        severity: 'warning',
        params: { law: '2014', years: 20, age: 19 },
      },
    ]);
  });

  it('warns on a wife of 16 under the 2000 law and of 17 under the 2014 law', () => {
    expect(only(marry('10.06.2005', '1980', '11.06.1988'), 'underMarriageAge')).toEqual([
      {
        field: 'voNgaySinh',
        rule: 'underMarriageAge',
        severity: 'warning',
        params: { law: '2000', years: 18, age: 16 },
      },
    ]);
    expect(marry('10.06.2005', '1980', '11.06.1987')).toEqual([]);
    expect(keys(marry('10.06.2016', '1980', '11.06.1998'))).toEqual([
      'voNgaySinh:underMarriageAge',
    ]);
  });

  it('counts the birthday strictly under the older laws and checks nothing before them', () => {
    expect(keys(marry('10.06.1995', '01.01.1976'))).toEqual(['chongNgaySinh:underMarriageAge']);
    expect(marry('10.06.1995', '10.06.1975')).toEqual([]);
    expect(marry('10.06.1958', '1941')).toEqual([]);
  });

  it('warns only when every reading of a partial date is under age', () => {
    // Born in 1996, married in 2015: 18 or 19, both under 20 from 2015.
    expect(underMarriageAge(date('1996'), date('05.2015'), 'male')).toEqual({
      law: '2014',
      years: 20,
      age: 19,
    });
    // Born in 1995: 19 or 20.
    expect(underMarriageAge(date('1995'), date('05.2015'), 'male')).toBeNull();
    // A birth after the wedding is a date-order error, not an age.
    expect(underMarriageAge(date('2016'), date('2015'), 'female')).toBeNull();
  });
});

describe('relations worded by the code list', () => {
  const relation = (template: RegisterTemplate, key: string) => {
    const field = template.fields.find((f) => f.key === key);
    if (!field) throw new Error(key);
    return field;
  };

  it('writes a usual relation the list’s way when the officer leaves the field', () => {
    const nycQuanHe = relation(ksTemplate70, 'nycQuanHe');
    expect(normalizeFieldValue(nycQuanHe, 'cha')).toBe('Cha');
    expect(normalizeFieldValue(nycQuanHe, ' mẹ ')).toBe('Mẹ');
    expect(normalizeFieldValue(nycQuanHe, 'bố')).toBe('Cha');
    expect(normalizeFieldValue(nycQuanHe, 'ÔNG NỘI')).toBe('Ông nội');
    expect(normalizeFieldValue(nycQuanHe, 'ba ngoai')).toBe('Bà ngoại');
    // Not a usual relation: kept as typed, only its spacing tidied.
    expect(normalizeFieldValue(nycQuanHe, 'cô  ruột')).toBe('cô ruột');
  });

  it('words every relation column of every register that has one', () => {
    for (const [template, key] of [
      [ksTemplate70, 'nycQuanHe'],
      [ktTemplate, 'nycQuanHe'],
      [cmcTemplate, 'nycQHNguoiDuocNhan'],
      [cmcTemplate, 'nycQHNguoiNhan'],
    ] as const) {
      expect(normalizeFieldValue(relation(template, key), 'me'), key).toBe('Mẹ');
    }
  });

  it('asks for a look at a relation the list does not know, and none for a known one', () => {
    const ks = (nycQuanHe: string) =>
      validate(ksTemplate70, { ...birth, nycHoTen: 'Phạm Văn Hùng', nycQuanHe }).warnings;
    expect(ks('cha')).toEqual([]);
    expect(ks('Cô ruột')).toEqual([
      {
        field: 'nycQuanHe',
        rule: 'unknownRelation',
        severity: 'warning',
        params: { value: 'Cô ruột' },
      },
    ]);
  });

  it('exports an entry stored before wording as the list words it', () => {
    const row = entryToRow(ksTemplate70, { ...birth, nycQuanHe: 'cha' }, 1);
    expect(row[headerRow(ksTemplate70).indexOf('nycQuanHe')]).toBe('Cha');
    const kept = entryToRow(ksTemplate70, { ...birth, nycQuanHe: 'Cô ruột' }, 1);
    expect(kept[headerRow(ksTemplate70).indexOf('nycQuanHe')]).toBe('Cô ruột');
  });
});

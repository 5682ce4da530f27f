// Register numbers as the book writes them: number parts, gaps, digits, repeats on the same
// and on another date.
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../registers';
import { defaultPdfNaming } from '../bundle/names';
import { validateEntry } from './validate-entry';
import { check, now, rules } from './validate-fixture';

describe('validateEntry: register numbers', () => {
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
});

import { describe, expect, it } from 'vitest';
import type { PartialDate } from './dates';
import {
  ageBounds,
  ageToBirthYear,
  compareDates,
  dateInWords,
  dateWordsAgree,
  formatDate,
  isFullDate,
  isPlausibleYear,
  normalizeDateInput,
  parseDateInput,
  suggestYearFix,
  toIsoDate,
} from './dates';

// A fixed "today" makes the two-digit-year pivot testable: 26 and below mean 20xx.
const now = new Date(2026, 5, 1);

describe('parseDateInput', () => {
  const cases: [string, PartialDate | null][] = [
    // full dates, every accepted way of typing them
    ['27.08.2008', { year: 2008, month: 8, day: 27 }],
    ['27082008', { year: 2008, month: 8, day: 27 }],
    ['27/8/2008', { year: 2008, month: 8, day: 27 }],
    ['27/08/2008', { year: 2008, month: 8, day: 27 }],
    ['27-08-2008', { year: 2008, month: 8, day: 27 }],
    ['27 08 2008', { year: 2008, month: 8, day: 27 }],
    ['7.8.2008', { year: 2008, month: 8, day: 7 }],
    ['  27.08.2008  ', { year: 2008, month: 8, day: 27 }],
    ['27.08.2008.', { year: 2008, month: 8, day: 27 }],
    ['2008-08-27', { year: 2008, month: 8, day: 27 }],
    ['2008/8/7', { year: 2008, month: 8, day: 7 }],
    ['01.01.1990', { year: 1990, month: 1, day: 1 }],
    ['31.12.1999', { year: 1999, month: 12, day: 31 }],
    // two-digit years around the pivot
    ['27-08-08', { year: 2008, month: 8, day: 27 }],
    ['27/8/26', { year: 2026, month: 8, day: 27 }],
    ['27/8/27', { year: 1927, month: 8, day: 27 }],
    ['01.01.90', { year: 1990, month: 1, day: 1 }],
    ['1.1.00', { year: 2000, month: 1, day: 1 }],
    ['270808', { year: 2008, month: 8, day: 27 }],
    ['010190', { year: 1990, month: 1, day: 1 }],
    // month and year
    ['8/2008', { year: 2008, month: 8 }],
    ['08.2008', { year: 2008, month: 8 }],
    ['08-2008', { year: 2008, month: 8 }],
    ['12/1975', { year: 1975, month: 12 }],
    ['2008-08', { year: 2008, month: 8 }],
    ['082008', { year: 2008, month: 8 }],
    ['121975', { year: 1975, month: 12 }],
    // year only
    ['2008', { year: 2008 }],
    ['1956', { year: 1956 }],
    ['5005', { year: 5005 }],
    // leap years
    ['29.02.2008', { year: 2008, month: 2, day: 29 }],
    ['29.02.2000', { year: 2000, month: 2, day: 29 }],
    ['29.02.1900', null],
    ['29.02.2009', null],
    // impossible calendar values
    ['31.02.2008', null],
    ['31.04.2008', null],
    ['31.06.2008', null],
    ['31.09.2008', null],
    ['31.11.2008', null],
    ['00.08.2008', null],
    ['32.01.2008', null],
    ['27.13.2008', null],
    ['27.00.2008', null],
    ['13/2008', null],
    ['00.2008', null],
    // not dates at all
    ['', null],
    ['   ', null],
    ['abc', null],
    ['27.08.2008a', null],
    ['ngày 27 tháng 8', null],
    // a sign or separator before the date: a minus or a lost digit, never dropped silently
    ['-1.01.2008', null],
    ['-2008', null],
    ['.27.08.2008', null],
    ['/8/2008', null],
    ['27.08', null],
    ['12/10', null],
    ['27.08.208', null],
    ['27.08.20088', null],
    ['1.2.3.4', null],
    ['0995', null],
    ['35', null],
    ['200', null],
    ['2782008', null],
    ['270.8.2008', null],
    ['27.008.2008', null],
    ['2008-8-277', null],
  ];

  it.each(cases)('%j → %j', (input, expected) => {
    expect(parseDateInput(input, now)).toEqual(expected);
  });

  it('uses the current year for the pivot when none is given', () => {
    expect(parseDateInput('01.01.99')).toEqual({ year: 1999, month: 1, day: 1 });
  });
});

describe('formatDate and normalizeDateInput', () => {
  it('writes dd.mm.yyyy, mm.yyyy or yyyy', () => {
    expect(formatDate({ year: 2008, month: 8, day: 7 })).toBe('07.08.2008');
    expect(formatDate({ year: 2008, month: 8 })).toBe('08.2008');
    expect(formatDate({ year: 2008 })).toBe('2008');
  });

  it('normalises what was typed, or returns null', () => {
    expect(normalizeDateInput('27/8/2008')).toBe('27.08.2008');
    expect(normalizeDateInput('8/2008')).toBe('08.2008');
    expect(normalizeDateInput('27-08-08', now)).toBe('27.08.2008');
    expect(normalizeDateInput('31.02.2008')).toBeNull();
  });

  it('round-trips every day from 1900 to 2030 through format and parse', () => {
    let checked = 0;
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2030, 11, 31); t += 86_400_000 * 3) {
      const d = new Date(t);
      const date = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
      const text = formatDate(date);
      expect(parseDateInput(text, now)).toEqual(date);
      // The typed-without-separators form reads back the same.
      expect(parseDateInput(text.replaceAll('.', ''), now)).toEqual(date);
      checked += 1;
    }
    for (let year = 1900; year <= 2030; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        expect(parseDateInput(formatDate({ year, month }), now)).toEqual({ year, month });
      }
      expect(parseDateInput(formatDate({ year }), now)).toEqual({ year });
    }
    expect(checked).toBeGreaterThan(15_000);
  });
});

describe('isFullDate and toIsoDate', () => {
  it('gives yyyy-mm-dd only for a full date', () => {
    expect(isFullDate({ year: 2008, month: 1, day: 15 })).toBe(true);
    expect(isFullDate({ year: 2008, month: 1 })).toBe(false);
    expect(toIsoDate({ year: 2008, month: 1, day: 15 })).toBe('2008-01-15');
    expect(toIsoDate({ year: 2008, month: 1 })).toBeNull();
    expect(toIsoDate({ year: 2008 })).toBeNull();
  });
});

describe('compareDates', () => {
  it('orders full dates', () => {
    expect(
      compareDates({ year: 2008, month: 8, day: 27 }, { year: 2008, month: 10, day: 1 }),
    ).toBeLessThan(0);
    expect(
      compareDates({ year: 2009, month: 1, day: 1 }, { year: 2008, month: 12, day: 31 }),
    ).toBeGreaterThan(0);
    expect(
      compareDates({ year: 2008, month: 8, day: 28 }, { year: 2008, month: 8, day: 27 }),
    ).toBeGreaterThan(0);
    expect(compareDates({ year: 2008, month: 8, day: 27 }, { year: 2008, month: 8, day: 27 })).toBe(
      0,
    );
  });

  it('compares only the precision both dates have', () => {
    expect(compareDates({ year: 2008 }, { year: 2008, month: 8, day: 27 })).toBe(0);
    expect(compareDates({ year: 2008, month: 8 }, { year: 2008, month: 8, day: 27 })).toBe(0);
    expect(
      compareDates({ year: 2008, month: 9 }, { year: 2008, month: 8, day: 27 }),
    ).toBeGreaterThan(0);
    expect(compareDates({ year: 2007 }, { year: 2008, month: 1 })).toBeLessThan(0);
  });
});

describe('dateInWords', () => {
  it.each([
    [
      { year: 2008, month: 8, day: 27 },
      'Ngày Hai Mươi Bảy Tháng Tám Năm Hai Nghìn Không Trăm Linh Tám',
    ],
    [
      { year: 2008, month: 7, day: 16 },
      'Ngày Mười Sáu Tháng Bảy Năm Hai Nghìn Không Trăm Linh Tám',
    ],
    [{ year: 2008, month: 3, day: 2 }, 'Ngày Hai Tháng Ba Năm Hai Nghìn Không Trăm Linh Tám'],
    [{ year: 1990, month: 1, day: 1 }, 'Ngày Một Tháng Một Năm Một Nghìn Chín Trăm Chín Mươi'],
    [{ year: 2005, month: 4, day: 4 }, 'Ngày Bốn Tháng Tư Năm Hai Nghìn Không Trăm Linh Năm'],
    [{ year: 2010, month: 10, day: 10 }, 'Ngày Mười Tháng Mười Năm Hai Nghìn Không Trăm Mười'],
    [
      { year: 2015, month: 11, day: 15 },
      'Ngày Mười Lăm Tháng Mười Một Năm Hai Nghìn Không Trăm Mười Lăm',
    ],
    [
      { year: 2021, month: 12, day: 21 },
      'Ngày Hai Mươi Mốt Tháng Mười Hai Năm Hai Nghìn Không Trăm Hai Mươi Mốt',
    ],
    [
      { year: 2024, month: 5, day: 24 },
      'Ngày Hai Mươi Tư Tháng Năm Năm Hai Nghìn Không Trăm Hai Mươi Tư',
    ],
    [
      { year: 1975, month: 6, day: 25 },
      'Ngày Hai Mươi Lăm Tháng Sáu Năm Một Nghìn Chín Trăm Bảy Mươi Lăm',
    ],
    [{ year: 1960, month: 9, day: 30 }, 'Ngày Ba Mươi Tháng Chín Năm Một Nghìn Chín Trăm Sáu Mươi'],
    [
      { year: 1981, month: 10, day: 31 },
      'Ngày Ba Mươi Mốt Tháng Mười Năm Một Nghìn Chín Trăm Tám Mươi Mốt',
    ],
    [{ year: 1914, month: 2, day: 14 }, 'Ngày Mười Bốn Tháng Hai Năm Một Nghìn Chín Trăm Mười Bốn'],
    [{ year: 1905, month: 2, day: 11 }, 'Ngày Mười Một Tháng Hai Năm Một Nghìn Chín Trăm Linh Năm'],
    [{ year: 2000, month: 1, day: 20 }, 'Ngày Hai Mươi Tháng Một Năm Hai Nghìn'],
    [{ year: 1900, month: 1, day: 1 }, 'Ngày Một Tháng Một Năm Một Nghìn Chín Trăm'],
    [{ year: 2008, month: 8 }, 'Tháng Tám Năm Hai Nghìn Không Trăm Linh Tám'],
    [{ year: 2008, month: 4 }, 'Tháng Tư Năm Hai Nghìn Không Trăm Linh Tám'],
    [{ year: 1990 }, 'Năm Một Nghìn Chín Trăm Chín Mươi'],
    [{ year: 2001 }, 'Năm Hai Nghìn Không Trăm Linh Một'],
  ])('%j', (date, words) => {
    expect(dateInWords(date)).toBe(words);
  });

  it('agrees with words typed from the book in its own case, spacing and spoken variants', () => {
    const date = { year: 2008, month: 1, day: 21 };
    expect(
      dateWordsAgree('Ngày Hai Mươi Mốt Tháng Một Năm Hai Nghìn Không Trăm Linh Tám', date),
    ).toBe(true);
    expect(dateWordsAgree('ngày hai mươi một, tháng giêng năm hai ngàn lẻ tám', date)).toBe(true);
    expect(dateWordsAgree('Ngày  Hai Mươi Mốt Tháng Một Năm Hai Nghìn Linh Tám', date)).toBe(true);
    expect(
      dateWordsAgree('Ngày hai mươi lăm tháng năm năm hai nghìn không trăm linh tám', date),
    ).toBe(false);
    expect(
      dateWordsAgree('Ngày Hai Mươi Mốt Tháng Một Năm Hai Nghìn Không Trăm Linh Chín', date),
    ).toBe(false);
    expect(
      dateWordsAgree('Ngày Hai Mươi Tư Tháng Chạp Năm 2008', { year: 2008, month: 12, day: 24 }),
    ).toBe(false);
    expect(
      dateWordsAgree('ngày hai mươi bốn tháng chạp năm hai nghìn không trăm linh tám', {
        year: 2008,
        month: 12,
        day: 24,
      }),
    ).toBe(true);
  });

  it('ignores a day without a month', () => {
    expect(dateInWords({ year: 2008, day: 5 })).toBe('Năm Hai Nghìn Không Trăm Linh Tám');
  });

  it('capitalises every word', () => {
    for (let day = 1; day <= 31; day += 1) {
      const words = dateInWords({ year: 2019, month: 12, day }).split(' ');
      for (const word of words) expect(word.charAt(0)).toBe(word.charAt(0).toUpperCase());
    }
  });
});

describe('suggestYearFix', () => {
  it.each([
    [5005, 2024, 2005],
    [3008, 2024, 2008],
    [1098, 2024, 1998],
    [1890, 2024, 1990],
    [2105, 2024, 2005],
    [9990, 2024, 1990],
    [2030, 2024, 2020],
    [2030, 2008, 2000],
  ])('%i (read in %i) → %i', (year, ref, fix) => {
    expect(suggestYearFix(year, ref)).toBe(fix);
  });

  it('suggests nothing for a plausible year or when one digit cannot fix it', () => {
    expect(suggestYearFix(2005, 2024)).toBeNull();
    expect(suggestYearFix(1900, 2024)).toBeNull();
    expect(suggestYearFix(150, 2024)).toBeNull();
    expect(suggestYearFix(8765, 2024)).toBeNull();
    expect(suggestYearFix(9190, 2024)).toBeNull();
  });

  it('keeps the suggestion inside the plausible range', () => {
    for (let year = 1000; year <= 9999; year += 7) {
      const fix = suggestYearFix(year, 2024);
      if (fix !== null) expect(isPlausibleYear(fix, 2024)).toBe(true);
    }
  });
});

describe('ageToBirthYear', () => {
  it('turns a 1–2 digit age into a birth year', () => {
    expect(ageToBirthYear('35', 2008)).toBe(1973);
    expect(ageToBirthYear(' 9 ', 2008)).toBe(1999);
  });

  it('refuses anything that is not an age', () => {
    expect(ageToBirthYear('0', 2008)).toBeNull();
    expect(ageToBirthYear('1973', 2008)).toBeNull();
    expect(ageToBirthYear('ba mươi', 2008)).toBeNull();
    expect(ageToBirthYear('', 2008)).toBeNull();
  });
});

describe('ageBounds', () => {
  it('gives the exact age when both dates are full or the months differ', () => {
    expect(ageBounds({ year: 1958, month: 6, day: 11 }, { year: 1975, month: 6, day: 10 })).toEqual(
      {
        min: 16,
        max: 16,
      },
    );
    expect(ageBounds({ year: 1958, month: 6, day: 10 }, { year: 1975, month: 6, day: 10 })).toEqual(
      {
        min: 17,
        max: 17,
      },
    );
    expect(ageBounds({ year: 1958, month: 5 }, { year: 1975, month: 6, day: 1 })).toEqual({
      min: 17,
      max: 17,
    });
    expect(ageBounds({ year: 1958, month: 7, day: 1 }, { year: 1975, month: 6 })).toEqual({
      min: 16,
      max: 16,
    });
  });

  it('gives a range of two when the dates cannot tell whether the birthday had come', () => {
    expect(ageBounds({ year: 1958 }, { year: 1975, month: 6, day: 10 })).toEqual({
      min: 16,
      max: 17,
    });
    expect(ageBounds({ year: 1958, month: 6, day: 1 }, { year: 1975 })).toEqual({
      min: 16,
      max: 17,
    });
    expect(ageBounds({ year: 1958, month: 6 }, { year: 1975, month: 6, day: 10 })).toEqual({
      min: 16,
      max: 17,
    });
  });
});

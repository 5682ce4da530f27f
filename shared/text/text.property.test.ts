// Property-based: the promises of the date and name tests, over dates and strings nobody
// thought to list.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PartialDate } from './dates';
import { foldAccents, normalizeName } from './vietnamese';
import { dateInWords, formatDate, parseDateInput } from './dates';

// A fixed "today" makes the two-digit-year pivot testable: 26 and below mean 20xx.
const now = new Date(2026, 5, 1);

const yearArb = fc.integer({ min: 1900, max: 2100 });
const fullDateArb = fc
  .record({
    year: yearArb,
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .filter(({ year, month, day }) => {
    const probe = new Date(Date.UTC(year, month - 1, day));
    return probe.getUTCDate() === day;
  });
const partialDateArb: fc.Arbitrary<PartialDate> = fc.oneof(
  fullDateArb,
  fc.record({ year: yearArb, month: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ year: yearArb }),
);
const dateLikeArb = fc
  .array(fc.constantFrom(...'0123456789', '.', '/', '-', ' ', 'a'), { maxLength: 14 })
  .map((chars) => chars.join(''));
const anyTextArb = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  dateLikeArb,
);

describe('dates, property-based', () => {
  it('formats, parses and formats again to the same text, full or partial', () => {
    fc.assert(
      fc.property(partialDateArb, (date) => {
        const text = formatDate(date);
        const parsed = parseDateInput(text, now);
        expect(parsed).toEqual(date);
        expect(formatDate(parsed ?? { year: 0 })).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on any string, and what it accepts is a real date that reads back the same', () => {
    fc.assert(
      fc.property(anyTextArb, (text) => {
        const parsed = parseDateInput(text, now);
        if (parsed === null) return;
        expect(parsed.year).toBeGreaterThanOrEqual(1000);
        if (parsed.month !== undefined) expect(parsed.month).toBeGreaterThanOrEqual(1);
        if (parsed.month !== undefined) expect(parsed.month).toBeLessThanOrEqual(12);
        expect(parseDateInput(formatDate(parsed), now)).toEqual(parsed);
      }),
      { numRuns: 1000 },
    );
  });

  it('words every date starting with Ngày, Tháng or Năm, one space between words', () => {
    fc.assert(
      fc.property(partialDateArb, (date) => {
        const words = dateInWords(date);
        expect(words).toMatch(/^(Ngày|Tháng|Năm) /u);
        expect(words).not.toMatch(/\s{2}|^\s|\s$/u);
      }),
      { numRuns: 500 },
    );
  });
});

const vietnameseLetters = [
  ...'aăâbcdđeêghiklmnoôơpqrstuưvxy',
  ...'àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ',
];
const vietnameseTextArb = fc
  .array(
    fc.constantFrom(
      ...vietnameseLetters,
      ...vietnameseLetters.map((ch) => ch.toUpperCase()),
      ' ',
      '  ',
      '\t',
      '-',
      "'",
    ),
    { maxLength: 30 },
  )
  .map((chars) => chars.join(''));

describe('names, property-based', () => {
  it('normalizeName is idempotent, on Vietnamese text and on any string', () => {
    fc.assert(
      fc.property(fc.oneof(vietnameseTextArb, fc.string({ unit: 'grapheme' })), (text) => {
        const once = normalizeName(text);
        expect(normalizeName(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it('foldAccents leaves only ASCII in Vietnamese text, composed or decomposed', () => {
    fc.assert(
      fc.property(vietnameseTextArb, fc.boolean(), (text, decompose) => {
        const input = decompose ? text.normalize('NFD') : text;
        expect(foldAccents(input)).toMatch(/^\p{ASCII}*$/u);
      }),
      { numRuns: 500 },
    );
  });
});

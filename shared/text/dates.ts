// Dates as the registers write them: dd.mm.yyyy, or partial mm.yyyy / yyyy when the book
// lacks the day or month. Parsing is lenient about separators; output is always canonical.

export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

export type FullDate = PartialDate & { month: number; day: number };

const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Two-digit years: up to this year's two digits means 20xx, above means 19xx. */
function expandTwoDigitYear(yy: number, now: Date): number {
  return yy <= now.getFullYear() % 100 ? 2000 + yy : 1900 + yy;
}

function parseYear(text: string, now: Date): number | null {
  if (/^\d{4}$/.test(text)) return Number(text);
  if (/^\d{2}$/.test(text)) return expandTwoDigitYear(Number(text), now);
  return null;
}

function build(year: number | null, month?: string, day?: string): PartialDate | null {
  if (year === null || year < MIN_YEAR || year > MAX_YEAR) return null;
  if (month === undefined) return { year };
  if (!/^\d{1,2}$/.test(month)) return null;
  const m = Number(month);
  if (m < 1 || m > 12) return null;
  if (day === undefined) return { year, month: m };
  if (!/^\d{1,2}$/.test(day)) return null;
  const d = Number(day);
  if (d < 1 || d > daysInMonth(year, m)) return null;
  return { year, month: m, day: d };
}

function parseDigitsOnly(digits: string, now: Date): PartialDate | null {
  switch (digits.length) {
    case 4:
      return build(Number(digits), undefined, undefined);
    case 6: {
      // ddmmyy and mmyyyy never collide: in mmyyyy the "month" slot of ddmmyy holds 18–20.
      const asDayMonthYear = build(
        expandTwoDigitYear(Number(digits.slice(4)), now),
        digits.slice(2, 4),
        digits.slice(0, 2),
      );
      return asDayMonthYear ?? build(Number(digits.slice(2)), digits.slice(0, 2));
    }
    case 8:
      return build(Number(digits.slice(4)), digits.slice(2, 4), digits.slice(0, 2));
    default:
      return null;
  }
}

/**
 * Reads what an officer types: 27082008, 27/8/2008, 27-08-08, 27.08.2008, 8/2008, 08.2008,
 * 2008 or ISO 2008-08-27. Returns null for anything that is not a real calendar date.
 */
export function parseDateInput(input: string, now: Date = new Date()): PartialDate | null {
  // A stray separator after the date is harmless; one before it is a minus sign or a lost
  // digit ("-1.01.2008"), and dropping it would store another date than the book's.
  const text = input.trim().replace(/[./\s-]+$/u, '');
  if (text === '' || !/^\d/u.test(text)) return null;
  if (/^\d+$/.test(text)) return parseDigitsOnly(text, now);
  const parts = text.split(/[./\s-]+/u);
  if (parts.some((part) => !/^\d+$/.test(part))) return null;
  const [a = '', b = '', c = ''] = parts;
  const yearFirst = a.length === 4;
  if (parts.length === 3) {
    return yearFirst ? build(Number(a), b, c) : build(parseYear(c, now), b, a);
  }
  if (parts.length === 2) {
    // A two-digit year is refused here: "12/10" is more likely a day and month without year.
    if (yearFirst) return build(Number(a), b);
    return /^\d{4}$/.test(b) ? build(Number(b), a) : null;
  }
  return null;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** dd.mm.yyyy, mm.yyyy or yyyy. */
export function formatDate(date: PartialDate): string {
  const year = String(date.year).padStart(4, '0');
  if (date.month === undefined) return year;
  if (date.day === undefined) return `${pad2(date.month)}.${year}`;
  return `${pad2(date.day)}.${pad2(date.month)}.${year}`;
}

/** The canonical form of what was typed, or null when it is not a date. */
export function normalizeDateInput(input: string, now?: Date): string | null {
  const parsed = parseDateInput(input, now);
  return parsed ? formatDate(parsed) : null;
}

export function isFullDate(date: PartialDate): date is FullDate {
  return date.month !== undefined && date.day !== undefined;
}

/** yyyy-mm-dd for a full date (as PDF names need); null for a partial one. */
export function toIsoDate(date: PartialDate): string | null {
  if (!isFullDate(date)) return null;
  return `${String(date.year).padStart(4, '0')}-${pad2(date.month)}-${pad2(date.day)}`;
}

/**
 * Orders two dates on the precision both have: 08.2008 and 27.08.2008 compare equal, because
 * nothing says which came first. Negative when a is earlier.
 */
export function compareDates(a: PartialDate, b: PartialDate): number {
  if (a.year !== b.year) return a.year - b.year;
  if (a.month === undefined || b.month === undefined) return 0;
  if (a.month !== b.month) return a.month - b.month;
  if (a.day === undefined || b.day === undefined) return 0;
  return a.day - b.day;
}

const DIGIT_WORDS = ['Không', 'Một', 'Hai', 'Ba', 'Bốn', 'Năm', 'Sáu', 'Bảy', 'Tám', 'Chín'];

function digitWord(n: number): string {
  return DIGIT_WORDS[n] ?? '';
}

/** 0–99 as the registers write them: Mười Lăm, Hai Mươi Mốt, Hai Mươi Tư, Ba Mươi. */
function twoDigitWords(n: number): string[] {
  const tens = Math.floor(n / 10);
  const units = n % 10;
  if (tens === 0) return [digitWord(units)];
  const head = tens === 1 ? ['Mười'] : [digitWord(tens), 'Mươi'];
  if (units === 0) return head;
  if (units === 5) return [...head, 'Lăm'];
  if (tens >= 2 && units === 1) return [...head, 'Mốt'];
  if (tens >= 2 && units === 4) return [...head, 'Tư'];
  return [...head, digitWord(units)];
}

/** 1990 → Một Nghìn Chín Trăm Chín Mươi; 2005 → Hai Nghìn Không Trăm Linh Năm. */
function yearWords(year: number): string[] {
  const thousands = Math.floor(year / 1000);
  const hundreds = Math.floor(year / 100) % 10;
  const rest = year % 100;
  const words = thousands > 0 ? [digitWord(thousands), 'Nghìn'] : [];
  if (hundreds === 0 && rest === 0) return words.length > 0 ? words : ['Không'];
  words.push(digitWord(hundreds), 'Trăm');
  if (rest === 0) return words;
  if (rest < 10) return [...words, 'Linh', digitWord(rest)];
  return [...words, ...twoDigitWords(rest)];
}

function monthWords(month: number): string[] {
  // The fourth month is "Tháng Tư", never "Tháng Bốn".
  return month === 4 ? ['Tư'] : twoDigitWords(month);
}

/**
 * The date in words for …BangChu fields: "Ngày Hai Mươi Bảy Tháng Tám Năm Hai Nghìn Không
 * Trăm Linh Tám"; partial dates give "Tháng Tám Năm …" or "Năm …".
 */
export function dateInWords(date: PartialDate): string {
  const words: string[] = [];
  if (date.month !== undefined && date.day !== undefined) {
    words.push('Ngày', ...twoDigitWords(date.day));
  }
  if (date.month !== undefined) words.push('Tháng', ...monthWords(date.month));
  words.push('Năm', ...yearWords(date.year));
  return words.join(' ');
}

/**
 * Spoken variants that mean the same number: "mốt", "tư", "lăm" after tens, "lẻ" for "linh",
 * "ngàn" for "nghìn", and the lunar-style month names some books use.
 */
const WORD_VARIANTS: Readonly<Record<string, string>> = {
  mốt: 'một',
  tư: 'bốn',
  lăm: 'năm',
  nhăm: 'năm',
  lẻ: 'linh',
  ngàn: 'nghìn',
  giêng: 'một',
  chạp: 'mười hai',
};

function wordTokens(text: string): string {
  const tokens = text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .split(/[\s,.;:]+/u)
    .filter((token) => token !== '')
    .flatMap((token) => (WORD_VARIANTS[token] ?? token).split(' '));
  // "Hai Nghìn Linh Tám" and "Hai Nghìn Không Trăm Linh Tám" are the same year.
  return tokens.join(' ').replace(/nghìn không trăm /gu, 'nghìn ');
}

/**
 * Whether words typed from the book say the same date as `date`, whatever their case, spacing
 * and the usual spoken variants.
 */
export function dateWordsAgree(written: string, date: PartialDate): boolean {
  return wordTokens(written) === wordTokens(dateInWords(date));
}

/**
 * A likely fix for an impossible year ("5005" → 2005, "1098" → 1998): change exactly one digit,
 * at the leftmost position where that lands in [minYear, refYear], choosing the digit nearest
 * to the one typed. Null when the year is already plausible or no single change helps.
 */
export function suggestYearFix(year: number, refYear: number, minYear = 1900): number | null {
  if (year >= minYear && year <= refYear) return null;
  const digits = [...String(year)];
  if (digits.length !== 4) return null;
  for (let position = 0; position < 4; position += 1) {
    const typed = Number(digits[position]);
    let best: number | null = null;
    let bestDistance = Infinity;
    for (let d = 0; d <= 9; d += 1) {
      if (d === typed) continue;
      const candidate = Number(digits.map((ch, i) => (i === position ? String(d) : ch)).join(''));
      const distance = Math.abs(d - typed);
      if (candidate >= minYear && candidate <= refYear && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best !== null) return best;
  }
  return null;
}

/** Whether a year could appear in a register read in refYear. */
export function isPlausibleYear(year: number, refYear: number, minYear = 1900): boolean {
  return year >= minYear && year <= refYear;
}

/**
 * A parent's age written where the birth year belongs ("35"): the birth year it implies,
 * or null when the value is not a 1–2 digit age.
 */
export function ageToBirthYear(value: string, registrationYear: number): number | null {
  const text = value.trim();
  if (!/^\d{1,2}$/.test(text)) return null;
  const age = Number(text);
  if (age < 1) return null;
  return registrationYear - age;
}

/**
 * The completed years between a birth and a later date, as the least and most the two dates
 * allow: 1990 and 05.2007 give 16–17, because the book does not say which birthday came first.
 */
export function ageBounds(birth: PartialDate, at: PartialDate): { min: number; max: number } {
  const years = at.year - birth.year;
  if (birth.month === undefined || at.month === undefined) return { min: years - 1, max: years };
  if (at.month !== birth.month) {
    const age = at.month > birth.month ? years : years - 1;
    return { min: age, max: age };
  }
  if (birth.day === undefined || at.day === undefined) return { min: years - 1, max: years };
  const age = at.day >= birth.day ? years : years - 1;
  return { min: age, max: age };
}

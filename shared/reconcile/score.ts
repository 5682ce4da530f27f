// How alike two entries are: a sum of agreement weights (names, dates, sex, relatives, place,
// số, quyển), then a band. Twins (same parents, same birth date, another name or số) are never "same".
import type { PartialDate } from '../text/dates';
import { compareDates } from '../text/dates';
import type { NameParts, Prepared } from './prepare';
import { similarity } from './similarity';

export type Band = 'same' | 'probable' | 'different';

export interface PairScore {
  score: number;
  band: Band;
  /** Same parents and birth date but another name or số: a sibling, not the same child. */
  isTwin: boolean;
}

/** Scores at or above these are "same" / "probably same" (sent to a person). */
export const SAME_AT = 9;
export const PROBABLE_AT = 4.5;

/** Optimal-string-alignment distance is at most one: one slip, swap, extra or missing letter. */
export function isOneSlip(a: string, b: string): boolean {
  if (a === b) return true;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (l.length - s.length > 1) return false;
  let i = 0;
  while (i < s.length && s[i] === l[i]) i += 1;
  if (s.length === l.length) {
    if (s.slice(i + 1) === l.slice(i + 1)) return true;
    return s[i] === l[i + 1] && s[i + 1] === l[i] && s.slice(i + 2) === l.slice(i + 2);
  }
  return s.slice(i) === l.slice(i + 1);
}

function givenClose(a: NameParts, b: NameParts): boolean {
  return (
    a.given === b.given ||
    (Math.min(a.given.length, b.given.length) >= 2 && isOneSlip(a.given, b.given))
  );
}

function nameScore(a: NameParts, b: NameParts): number {
  if (a.full === '' || b.full === '') return 0;
  if (a.full === b.full) return 4;
  if (!givenClose(a, b)) return -4;
  const jw = similarity(a.full, b.full);
  const familyClose = a.family === b.family || isOneSlip(a.family, b.family);
  if (jw >= 0.95) return familyClose ? 3 : 2;
  if (jw >= 0.9) return familyClose ? 1.5 : 0.5;
  return -2;
}

function isTransposed(a: PartialDate, b: PartialDate): boolean {
  return a.year === b.year && a.day !== undefined && a.day === b.month && a.month === b.day;
}

function dateScore(a: PartialDate | null, b: PartialDate | null, full = 3): number {
  if (!a || !b) return 0;
  const bothFull = a.day !== undefined && b.day !== undefined;
  if (compareDates(a, b) === 0) return bothFull ? full : 1;
  if (isTransposed(a, b)) return 1;
  if (a.year === b.year && a.month === b.month) return -1;
  return -3;
}

function relativeScore(a: NameParts, b: NameParts): number {
  if (a.full === '' || b.full === '') return 0;
  if (a.full === b.full) return 1.5;
  if (!givenClose(a, b)) return -1.5;
  if (similarity(a.full, b.full) >= 0.93) return 1;
  // A mother who remarried can be written under another family name.
  return 0.5;
}

function bothAnd<T>(a: T, b: T, empty: T, same: number, differ: number): number {
  if (a === empty || b === empty) return 0;
  return a === b ? same : differ;
}

function sameFullDate(a: PartialDate | null, b: PartialDate | null): boolean {
  return !!a && !!b && a.day !== undefined && compareDates(a, b) === 0 && b.day !== undefined;
}

function sameParents(a: Prepared, b: Prepared): boolean {
  const pairs = a.relatives.map((rel, i) => [rel, b.relatives[i]] as const);
  const known = pairs.filter(([x, y]) => x.full !== '' && y !== undefined && y.full !== '');
  return known.length > 0 && known.every(([x, y]) => relativeScore(x, y as NameParts) > 0);
}

/** The most the fields after the name and birth date can add (relatives, sex, place, số…). */
const REST_AT_MOST = 9;

export function scorePair(a: Prepared, b: Prepared): PairScore {
  let score = nameScore(a.name, b.name);
  score += dateScore(a.birth, b.birth);
  // Most pairs a block yields are other children: stop once nothing could lift them.
  if (score + REST_AT_MOST < PROBABLE_AT) return { score, band: 'different', isTwin: false };
  score += dateScore(a.eventDate, b.eventDate, 2);
  score += bothAnd(a.sex, b.sex, '', 0.5, -2.5);
  a.relatives.forEach((rel, i) => {
    const other = b.relatives[i];
    if (other) score += relativeScore(rel, other);
  });
  if (a.place !== '' && b.place !== '') {
    score += similarity(a.place, b.place) >= 0.9 ? 0.5 : -0.3;
  }
  score += bothAnd(a.so, b.so, '', 1.5, -1.5);
  score += bothAnd(a.quyen, b.quyen, '', 0.5, -0.5);
  if (a.regDate && b.regDate) score += compareDates(a.regDate, b.regDate) === 0 ? 1 : -0.5;

  const soDiffers = a.so !== '' && b.so !== '' && a.so !== b.so;
  const givenDiffers = a.name.given !== b.name.given;
  const isTwin =
    sameFullDate(a.birth, b.birth) &&
    (soDiffers || !givenClose(a.name, b.name)) &&
    sameParents(a, b);
  let band: Band = score >= SAME_AT ? 'same' : score >= PROBABLE_AT ? 'probable' : 'different';
  if (isTwin) band = givenDiffers ? 'different' : 'probable';
  return { score, band, isTwin };
}

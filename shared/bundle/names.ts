// File names of a book's bundle. The importer matches each row to its PDF by type, book year,
// book number, registration date and entry number, so a name must be complete: never "null".
import type { RegisterTypeCode } from '../registers/types';
import type { PdfNameProblem } from '../validation/types';
import { parseDateInput, toIsoDate } from '../text/dates';
import { foldAccents, stripMarks } from '../text/vietnamese';

const QUYEN_SO = /^\s*(\d{1,3})\s*\/\s*(\d{4})\s*$/u;

/** The book number, two digits at least: "01/2017" → "01", "1/2017" → "01"; null if malformed. */
export function bookNumberOf(quyenSo: string): string | null {
  const match = QUYEN_SO.exec(quyenSo);
  return match?.[1] ? match[1].padStart(2, '0') : null;
}

/** The same book written two ways ("1/2017", "01/2017") gives the same key. */
export function sameQuyenSo(a: string, b: string): boolean {
  const ma = QUYEN_SO.exec(a);
  const mb = QUYEN_SO.exec(b);
  if (!ma || !mb) return a.trim() === b.trim();
  return Number(ma[1]) === Number(mb[1]) && ma[2] === mb[2];
}

export interface PdfNameInput {
  type: RegisterTypeCode;
  /** Year the book was opened. */
  bookYear: number;
  quyenSo: string;
  ngayDangKy: string;
  so: string;
}

export type PdfNameResult = { ok: true; name: string } | { ok: false; problem: PdfNameProblem };

/** `KS.2008.01.2008-01-15.001.pdf`, or the first reason the name cannot be made. */
export function pdfFileName(input: PdfNameInput): PdfNameResult {
  const so = input.so.trim();
  if (so === '') return { ok: false, problem: 'missingSo' };
  if (!/^\d+$/u.test(so)) return { ok: false, problem: 'soNotNumeric' };
  if (input.quyenSo.trim() === '') return { ok: false, problem: 'missingQuyenSo' };
  const book = bookNumberOf(input.quyenSo);
  if (book === null) return { ok: false, problem: 'badQuyenSo' };
  if (!Number.isInteger(input.bookYear) || input.bookYear < 1000 || input.bookYear > 9999) {
    return { ok: false, problem: 'badBookYear' };
  }
  if (input.ngayDangKy.trim() === '') return { ok: false, problem: 'missingDate' };
  const date = parseDateInput(input.ngayDangKy);
  if (!date) return { ok: false, problem: 'badDate' };
  const iso = toIsoDate(date);
  if (iso === null) return { ok: false, problem: 'partialDate' };
  const name = `${input.type}.${input.bookYear}.${book}.${iso}.${so.padStart(3, '0')}.pdf`;
  return { ok: true, name };
}

// Words naming the kind of unit, dropped so "Huyện Đạ Tẻh" gives "DT", not "HDT".
const ADMIN_PREFIXES = [
  'thanh pho',
  'thi xa',
  'thi tran',
  'tp',
  'tinh',
  'huyen',
  'quan',
  'xa',
  'phuong',
];

function placeWords(place: string): string[] {
  const words = foldAccents(place)
    .split(/[^a-z0-9]+/u)
    .filter(Boolean);
  for (const prefix of ADMIN_PREFIXES) {
    const parts = prefix.split(' ');
    const rest = words.slice(parts.length);
    // "Phường 1" keeps its prefix: "1" alone would not say which place it is.
    if (parts.every((p, i) => words[i] === p) && rest.length > 0 && !rest.every(isNumeric)) {
      return rest;
    }
  }
  return words;
}

const isNumeric = (word: string): boolean => /^\d+$/u.test(word);

/** "Lâm Đồng" → "LD", "Bà Rịa - Vũng Tàu" → "BRVT"; numbers are kept whole ("Quận 1" → "Q1"). */
function initials(place: string): string {
  return placeWords(place)
    .map((word) => (isNumeric(word) ? word : word.charAt(0).toUpperCase()))
    .join('');
}

/** "Xã An Nhơn" → "AnNhon". */
function slug(place: string): string {
  return placeWords(place)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

export interface BundleStemInput {
  /** Placeholders: {loai} {nam} {quyen} {xa} {huyen} {tinh}. */
  pattern?: string;
  type: RegisterTypeCode;
  bookYear: number;
  quyenSo: string;
  commune?: string;
  district?: string;
  province?: string;
}

export const defaultStemPattern = '{loai}.{nam}.{quyen}';

/**
 * The shared name of a book's .xlsx and .zip, e.g. "KS.2008.01" or, with the pattern
 * "{xa}_{huyen}_{tinh}.{loai}.{nam}.{quyen}", "AnNhon_DT_LD.KS.2008.01". Always a safe file
 * name: ASCII letters, digits, "_", "-" and single inner dots only.
 */
export function bundleStem(input: BundleStemInput): string {
  const values: Record<string, string> = {
    loai: input.type,
    nam: String(input.bookYear),
    quyen: bookNumberOf(input.quyenSo) ?? slug(input.quyenSo),
    xa: slug(input.commune ?? ''),
    huyen: initials(input.district ?? ''),
    tinh: initials(input.province ?? ''),
  };
  const filled = (input.pattern ?? defaultStemPattern).replace(
    /\{(\w+)\}/gu,
    (whole, name: string) => values[name] ?? whole,
  );
  // An empty placeholder leaves separators side by side; the dot between parts wins.
  const safe = stripMarks(filled)
    .replace(/[^A-Za-z0-9._-]+/gu, '')
    .replace(/[._-]{2,}/gu, (run) => (run.includes('.') ? '.' : run.charAt(0)))
    .replace(/^[._-]+|[._-]+$/gu, '');
  return safe === '' ? input.type : safe;
}

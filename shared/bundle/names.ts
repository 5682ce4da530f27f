// File names of a book's bundle. The importer matches each row to its PDF by type, book year,
// book number, registration date and entry number, so every name follows one written rule:
//
//   <LOAI>.<năm mở sổ>.<quyển, 2 digits>.<ngày đăng ký>.<số>.pdf   e.g. KS.2008.01.2008-01-15.001.pdf
//
// - Số is kept in the entry as the book writes it ("01/2018", "12a"). Its number part names the
//   PDF: the digits it starts with and any letters right after them ("12a"); the rest, such as
//   the year in "01/2018", is left out. A số with no leading digits cannot be named.
// - The book setting `so` makes the row's `so` cell and the name agree: 'pad3' (default) writes
//   the number part with at least 3 digits in both ("01/2018" → 001, "12a" → 012a); 'asWritten'
//   keeps the row as written and the digits of the name as written ("01/2018" → 01).
// - A partial registration date, allowed once the officer confirms it, is named by the book
//   setting `partialDate`: 'zeros' (default) writes the unknown parts as 00 (2018-00-00,
//   2018-05-00), never a day the book does not state; 'firstDay' uses the period's first day.
// - An entry without số, allowed once the officer confirms it, is named by `missingSo`: 'zeros'
//   (default) writes 000, 'null' writes "null" as one vendor's tool did.
import type { RegisterTypeCode } from '../registers/types';
import type { PdfNameProblem } from '../validation/types';
import { parseDateInput, type PartialDate } from '../text/dates';
import { foldAccents, stripMarks, toNFC } from '../text/vietnamese';

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

/** quyenSo the one way the importer reads it, "NN/YYYY" ("1/2008" → "01/2008"); other text as is. */
export function formatQuyenSo(quyenSo: string): string {
  const match = QUYEN_SO.exec(quyenSo);
  return match?.[1] && match[2] ? `${match[1].padStart(2, '0')}/${match[2]}` : quyenSo.trim();
}

/** How a book names its PDFs and writes số; see the rules at the top of this file. */
export interface PdfNaming {
  so: 'pad3' | 'asWritten';
  partialDate: 'zeros' | 'firstDay';
  missingSo: 'zeros' | 'null';
}

export const defaultPdfNaming: PdfNaming = { so: 'pad3', partialDate: 'zeros', missingSo: 'zeros' };

/** A book's stored choices over the defaults. */
export function pdfNamingOf(stored: Partial<PdfNaming> | undefined): PdfNaming {
  return { ...defaultPdfNaming, ...stored };
}

export interface SoNumber {
  /** The digits as written, leading zeros included ("01"). */
  digits: string;
  /** Letters right after the digits, lower case ("a" in "12a"); usually "". */
  suffix: string;
  /** The number the digits make (1 for "01"). */
  value: number;
}

const SO_NUMBER = /^(\d+)(\p{L}*)/u;

/** The number part of a số ("01/2018" → 01, "12a" → 12 + a); null when it starts with no digit. */
export function soNumberOf(so: string): SoNumber | null {
  const match = SO_NUMBER.exec(toNFC(so).trim());
  if (!match?.[1]) return null;
  return { digits: match[1], suffix: (match[2] ?? '').toLowerCase(), value: Number(match[1]) };
}

const padded = (number: SoNumber): string =>
  `${number.digits.replace(/^0+(?=\d)/u, '').padStart(3, '0')}${number.suffix}`;

/** The row's `so` cell: the name's number part ('pad3'), or the số as written ('asWritten'). */
export function soCell(so: string, naming: PdfNaming = defaultPdfNaming): string {
  const text = toNFC(so).trim();
  const number = soNumberOf(text);
  if (naming.so === 'asWritten' || number === null) return text;
  return padded(number);
}

/** The số part of the PDF name, or null when the số has no number part to name. */
export function soInName(so: string, naming: PdfNaming = defaultPdfNaming): string | null {
  if (toNFC(so).trim() === '') return naming.missingSo === 'null' ? 'null' : '000';
  const number = soNumberOf(so);
  if (number === null) return null;
  return naming.so === 'pad3' ? padded(number) : `${number.digits}${number.suffix}`;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The date part of the PDF name; a partial date by the book's convention. */
export function dateInName(date: PartialDate, naming: PdfNaming = defaultPdfNaming): string {
  const unknown = naming.partialDate === 'zeros' ? 0 : 1;
  const year = String(date.year).padStart(4, '0');
  return `${year}-${pad2(date.month ?? unknown)}-${pad2(date.day ?? unknown)}`;
}

export interface PdfNameInput {
  type: RegisterTypeCode;
  /** Year the book was opened. */
  bookYear: number;
  quyenSo: string;
  ngayDangKy: string;
  so: string;
  naming?: PdfNaming;
}

export type PdfNameResult = { ok: true; name: string } | { ok: false; problem: PdfNameProblem };

/** `KS.2008.01.2008-01-15.001.pdf`, or the first reason the name cannot be made. */
export function pdfFileName(input: PdfNameInput): PdfNameResult {
  const naming = input.naming ?? defaultPdfNaming;
  const so = soInName(input.so, naming);
  if (so === null) return { ok: false, problem: 'soNotNumeric' };
  if (input.quyenSo.trim() === '') return { ok: false, problem: 'missingQuyenSo' };
  const book = bookNumberOf(input.quyenSo);
  if (book === null) return { ok: false, problem: 'badQuyenSo' };
  if (!Number.isInteger(input.bookYear) || input.bookYear < 1000 || input.bookYear > 9999) {
    return { ok: false, problem: 'badBookYear' };
  }
  if (input.ngayDangKy.trim() === '') return { ok: false, problem: 'missingDate' };
  const date = parseDateInput(input.ngayDangKy);
  if (!date) return { ok: false, problem: 'badDate' };
  const name = `${input.type}.${input.bookYear}.${book}.${dateInName(date, naming)}.${so}.pdf`;
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

/** How many folders a bundle tries beside earlier bundles of the same book before it gives up. */
export const BUNDLE_FOLDER_TRIES = 99;

/**
 * The folder for a bundle: the stem the first time, then "<stem> (2)", "<stem> (3)"… when an
 * earlier bundle of the book already sits in the folder the officer picked. Earlier files are
 * never overwritten, and a later bundle ("only not yet exported") lands beside them.
 */
export function bundleFolderName(stem: string, attempt: number): string {
  return attempt <= 1 ? stem : `${stem} (${attempt})`;
}

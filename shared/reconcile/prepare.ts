// An entry turned into what the linker compares: unaccented name parts, parsed dates, số and
// quyển without leading zeros. Done once per entry, so a 20k × 20k run compares plain strings.
import type { RegisterTypeCode } from '../registers/types';
import { parseDateInput, type PartialDate } from '../text/dates';
import { collapseSpaces, foldAccents } from '../text/vietnamese';
import { profileOf } from './profile';

export interface LinkRecord {
  /** Entry id in SoHoa, or the extract's row key. */
  id: string;
  type: RegisterTypeCode;
  fields: Record<string, string>;
  /** The SoHoa book, for duplicates across books; absent for extract rows. */
  bookId?: string;
}

export interface NameParts {
  full: string;
  family: string;
  /** The last word: what the person is called. */
  given: string;
}

export interface Prepared {
  record: LinkRecord;
  name: NameParts;
  birth: PartialDate | null;
  sex: 'M' | 'F' | '';
  relatives: NameParts[];
  place: string;
  eventDate: PartialDate | null;
  so: string;
  quyen: string;
  regDate: PartialDate | null;
  regYear: number | null;
}

const foldedCache = new Map<string, string>();
/** Enough for a commune's distinct names and places; beyond it the cache starts over. */
const FOLDED_KEPT = 200_000;

/**
 * Unaccented, spaces collapsed. Names, places and book numbers repeat across thousands of
 * entries (parents of several children, one birthplace for a whole commune): each is folded once.
 */
function folded(text: string): string {
  let out = foldedCache.get(text);
  if (out === undefined) {
    if (foldedCache.size >= FOLDED_KEPT) foldedCache.clear();
    out = foldAccents(collapseSpaces(text.normalize('NFC')));
    foldedCache.set(text, out);
  }
  return out;
}

export function nameParts(text: string): NameParts {
  const full = folded(text);
  const words = full === '' ? [] : full.split(' ');
  return { full, family: words[0] ?? '', given: words[words.length - 1] ?? '' };
}

const FIXED_NOW = new Date(Date.UTC(2099, 0, 1));

export function parseDate(text: string | undefined): PartialDate | null {
  return text ? parseDateInput(text, FIXED_NOW) : null;
}

/** "007" → "7", "12a" → "12a": numbers as written, without the padding. */
export function plainNumber(text: string | undefined): string {
  const tidy = folded(text ?? '').replace(/\s/gu, '');
  return tidy.replace(/^0+(?=\d)/u, '');
}

/** "01/2017" → "1/2017". */
function plainBook(text: string | undefined): string {
  return plainNumber(text)
    .split('/')
    .map((part) => part.replace(/^0+(?=\d)/u, ''))
    .join('/');
}

function sexOf(text: string | undefined): 'M' | 'F' | '' {
  const sex = folded(text ?? '');
  if (sex === '1' || sex === 'nam') return 'M';
  if (sex === '2' || sex === 'nu') return 'F';
  return '';
}

export function prepare(record: LinkRecord): Prepared {
  const profile = profileOf(record.type);
  const f = record.fields;
  const regDate = parseDate(f.ngayDangKy);
  const quyen = plainBook(f.quyenSo);
  const bookYear = /\/(\d{4})$/u.exec(quyen)?.[1];
  return {
    record,
    name: nameParts(f[profile.name] ?? ''),
    birth: profile.birth ? parseDate(f[profile.birth]) : null,
    sex: profile.sex ? sexOf(f[profile.sex]) : '',
    relatives: profile.relatives.map((key) => nameParts(f[key] ?? '')),
    place: profile.place ? folded(f[profile.place] ?? '') : '',
    eventDate: profile.eventDate ? parseDate(f[profile.eventDate]) : null,
    so: plainNumber(f.so),
    quyen,
    regDate,
    regYear: regDate?.year ?? (bookYear ? Number(bookYear) : null),
  };
}

/** Every record prepared, with progress every `step` records (a 20k extract takes seconds). */
export function prepareAll(
  records: readonly LinkRecord[],
  onProgress?: (done: number, total: number) => void,
  step = 2000,
): Prepared[] {
  const out: Prepared[] = [];
  for (const record of records) {
    if (onProgress && out.length % step === 0) onProgress(out.length, records.length);
    out.push(prepare(record));
  }
  onProgress?.(records.length, records.length);
  return out;
}

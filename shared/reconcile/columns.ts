// Extracts of the population database (CSDLQGVDC) have columns of their own, not the Ministry's
// template: the officer says once which column holds what, for a register type, and the mapping
// is kept by the file's header row so the next file with the same headers is read the same way.
import { importedValue } from '../import/cells';
import { headerKey } from '../import/headers';
import { defaultTemplateFor, fieldByKey, registerTypes } from '../registers';
import type { RegisterTypeCode } from '../registers/types';
import { foldAccents } from '../text/vietnamese';
import { profileOf } from './profile';

/** Which column (0-based) holds each field, by the register template's field keys. */
export type ColumnMapping = Record<string, number>;

/** A mapping as it is kept: for one register type and one header row. */
export interface SavedColumns {
  type: RegisterTypeCode;
  /** The header row it was made for, as the file wrote it. */
  headers: string[];
  columns: ColumnMapping;
}

export interface MappableField {
  key: string;
  /** Without it no row can be linked: the name says who, the registration date the year. */
  isRequired: boolean;
}

/** The fields the linker compares for a register type, in the order the officer maps them. */
export function mappableFields(type: RegisterTypeCode): MappableField[] {
  const profile = profileOf(type);
  const keys = [
    profile.name,
    profile.birth,
    profile.sex,
    ...profile.relatives,
    profile.place,
    profile.eventDate,
    'so',
    'quyenSo',
    'ngayDangKy',
  ].filter((key): key is string => key !== undefined);
  return [...new Set(keys)].map((key) => ({
    key,
    isRequired: key === profile.name || key === 'ngayDangKy',
  }));
}

/** A header as compared: no accents, case, punctuation or spacing ("Họ và tên:" → "ho va ten"). */
export function plainHeader(header: string): string {
  return foldAccents(header.normalize('NFC'))
    .replace(/[^a-z0-9]+/gu, ' ')
    .trim();
}

/** The key a mapping is kept under: the header row, compared as the Ministry's importer does. */
export function headerSignature(headers: readonly string[]): string {
  const keys = headers.map((header) => headerKey(header));
  while (keys.length > 0 && keys[keys.length - 1] === '') keys.pop();
  return keys.join('|');
}

/** Setting key of the mapping for files with this header row (renderer/db/setting-keys.ts). */
export const columnsSettingKey = (headers: readonly string[]): string =>
  `reconcile.columns:${headerSignature(headers)}`;

// Usual headers of the population database's exports and of communes' own lists, unaccented.
const usual: Record<string, readonly string[]> = {
  name: ['ho ten', 'ho va ten', 'ho ten cong dan', 'ho va ten cong dan', 'ten'],
  birth: ['ngay sinh', 'ngay thang nam sinh', 'sinh ngay', 'nam sinh'],
  sex: ['gioi tinh', 'gt'],
  mother: ['ho ten me', 'ho va ten me', 'me', 'ten me'],
  father: ['ho ten cha', 'ho va ten cha', 'cha', 'ten cha', 'ho ten bo', 'bo'],
  spouse: ['ho ten vo', 'ho va ten vo', 'vo'],
  parent: ['ho ten cha me', 'ho ten nguoi nhan', 'nguoi nhan'],
  place: ['noi sinh', 'noi chet', 'noi mat'],
  eventDate: ['ngay chet', 'ngay mat', 'ngay tu'],
  so: ['so', 'so dang ky', 'so dk', 'so khai sinh', 'so dang ky khai sinh'],
  quyenSo: ['quyen so', 'quyen', 'so quyen'],
  ngayDangKy: ['ngay dang ky', 'ngay dk', 'ngay dang ky khai sinh'],
};

function roleOf(type: RegisterTypeCode, key: string): string {
  const profile = profileOf(type);
  if (key === profile.name) return 'name';
  if (key === profile.birth) return 'birth';
  if (key === profile.sex) return 'sex';
  if (key === profile.place) return 'place';
  if (key === profile.eventDate) return 'eventDate';
  if (key.startsWith('me')) return 'mother';
  if (key.startsWith('cha')) return 'father';
  if (key.startsWith('vo')) return 'spouse';
  if (key.startsWith('cm')) return 'parent';
  return key;
}

/** A first mapping from the headers' usual wordings; the officer checks and completes it. */
export function guessColumns(type: RegisterTypeCode, headers: readonly string[]): ColumnMapping {
  const plain = headers.map(plainHeader);
  const taken = new Set<number>();
  const out: ColumnMapping = {};
  for (const { key } of mappableFields(type)) {
    const words = usual[roleOf(type, key)] ?? [];
    const index = plain.findIndex((header, i) => !taken.has(i) && words.includes(header));
    if (index >= 0) {
      out[key] = index;
      taken.add(index);
    }
  }
  return out;
}

/** Required fields no column was chosen for. */
export function unmappedRequired(type: RegisterTypeCode, columns: ColumnMapping): string[] {
  return mappableFields(type)
    .filter((field) => field.isRequired && columns[field.key] === undefined)
    .map((field) => field.key);
}

/** Columns chosen for two fields at once: one column says one thing. */
export function repeatedColumns(columns: ColumnMapping): number[] {
  const seen = new Set<number>();
  const repeated = new Set<number>();
  for (const index of Object.values(columns)) {
    if (seen.has(index)) repeated.add(index);
    seen.add(index);
  }
  return [...repeated].sort((a, b) => a - b);
}

/** A kept mapping read back, or null when it is not one (an older shape, a hand edit). */
export function parseSavedColumns(value: unknown): SavedColumns | null {
  if (typeof value !== 'object' || value === null) return null;
  const { type, headers, columns } = value as Record<string, unknown>;
  if (!registerTypes.some((info) => info.type === type)) return null;
  if (!Array.isArray(headers) || !headers.every((h) => typeof h === 'string')) return null;
  if (typeof columns !== 'object' || columns === null) return null;
  const fields = new Set(mappableFields(type as RegisterTypeCode).map((field) => field.key));
  const out: ColumnMapping = {};
  for (const [key, index] of Object.entries(columns as Record<string, unknown>)) {
    if (!fields.has(key) || typeof index !== 'number' || !Number.isInteger(index) || index < 0) {
      return null;
    }
    out[key] = index;
  }
  return { type: type as RegisterTypeCode, headers, columns: out };
}

/** One row's cells as the mapping reads them: each field's value as the form would store it. */
export function mappedValues(
  saved: SavedColumns,
  cells: readonly string[],
): Record<string, string> {
  const template = defaultTemplateFor(saved.type);
  const out: Record<string, string> = {};
  for (const [key, index] of Object.entries(saved.columns)) {
    const field = fieldByKey(template, key);
    if (field) out[key] = importedValue(field, cells[index] ?? '');
  }
  return out;
}

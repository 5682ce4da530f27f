// What the form may offer for a field without typing: the previous entry's value (carried
// forward or copied by ditto) and values already typed in this book. Nothing here fills a
// field by itself: the form shows a suggestion and the officer accepts it with a key.
import { searchCodeList, getCodeList } from '../../../shared/registers';
import type { FieldDef, RegisterTemplate } from '../../../shared/registers/types';
import { collapseSpaces, foldAccents } from '../../../shared/text/vietnamese';

/** Fields worth carrying from one entry to the next when the book does not say otherwise. */
export function defaultCarryForward(template: RegisterTemplate): string[] {
  return template.fields
    .filter(
      (field) =>
        field.shownByDefault &&
        !field.bookDefault &&
        (field.key === 'ngayDangKy' ||
          field.key === 'trangSo' ||
          field.key === 'loaiDangKy' ||
          field.kind === 'place' ||
          (field.kind === 'code' && /DanToc|QuocTich$/u.test(field.key))),
    )
    .map((field) => field.key);
}

/** Carried-forward suggestions: the previous entry's value for empty carried fields. */
export function carrySuggestions(
  carryKeys: readonly string[],
  previous: Record<string, string> | undefined,
  current: Record<string, string>,
): Record<string, string> {
  const suggestions: Record<string, string> = {};
  if (!previous) return suggestions;
  for (const key of carryKeys) {
    const value = previous[key] ?? '';
    if (value !== '' && (current[key] ?? '') === '') suggestions[key] = value;
  }
  return suggestions;
}

/** Fields whose values repeat across a book and are worth offering as the officer types. */
export function isBookValueField(field: FieldDef): boolean {
  return field.kind === 'place' || field.bookDefault !== undefined || /QuanHe$/u.test(field.key);
}

export type BookValues = Map<string, Map<string, number>>;

/** Place fields share one pool: the mother's residence is often the father's too. */
function poolOf(field: FieldDef): string {
  return field.kind === 'place' ? 'place' : field.key;
}

/** Counts each distinct value of the autocompleted fields across the book's entries. */
export function collectBookValues(
  template: RegisterTemplate,
  entries: Iterable<Record<string, string>>,
  values: BookValues = new Map(),
): BookValues {
  for (const fields of entries) addBookValues(template, values, fields);
  return values;
}

export function addBookValues(
  template: RegisterTemplate,
  values: BookValues,
  fields: Record<string, string>,
): void {
  for (const field of template.fields) {
    if (!isBookValueField(field)) continue;
    const value = collapseSpaces(fields[field.key] ?? '');
    if (value === '') continue;
    const pool = poolOf(field);
    let counts = values.get(pool);
    if (!counts) values.set(pool, (counts = new Map<string, number>()));
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
}

export interface Option {
  /** What the field will hold when chosen. */
  value: string;
  /** What the list shows. */
  label: string;
}

/** 2: the value starts with the query; 1: a later word does; 0: no match. */
function matches(candidate: string, query: string): 0 | 1 | 2 {
  const folded = foldAccents(candidate);
  if (folded.startsWith(query)) return 2;
  const words = folded.replace(/[,.;/-]+/gu, ' ');
  return words.includes(` ${query}`) ? 1 : 0;
}

/**
 * Options for a field as typed so far: code lists by code, name or unaccented name; other
 * fields from the book's values, prefix matches first, then word matches, most used first.
 */
export function optionsFor(
  field: FieldDef,
  typed: string,
  bookValues: BookValues | undefined,
  limit = 8,
): Option[] {
  const query = foldAccents(collapseSpaces(typed));
  if (field.codeListId) {
    const list = getCodeList(field.codeListId);
    const items = query === '' ? list.items.slice(0, limit) : searchCodeList(list, typed, limit);
    return items.map((item) => ({
      value: list.writes === 'code' ? item.code : item.label,
      label: list.writes === 'code' ? `${item.code} – ${item.label}` : item.label,
    }));
  }
  const counts = bookValues?.get(poolOf(field));
  if (!counts || query === '') return [];
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count, score: matches(value, query) }))
    .filter((candidate) => candidate.score > 0 && foldAccents(candidate.value) !== query)
    .sort((a, b) => b.score - a.score || b.count - a.count || a.value.localeCompare(b.value, 'vi'))
    .slice(0, limit)
    .map(({ value }) => ({ value, label: value }));
}

// "Possible duplicate" means the same person registered twice: the template's duplicateKey
// fields all agree. It only warns; twins are a recorded answer, not an exception here.
import type { FieldDef, RegisterTemplate } from '../registers/types';
import type { EntryRef, Issue } from './types';
import { getCodeList, matchCode } from '../registers/code-lists';
import { normalizeDateInput } from '../text/dates';
import { foldAccents, toNFC } from '../text/vietnamese';

/**
 * The form two values share when they say the same thing: dates in canonical form, codes as
 * their code, text without marks, case or spaces. Empty stays empty.
 */
function comparable(field: FieldDef | undefined, raw: string | undefined): string {
  const value = toNFC(raw ?? '').trim();
  if (value === '') return '';
  if (field?.kind === 'date') {
    const date = normalizeDateInput(value);
    if (date !== null) return date;
  }
  if (field?.kind === 'code' && field.codeListId) {
    const item = matchCode(getCodeList(field.codeListId), value);
    if (item) return item.code;
  }
  return foldAccents(value).replace(/\s+/gu, '');
}

/**
 * Ids of the other entries whose duplicateKey fields all match this entry's. An empty field
 * never matches (two unknown birth dates say nothing), and the entry is never its own duplicate.
 */
export function findPossibleDuplicates(
  template: RegisterTemplate,
  entry: EntryRef,
  others: readonly EntryRef[],
): string[] {
  const keyFields = template.checks?.duplicateKey ?? [];
  if (keyFields.length === 0) return [];
  const defs = keyFields.map((key) => template.fields.find((field) => field.key === key));
  const keyOf = (fields: Record<string, string>): string[] | null => {
    const parts = keyFields.map((key, i) => comparable(defs[i], fields[key]));
    return parts.includes('') ? null : parts;
  };
  const own = keyOf(entry.fields);
  if (own === null) return [];
  return others
    .filter((other) => {
      if (other.id === entry.id) return false;
      const theirs = keyOf(other.fields);
      return theirs !== null && theirs.every((part, i) => part === own[i]);
    })
    .map((other) => other.id);
}

/**
 * Possible duplicates found in another book also name that book (`otherBook`), since the
 * entry's number alone points into the wrong book. `bookOf` maps such entries' ids to a label.
 */
export function nameOtherBooks(
  issues: readonly Issue[],
  bookOf: ReadonlyMap<string, string>,
): Issue[] {
  return issues.map((issue) => {
    const otherId = issue.params?.otherId;
    const book =
      issue.rule === 'possibleDuplicate' && typeof otherId === 'string'
        ? bookOf.get(otherId)
        : undefined;
    return book === undefined ? issue : { ...issue, params: { ...issue.params, otherBook: book } };
  });
}

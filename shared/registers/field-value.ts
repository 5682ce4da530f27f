// What a value becomes once it is in a field: the same text in the form the Ministry expects,
// whether the officer typed it (on leaving the field) or it came from a sheet. Unrecognised
// input is kept as typed so validation can point at it; only invisible characters go.
import { normalizeDateInput } from '../text/dates';
import { removeInvisibleChars } from '../text/invisible';
import { collapseSpaces, normalizeName } from '../text/vietnamese';
import { getCodeList, writtenValue } from './code-lists';
import type { FieldDef } from './types';

export function normalizeFieldValue(field: FieldDef, raw: string): string {
  const value = collapseSpaces(removeInvisibleChars(raw.normalize('NFC')));
  if (value === '') return '';
  switch (field.kind) {
    case 'personName':
      return normalizeName(value);
    case 'date':
      return normalizeDateInput(value) ?? value;
    case 'code':
      return field.codeListId
        ? (writtenValue(getCodeList(field.codeListId), value) ?? value)
        : value;
    default:
      // Relations: a usual value in the list's wording ("cha" → "Cha"); others as typed.
      return field.wordingListId
        ? (writtenValue(getCodeList(field.wordingListId), value) ?? value)
        : value;
  }
}

// What a typed value becomes when the officer leaves the field: the same text in the form
// the Ministry expects. Unrecognised input is kept as typed so validation can point at it.
import { getCodeList, writtenValue } from '../../../shared/registers';
import type { FieldDef } from '../../../shared/registers/types';
import { normalizeDateInput } from '../../../shared/text/dates';
import { collapseSpaces, normalizeName } from '../../../shared/text/vietnamese';

export function normalizeOnCommit(field: FieldDef, raw: string): string {
  const value = collapseSpaces(raw.normalize('NFC'));
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
      return value;
  }
}

// Checks one entry against its template. Errors block export; warnings flag what a book may
// really say (an odd name, an old age-for-year habit) and are allowed with a reason.
import type { FieldDef, RegisterTemplate } from '../registers/types';
import type { Issue, RuleId, ValidationResult } from './types';
import { getCodeList, matchCode } from '../registers/code-lists';
import {
  ageToBirthYear,
  compareDates,
  isPlausibleYear,
  parseDateInput,
  suggestYearFix,
} from '../text/dates';
import type { PartialDate } from '../text/dates';
import { toNFC, unusualNameChars } from '../text/vietnamese';

export interface EntryRef {
  id: string;
  fields: Record<string, string>;
}

export interface ValidationContext {
  /** Year the book was opened: stands in for the registration year when the date is missing. */
  bookYear?: number;
  /** The other entries of the same book, for the unique-number check. */
  otherEntries?: EntryRef[];
  /** This entry's id, so it is not compared with itself. */
  selfId?: string;
  /** Today; passed in by tests. */
  now?: Date;
}

const QUYEN_SO_FORMAT = /^\d{1,3}\/\d{4}$/u;

/** The identity of an entry number within a book: "007" and "7" are the same. */
export function soKey(so: string): string {
  const text = toNFC(so).trim();
  return /^\d+$/u.test(text) ? text.replace(/^0+(?=\d)/u, '') : text;
}

function read(fields: Record<string, string>, key: string): string {
  return toNFC(fields[key] ?? '').trim();
}

export function validateEntry(
  template: RegisterTemplate,
  fields: Record<string, string>,
  ctx: ValidationContext = {},
): ValidationResult {
  const now = ctx.now ?? new Date();
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const error = (field: string, rule: RuleId, params?: Issue['params']): void => {
    errors.push(
      params ? { field, rule, severity: 'error', params } : { field, rule, severity: 'error' },
    );
  };
  const warn = (field: string, rule: RuleId, params?: Issue['params']): void => {
    warnings.push(
      params ? { field, rule, severity: 'warning', params } : { field, rule, severity: 'warning' },
    );
  };

  const registered = parseDateInput(read(fields, 'ngayDangKy'), now);
  const registrationYear = registered?.year ?? ctx.bookYear;
  // Fields of the main person share the prefix of the main name field ("nks" in nksHoTen).
  const mainPrefix = template.mainNameField.replace(/HoTen$/u, '');
  const dates = new Map<string, PartialDate>();

  const checkDate = (field: FieldDef, value: string): void => {
    const parsed = parseDateInput(value, now);
    const isOtherPersonsBirth = field.key.endsWith('NgaySinh') && !field.key.startsWith(mainPrefix);
    if (!parsed) {
      error(field.key, 'invalidDate', { value });
      const age = /^\d{1,2}$/u.test(value) ? Number(value) : null;
      if (isOtherPersonsBirth && age !== null && age > 0) {
        const suggestion =
          registrationYear === undefined ? null : ageToBirthYear(value, registrationYear);
        warn(field.key, 'ageInsteadOfYear', suggestion === null ? { age } : { age, suggestion });
      }
      return;
    }
    dates.set(field.key, parsed);
    // Birth and document dates cannot postdate the registration; other dates (annotations
    // made later) only cannot be in the future.
    const isBeforeRegistration = /NgaySinh|NgayCap/u.test(field.key);
    const refYear = isBeforeRegistration
      ? (registrationYear ?? now.getFullYear())
      : now.getFullYear();
    if (!isPlausibleYear(parsed.year, refYear)) {
      const suggestion = suggestYearFix(parsed.year, refYear);
      warn(
        field.key,
        'implausibleYear',
        suggestion === null ? { year: parsed.year } : { year: parsed.year, suggestion },
      );
    }
  };

  for (const field of template.fields) {
    if (field.generated) continue;
    const value = read(fields, field.key);
    if (value === '') {
      if (field.required) error(field.key, 'required');
      continue;
    }
    if (field.kind === 'date') checkDate(field, value);
    if (field.kind === 'code' && field.codeListId) {
      if (!matchCode(getCodeList(field.codeListId), value)) {
        error(field.key, 'unknownCode', { value });
      }
    }
    if (field.kind === 'personName') {
      const chars = unusualNameChars(value);
      if (chars.length > 0) warn(field.key, 'unusualNameChars', { chars: chars.join(' ') });
    }
  }

  const quyenSo = read(fields, 'quyenSo');
  if (quyenSo !== '' && !QUYEN_SO_FORMAT.test(quyenSo)) error('quyenSo', 'quyenSoFormat');

  const so = read(fields, 'so');
  if (so !== '') {
    if (!/^\d+$/u.test(so)) error('so', 'soNotNumeric');
    const key = soKey(so);
    const twin = (ctx.otherEntries ?? []).find(
      (other) => other.id !== ctx.selfId && soKey(other.fields.so ?? '') === key,
    );
    if (twin) error('so', 'duplicateSo', { otherId: twin.id, otherSo: read(twin.fields, 'so') });
  }

  const birthKey = `${mainPrefix}NgaySinh`;
  const born = dates.get(birthKey);
  if (born && registered && compareDates(born, registered) > 0) {
    error(birthKey, 'bornAfterRegistered');
  }

  return { errors, warnings };
}

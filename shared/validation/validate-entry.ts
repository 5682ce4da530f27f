// Checks one entry against its template. Errors block export; warnings flag what a book may
// really say (an odd name, an old age-for-year habit) and are allowed with a reason.
import type { FieldDef, RegisterTemplate, TemplateChecks } from '../registers/types';
import type { EntryRef, Issue, RuleId, ValidationResult } from './types';
import { isRuleId } from './types';
import { getCodeList, matchCode } from '../registers/code-lists';
import {
  ageBounds,
  ageToBirthYear,
  compareDates,
  isPlausibleYear,
  parseDateInput,
  suggestYearFix,
} from '../text/dates';
import { findInvisibleChars } from '../text/invisible';
import { toNFC, unusualNameChars } from '../text/vietnamese';
import { findPossibleDuplicates } from './duplicates';
import { isValidIdNumber, isValidPersonalId } from './id-numbers';

export interface ValidationContext {
  /** Year the book was opened: stands in for the registration year when the date is missing. */
  bookYear?: number;
  /**
   * Other entries of the same book: for the unique-number check and possible duplicates.
   * Passing only the likely ones (same number, same name) is enough.
   */
  otherEntries?: EntryRef[];
  /** Entries of other books, for possible duplicates only (numbers repeat across books). */
  otherBookEntries?: EntryRef[];
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
    // Excel drops them, so the workbook would differ from the entry; leaving the field on the
    // form removes them.
    const hidden = findInvisibleChars(value);
    if (hidden.length > 0) error(field.key, 'invisibleChars', { chars: hidden.join(', ') });
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

  checkCrossFields(template.checks ?? legacyChecks(mainPrefix), fields, now, error, warn);

  // One entry may reach us through both lists; it is still one possible duplicate.
  const candidates = [
    ...new Map(
      [...(ctx.otherEntries ?? []), ...(ctx.otherBookEntries ?? [])].map((e) => [e.id, e]),
    ).values(),
  ];
  const duplicateIds = findPossibleDuplicates(
    template,
    { id: ctx.selfId ?? '', fields },
    candidates,
  );
  for (const other of candidates.filter((entry) => duplicateIds.includes(entry.id))) {
    warn(template.mainNameField, 'possibleDuplicate', {
      otherId: other.id,
      otherSo: read(other.fields, 'so'),
    });
  }

  return { errors, warnings };
}

/**
 * Templates written before checks were data kept one rule: the main person's birth is not after
 * the registration.
 */
function legacyChecks(mainPrefix: string): TemplateChecks {
  return {
    dateOrder: [
      { earlier: `${mainPrefix}NgaySinh`, later: 'ngayDangKy', rule: 'bornAfterRegistered' },
    ],
  };
}

/** A rule id from template data; an unknown one is a data bug, so it throws like getCodeList. */
function ruleOf(rule: string): RuleId {
  if (!isRuleId(rule)) throw new Error(`Template checks name an unknown rule "${rule}"`);
  return rule;
}

type Report = (field: string, rule: RuleId, params?: Issue['params']) => void;

function checkCrossFields(
  checks: TemplateChecks,
  fields: Record<string, string>,
  now: Date,
  error: Report,
  warn: Report,
): void {
  const dateOf = (key: string) => parseDateInput(read(fields, key), now);
  // Rule ids are resolved before any data is read, so a bad id fails every entry, not only
  // the rare one that breaks the rule.
  const dateOrder = (checks.dateOrder ?? []).map((check) => ({
    ...check,
    rule: ruleOf(check.rule),
  }));
  const minAge = (checks.minAge ?? []).map((check) => ({ ...check, rule: ruleOf(check.rule) }));

  for (const { earlier, later, rule } of dateOrder) {
    const a = dateOf(earlier);
    const b = dateOf(later);
    if (a && b && compareDates(a, b) > 0) error(earlier, rule);
  }

  for (const { birth, at, years, rule } of minAge) {
    const born = dateOf(birth);
    const when = dateOf(at);
    if (!born || !when) continue;
    const age = ageBounds(born, when);
    // Warn only when every reading of partial dates is under age; a birth after the event is
    // the date-order rule's business, not an age.
    if (age.max < years && age.max >= 0) warn(birth, rule, { years, age: age.max });
  }

  for (const { typeField, numberField } of checks.idDocuments ?? []) {
    const number = read(fields, numberField);
    const type = read(fields, typeField);
    if (number === '' || type === '') continue;
    // The number formats follow the Ministry's loaiGiayTo codes; an unknown type is reported on
    // its own field by the code-list check.
    const item = matchCode(getCodeList('loaiGiayTo'), type);
    if (item && !isValidIdNumber(item.code, number)) {
      error(numberField, 'idNumberFormat', { type: item.label, code: item.code });
    }
  }

  for (const key of checks.personalIds ?? []) {
    const number = read(fields, key);
    if (number !== '' && !isValidPersonalId(number)) error(key, 'personalIdFormat');
  }
}

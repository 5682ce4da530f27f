// Checks one entry against its template. Errors block export; warnings flag what a book may
// really say (an odd name, an old age-for-year habit) and are allowed with a reason.
// The form, submission, approval and export all call this with the same context (see
// book-context.ts), so they give one verdict, the rules across entries included.
import { dateInName, defaultPdfNaming, soNumberOf, type PdfNaming } from '../bundle/names';
import type { FieldDef, RegisterTemplate, TemplateChecks } from '../registers/types';
import type { EntryRef, Issue, RuleId, ValidationResult } from './types';
import { isRuleId } from './types';
import { getCodeList, matchCode } from '../registers/code-lists';
import {
  ageBounds,
  ageToBirthYear,
  compareDates,
  dateInWords,
  dateWordsAgree,
  isPlausibleYear,
  parseDateInput,
  suggestYearFix,
} from '../text/dates';
import { findInvisibleChars } from '../text/invisible';
import { toNFC, unusualNameChars } from '../text/vietnamese';
import { findPossibleDuplicates } from './duplicates';
import { isValidIdNumber, isValidPersonalId } from './id-numbers';
import { underMarriageAge } from './marriage-law';

export interface ValidationContext {
  /**
   * Year the book was opened: stands in for the registration year when the date is missing,
   * and no registration predates it (a book runs on over later years, never back).
   */
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
  /**
   * Every entry number of the book (number parts, any order): a number skipped before this
   * entry's is a warning. Absent: not checked.
   */
  bookNumbers?: readonly number[];
  /** How the book names its PDFs: two entries whose names would be the same are an error. */
  naming?: PdfNaming;
  /** Today; passed in by tests. */
  now?: Date;
}

const QUYEN_SO_FORMAT = /^\d{1,3}\/\d{4}$/u;

/**
 * The identity of an entry number within a book, as its PDF name gives it: "007", "7" and
 * "7/2018" are the same; "7a" is not. '' for no số; the text itself when it has no number part.
 */
export function soKey(so: string): string {
  const text = toNFC(so).trim();
  const number = soNumberOf(text);
  return number === null ? text : `${number.value}${number.suffix}`;
}

// Numbers of documents, decisions and notices: the vendor's forms take digits only, so
// anything else may not import, though the book may really say it.
const DIGIT_NUMBER_FIELDS = new Set(['quyetDinhSo', 'gbtSo']);
// Identity papers of these types have no national format (idNumberFormat checks the others;
// passports hold letters by design).
const FREE_ID_TYPES = new Set(['3', '8']);

/** The largest number below `value` in the book, or null when there is none. */
function previousNumber(numbers: readonly number[], value: number): number | null {
  let best: number | null = null;
  for (const n of numbers) if (n < value && (best === null || n > best)) best = n;
  return best;
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
  const issue = (
    severity: Issue['severity'],
    field: string,
    rule: RuleId,
    params?: Issue['params'],
    subject?: string,
  ): Issue => ({
    field,
    rule,
    severity,
    ...(params ? { params } : {}),
    ...(subject === undefined ? {} : { subject }),
  });
  const error: Report = (...args) => {
    errors.push(issue('error', ...args));
  };
  const warn: Report = (...args) => {
    warnings.push(issue('warning', ...args));
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
      // A torn page leaves no số: the officer confirms it (missingSo) instead.
      if (field.required && field.key !== 'so') error(field.key, 'required');
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
    if (field.wordingListId && !matchCode(getCodeList(field.wordingListId), value)) {
      warn(field.key, 'unknownRelation', { value });
    }
  }

  // A date in words says what its date says: words made from a date corrected since, or copied
  // wrongly from the book, are flagged until they agree or the officer confirms the book's.
  for (const field of template.fields) {
    if (!field.wordsOf) continue;
    const words = read(fields, field.key);
    const date = parseDateInput(read(fields, field.wordsOf), now);
    if (words !== '' && date && !dateWordsAgree(words, date)) {
      warn(field.key, 'wordsDisagree', { expected: dateInWords(date) });
    }
  }

  const quyenSo = read(fields, 'quyenSo');
  if (quyenSo !== '' && !QUYEN_SO_FORMAT.test(quyenSo)) error('quyenSo', 'quyenSoFormat');

  const naming = ctx.naming ?? defaultPdfNaming;
  if (registered && (registered.month === undefined || registered.day === undefined)) {
    warn('ngayDangKy', 'partialDate', { name: dateInName(registered, naming) });
  }
  // A multi-year book holds later years' registrations, never earlier ones: a year before the
  // book's is a misread year or an entry of another book.
  if (registered && ctx.bookYear !== undefined && registered.year < ctx.bookYear) {
    warn('ngayDangKy', 'registeredBeforeBook', { year: registered.year, bookYear: ctx.bookYear });
  }
  if (template.fields.some((field) => field.key === 'so')) {
    checkNumber(fields, ctx, naming, error, warn);
  }

  for (const key of DIGIT_NUMBER_FIELDS) {
    const value = read(fields, key);
    if (value !== '' && !/^\d+$/u.test(value)) warn(key, 'numberNotDigits');
  }
  for (const field of template.fields) {
    if (!field.key.endsWith('SoGiayToTuyThan')) continue;
    const value = read(fields, field.key);
    const type = matchCode(
      getCodeList('loaiGiayTo'),
      read(fields, field.key.replace(/SoGiayToTuyThan$/u, 'LoaiGiayToTuyThan')),
    );
    if (value !== '' && type && FREE_ID_TYPES.has(type.code) && !/^\d+$/u.test(value)) {
      warn(field.key, 'numberNotDigits');
    }
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

type Report = (field: string, rule: RuleId, params?: Issue['params'], subject?: string) => void;

/**
 * Số rules. Two entries whose PDF names would be the same (same number, same date as named) are
 * an error; the same number on another date is normal in a book whose numbering restarts, so
 * a warning confirmed once for that pair.
 */
function checkNumber(
  fields: Record<string, string>,
  ctx: ValidationContext,
  naming: PdfNaming,
  error: Report,
  warn: Report,
): void {
  const so = read(fields, 'so');
  const number = soNumberOf(so);
  if (so === '') warn('so', 'missingSo', { name: naming.missingSo === 'null' ? 'null' : '000' });
  else if (number === null) error('so', 'soNotNumeric');
  else if (number.value > 999) warn('so', 'soOver999');

  const dateKey = (values: Record<string, string>): string => {
    const date = parseDateInput(read(values, 'ngayDangKy'), ctx.now);
    return date ? dateInName(date, naming) : read(values, 'ngayDangKy');
  };
  const key = soKey(so);
  const ownDate = dateKey(fields);
  for (const other of ctx.otherEntries ?? []) {
    if (other.id === ctx.selfId || soKey(other.fields.so ?? '') !== key) continue;
    const otherSo = read(other.fields, 'so');
    if (dateKey(other.fields) === ownDate) {
      error('so', 'duplicateSo', { otherId: other.id, otherSo });
    } else if (so !== '') {
      const otherDate = read(other.fields, 'ngayDangKy');
      warn('so', 'soRepeated', { otherId: other.id, otherSo, otherDate }, other.id);
    }
  }

  if (number !== null && ctx.bookNumbers) {
    const previous = previousNumber(ctx.bookNumbers, number.value);
    if (previous !== null && number.value - previous > 1) {
      const from = previous + 1;
      const to = number.value - 1;
      warn('so', 'numberingGap', { from, to }, `${from}-${to}`);
    }
  }
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
  const ageRange = (checks.ageRange ?? []).map((check) => ({
    ...check,
    rule: ruleOf(check.rule),
  }));

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

  for (const { birth, at, min, max, rule } of ageRange) {
    const born = dateOf(birth);
    const when = dateOf(at);
    // A year already flagged as implausible ("1098") gives no age worth a second message.
    if (!born || !when || !isPlausibleYear(born.year, when.year)) continue;
    const age = ageBounds(born, when);
    // As for minAge: only when every reading of partial dates is outside; a birth after the
    // event is the date-order rule's.
    if (age.max >= 0 && age.max < min) warn(birth, rule, { age: age.max, min, max });
    else if (age.min > max) warn(birth, rule, { age: age.min, min, max });
  }

  for (const { birth, at, sex } of checks.marriageAge ?? []) {
    const born = dateOf(birth);
    const when = dateOf(at);
    if (!born || !when) continue;
    const under = underMarriageAge(born, when, sex);
    if (under) warn(birth, 'underMarriageAge', { ...under });
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

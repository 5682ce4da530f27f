// Issues carry a rule id and parameters only; the renderer words them through the i18n keys
// `validation.<rule>`, so every id emitted anywhere in shared/ is listed in `ruleIds`.

/** Rules checked on one entry (validateEntry). */
const entryRules = [
  'required',
  'invalidDate',
  'quyenSoFormat',
  'unknownCode',
  'bornAfterRegistered',
  'soNotNumeric',
  'duplicateSo',
  'unusualNameChars',
  'invisibleChars',
  'implausibleYear',
  'ageInsteadOfYear',
  // Cross-field rules: template data (RegisterTemplate.checks) names which one applies where.
  'diedBeforeBorn',
  'diedAfterRegistered',
  'parentYoungerThanChild',
  'underMarriageAge',
  'idNumberFormat',
  'personalIdFormat',
  'possibleDuplicate',
] as const;

/** Rules checked on a whole book (the entry list). */
const bookRules = ['numberingGap'] as const;

/** Problems found when naming PDFs and planning a book's bundle (pdfFileName, planBundle). */
const bundleRules = [
  'missingSo',
  'missingQuyenSo',
  'badQuyenSo',
  'missingDate',
  'badDate',
  'partialDate',
  'badBookYear',
  'quyenSoMismatch',
  'pdfNameClash',
  'noPages',
  'noEntries',
] as const;

export const ruleIds = [...entryRules, ...bookRules, ...bundleRules] as const;

export type RuleId = (typeof ruleIds)[number];

const known: ReadonlySet<string> = new Set(ruleIds);

/** Template data names rules as plain strings; this tells whether one is a rule we can word. */
export function isRuleId(value: string): value is RuleId {
  return known.has(value);
}

export type PdfNameProblem = Extract<
  RuleId,
  | 'missingSo'
  | 'soNotNumeric'
  | 'missingQuyenSo'
  | 'badQuyenSo'
  | 'missingDate'
  | 'badDate'
  | 'partialDate'
  | 'badBookYear'
>;

/** An entry as validation sees it: its id and its field values by template key. */
export interface EntryRef {
  id: string;
  fields: Record<string, string>;
}

export type Severity = 'error' | 'warning';

export interface Issue {
  /** Field key the issue belongs to. */
  field: string;
  rule: RuleId;
  severity: Severity;
  params?: Record<string, string | number>;
}

export interface ValidationResult {
  /** Block export until fixed. */
  errors: Issue[];
  /** Allowed, but worth a look (and a reason). */
  warnings: Issue[];
}

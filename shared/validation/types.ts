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
  'implausibleYear',
  'ageInsteadOfYear',
] as const;

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

export const ruleIds = [...entryRules, ...bundleRules] as const;

export type RuleId = (typeof ruleIds)[number];
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

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
  // Irregular entries real books hold, allowed once the officer confirms them.
  'missingSo',
  'partialDate',
  'soRepeated',
  'soOver999',
  'numberNotDigits',
  'numberingGap',
  'unusualNameChars',
  'invisibleChars',
  'implausibleYear',
  'ageInsteadOfYear',
  'wordsDisagree',
  // Cross-field rules: template data (RegisterTemplate.checks) names which one applies where.
  'diedBeforeBorn',
  'diedAfterRegistered',
  'parentYoungerThanChild',
  'underMarriageAge',
  'parentAgeAtBirth',
  'registeredBeforeBook',
  'unknownRelation',
  'idNumberFormat',
  'personalIdFormat',
  'possibleDuplicate',
] as const;

/** Problems found when naming PDFs and planning a book's bundle (pdfFileName, planBundle). */
const bundleRules = [
  'missingQuyenSo',
  'badQuyenSo',
  'missingDate',
  'badDate',
  'badBookYear',
  'quyenSoMismatch',
  'pdfNameClash',
  'noPages',
  'noEntries',
] as const;

export const ruleIds = [...entryRules, ...bundleRules] as const;

export type RuleId = (typeof ruleIds)[number];

const known: ReadonlySet<string> = new Set(ruleIds);

/** Template data names rules as plain strings; this tells whether one is a rule we can word. */
export function isRuleId(value: string): value is RuleId {
  return known.has(value);
}

export type PdfNameProblem = Extract<
  RuleId,
  'soNotNumeric' | 'missingQuyenSo' | 'badQuyenSo' | 'missingDate' | 'badDate' | 'badBookYear'
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
  /**
   * What the issue is about beyond its field and rule (the other entry of a repeated số, the
   * missing numbers of a gap): a confirmation holds for that subject only.
   */
  subject?: string;
}

export interface ValidationResult {
  /** Block export until fixed. */
  errors: Issue[];
  /** Allowed, but worth a look (and a reason). */
  warnings: Issue[];
}

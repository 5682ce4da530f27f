// A warning is kept, not fixed, by recording why (the book really says so; twins). Errors can
// never be acknowledged: they block until fixed.
import type { Issue, RuleId, ValidationResult } from './types';

export interface Acknowledgement {
  field: string;
  rule: RuleId;
  /** The issue's subject, when it has one (see Issue.subject). */
  subject?: string;
  /** The officer's answer, in their words; never empty. */
  reason: string;
  /** When, in ms since the epoch. */
  at: number;
  /** Who answered, when known. */
  by?: string;
}

/**
 * The recorded answer to a possible duplicate that is in fact twins. It is an ordinary reason,
 * so twins need no special case anywhere else.
 */
export const TWINS_REASON = 'song sinh';

/** One answer per field, rule and subject: a new answer replaces the old one. */
export function warningKey(issue: Pick<Issue, 'field' | 'rule' | 'subject'>): string {
  return issue.subject === undefined
    ? `${issue.field}:${issue.rule}`
    : `${issue.field}:${issue.rule}:${issue.subject}`;
}

/** Records a reason for keeping a warning. Throws on an error issue or an empty reason. */
export function acknowledge(
  issue: Issue,
  reason: string,
  at: number,
  by?: string,
): Acknowledgement {
  if (issue.severity !== 'warning') {
    throw new Error(`Only warnings can be acknowledged; ${warningKey(issue)} is an error`);
  }
  const text = reason.trim();
  if (text === '') {
    throw new Error(`A reason is required to acknowledge the warning ${warningKey(issue)}`);
  }
  const ack: Acknowledgement = {
    field: issue.field,
    rule: issue.rule,
    ...(issue.subject === undefined ? {} : { subject: issue.subject }),
    reason: text,
    at,
  };
  return by === undefined ? ack : { ...ack, by };
}

/** The warnings that still need an answer. */
export function pendingWarnings(
  result: ValidationResult,
  acks: readonly Acknowledgement[],
): Issue[] {
  const answered = new Set(
    acks.filter((ack) => ack.reason.trim() !== '').map((ack) => warningKey(ack)),
  );
  return result.warnings.filter((issue) => !answered.has(warningKey(issue)));
}

/**
 * The one verdict the form, submission, approval and export all give: 'ready' when there is no
 * error and every warning is answered.
 */
export type Verdict = 'ready' | 'errors' | 'unconfirmed';

export function verdictOf(result: ValidationResult, acks: readonly Acknowledgement[]): Verdict {
  if (result.errors.length > 0) return 'errors';
  return pendingWarnings(result, acks).length > 0 ? 'unconfirmed' : 'ready';
}

/** Ready for review: no errors, and every warning answered. */
export function canSubmit(result: ValidationResult, acks: readonly Acknowledgement[]): boolean {
  return verdictOf(result, acks) === 'ready';
}

// What the keyer saw, for the reviewer: every error and warning the entry has now, each warning
// with the keyer's reason when it was confirmed, so nothing kept on purpose passes unseen.
import { warningKey, type Acknowledgement } from '../../../shared/validation/acknowledgements';
import type { Issue, ValidationResult } from '../../../shared/validation/types';

export type CheckState = 'error' | 'unconfirmed' | 'confirmed';

export interface ReviewCheck {
  issue: Issue;
  state: CheckState;
  /** The keyer's answer, for a confirmed warning. */
  acknowledgement?: Acknowledgement;
}

/** Errors first, then warnings still open, then the confirmed ones; in field order within. */
export function reviewChecks(
  result: ValidationResult,
  acknowledgements: readonly Acknowledgement[],
  fieldOrder: readonly string[] = [],
): ReviewCheck[] {
  const answered = new Map(
    acknowledgements
      .filter((ack) => ack.reason.trim() !== '')
      .map((ack) => [warningKey(ack), ack] as const),
  );
  const checks: ReviewCheck[] = result.errors.map((issue) => ({ issue, state: 'error' }));
  for (const issue of result.warnings) {
    const ack = answered.get(warningKey(issue));
    checks.push(
      ack ? { issue, state: 'confirmed', acknowledgement: ack } : { issue, state: 'unconfirmed' },
    );
  }
  const rank: Record<CheckState, number> = { error: 0, unconfirmed: 1, confirmed: 2 };
  const position = (field: string) => {
    const index = fieldOrder.indexOf(field);
    return index === -1 ? fieldOrder.length : index;
  };
  return checks
    .map((check, index) => ({ check, index }))
    .sort(
      (a, b) =>
        rank[a.check.state] - rank[b.check.state] ||
        position(a.check.issue.field) - position(b.check.issue.field) ||
        a.index - b.index,
    )
    .map(({ check }) => check);
}

// The form's issues grouped by field, each field keeping its list from the check before while
// its issues stay the same: a memoised row then renders again only when its own issues change.
import type { Issue, ValidationResult } from '../../../shared/validation/types';

function sameParams(a: Issue['params'], b: Issue['params']): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function sameIssue(a: Issue, b: Issue): boolean {
  return (
    a.field === b.field &&
    a.rule === b.rule &&
    a.severity === b.severity &&
    a.subject === b.subject &&
    sameParams(a.params, b.params)
  );
}

/**
 * Errors first, then warnings, per field. A field whose issues read the same as in `previous`
 * gets `previous`'s very list back.
 */
export function issuesByField(
  result: ValidationResult,
  previous: ReadonlyMap<string, readonly Issue[]>,
): Map<string, readonly Issue[]> {
  const grouped = new Map<string, Issue[]>();
  for (const issue of [...result.errors, ...result.warnings]) {
    const list = grouped.get(issue.field);
    if (list) list.push(issue);
    else grouped.set(issue.field, [issue]);
  }
  const kept = new Map<string, readonly Issue[]>();
  for (const [field, issues] of grouped) {
    const before = previous.get(field);
    const isSame =
      before !== undefined &&
      before.length === issues.length &&
      before.every((issue, index) => sameIssue(issue, issues[index] as Issue));
    kept.set(field, isSame ? before : issues);
  }
  return kept;
}

/** Groups one check after another with `issuesByField`, each against the one before. */
export function issueGrouper(): (result: ValidationResult) => Map<string, readonly Issue[]> {
  let previous: ReadonlyMap<string, readonly Issue[]> = new Map();
  return (result) => {
    const grouped = issuesByField(result, previous);
    previous = grouped;
    return grouped;
  };
}

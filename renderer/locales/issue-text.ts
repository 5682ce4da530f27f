// A validation issue in the officer's words, the same on the form and in the Excel import.
// A check that offers a value (a corrected year) cannot always find one: the message for that
// case is the rule's `_noSuggestion` variant, so no placeholder is ever shown.
import type { TFunction } from 'i18next';
import type { Issue } from '../../shared/validation/types';

export function issueText(t: TFunction, issue: Pick<Issue, 'rule' | 'params'>): string {
  const params = issue.params ?? {};
  // i18next falls back to the plain message for rules without that variant.
  return params.suggestion === undefined
    ? t(`validation.${issue.rule}`, { ...params, context: 'noSuggestion' })
    : t(`validation.${issue.rule}`, params);
}

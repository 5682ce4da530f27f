// Rules the entry form applies as the officer types, kept apart from the form so they can be
// tested without a screen: a date's words follow the date, which fields start folded, and
// which entry the next one's number follows.
import { dateInWords, parseDateInput } from '../text/dates';
import type { FieldDef, FieldGroup, RegisterTemplate } from './types';

/** The words of a typed date ("ngày mười lăm tháng …"), or '' when it is not a date. */
export function wordsFor(value: string): string {
  const date = value ? parseDateInput(value) : null;
  return date ? dateInWords(date) : '';
}

/**
 * The words fields to rewrite after `field` changed from `before` to `after`: only those still
 * empty or still holding the old date's words, so an officer's own wording is never overwritten.
 */
export function wordsFollowingDate(
  template: Pick<RegisterTemplate, 'fields'>,
  values: Readonly<Record<string, string>>,
  field: string,
  before: string,
  after: string,
): Record<string, string> {
  const changes: Record<string, string> = {};
  for (const dependent of template.fields) {
    if (dependent.wordsOf !== field) continue;
    const current = values[dependent.key] ?? '';
    if (current === '' || current === wordsFor(before)) changes[dependent.key] = wordsFor(after);
  }
  return changes;
}

/** The form's fields: shown ones by group, in template order, and the rarely used folded ones. */
export function formLayout(template: Pick<RegisterTemplate, 'fields'>): {
  shown: [FieldGroup, FieldDef[]][];
  folded: FieldDef[];
} {
  const shown = new Map<FieldGroup, FieldDef[]>();
  const folded: FieldDef[] = [];
  for (const field of template.fields) {
    if (field.generated) continue;
    if (!field.shownByDefault) {
      folded.push(field);
      continue;
    }
    shown.set(field.group, [...(shown.get(field.group) ?? []), field]);
  }
  return { shown: [...shown.entries()], folded };
}

/**
 * What the next entry's number follows: the newest stored entry when it was typed after this
 * one, else this one as it is on screen (its last edits may not be stored yet).
 */
export function entryToFollow<T extends { createdAt: number }>(
  newest: T | undefined,
  onScreen: T,
): T {
  return newest && newest.createdAt > onScreen.createdAt ? newest : onScreen;
}

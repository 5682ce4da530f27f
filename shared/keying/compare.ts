// Blind double keying: two officers type the same entry without seeing each other's values.
// Their keyings are compared field by field after the normalisation every typed value gets on
// leaving its field (NFC, spaces, date shorthand, code wording), so "27/8/08" and "27.08.2008"
// agree and only real disagreements reach the arbitrator.
import { normalizeFieldValue } from '../registers/field-value';
import type { RegisterTemplate } from '../registers/types';

export type Keying = Readonly<Record<string, string>>;

/** A field the two keyings disagree on, both values normalised, without the keyers' names. */
export interface FieldDifference {
  key: string;
  a: string;
  b: string;
}

/** The fields the two keyings disagree on, in the template's order. */
export function compareKeyings(
  template: RegisterTemplate,
  a: Keying,
  b: Keying,
): FieldDifference[] {
  const differences: FieldDifference[] = [];
  for (const field of template.fields) {
    // The same text normalises the same: most fields of most entries agree as typed.
    if ((a[field.key] ?? '') === (b[field.key] ?? '')) continue;
    const valueA = normalizeFieldValue(field, a[field.key] ?? '');
    const valueB = normalizeFieldValue(field, b[field.key] ?? '');
    if (valueA !== valueB) differences.push({ key: field.key, a: valueA, b: valueB });
  }
  return differences;
}

/** The fields compared: every field either keying typed a value into, agreeing or not. */
export function fieldsCompared(template: RegisterTemplate, a: Keying, b: Keying): number {
  return template.fields.filter(
    (field) => !field.generated && ((a[field.key] ?? '') !== '' || (b[field.key] ?? '') !== ''),
  ).length;
}

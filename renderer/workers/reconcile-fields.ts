// The fields a linked pair is compared on: what an officer types, not what the app writes out
// (the row number, a date in words generated from the date beside it).
import { getTemplate } from '../../shared/registers';

export function diffKeys(templateVersion: string): string[] {
  return getTemplate(templateVersion)
    .fields.filter((field) => !field.generated && !field.wordsOf)
    .map((field) => field.key);
}

// An entry nothing has been typed into: only what the app fills by itself (its số, and the
// book's defaults such as quyển số or the signer) is there.
import type { RegisterTemplate } from './types';

export function isBlankEntry(template: RegisterTemplate, fields: Record<string, string>): boolean {
  return template.fields.every(
    (field) =>
      field.key === 'so' ||
      field.bookDefault !== undefined ||
      field.generated !== undefined ||
      (fields[field.key] ?? '').trim() === '',
  );
}

import type { RegisterTemplate } from '../../shared/registers/types';
import { collapseSpaces, foldAccents } from '../../shared/text/vietnamese';

/** The main person's name folded for lookups: "Nguyễn  Văn An" and "nguyen van an" meet. */
export function nameKeyOf(template: RegisterTemplate, fields: Record<string, string>): string {
  return foldAccents(collapseSpaces(fields[template.mainNameField] ?? ''));
}

// What a second keying starts from: the book's own defaults (the register's office and signer,
// as any new entry gets) and the number after this officer's own previous keying. Nothing of
// the entry's first keying: the second keyer types the slot from the scan alone.
import type { RegisterTemplate } from '../../../shared/registers/types';
import type { Book, Keying } from '../../db/types';

export function secondKeyingStart(
  book: Book,
  template: RegisterTemplate,
  previousOwn: Pick<Keying, 'fields'> | undefined,
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const field of template.fields) {
    if (field.bookDefault) fields[field.key] = String(book[field.bookDefault]);
  }
  const previousSo = Number.parseInt(previousOwn?.fields.so ?? '', 10);
  if (Number.isFinite(previousSo)) fields.so = String(previousSo + 1);
  return fields;
}

// Who signs the next entry. A book names its usual signer, but for weeks at a time another
// (a vice-chairman standing in) may sign every entry: once the officer types that signer on an
// entry, the entries after it take them too, until the book's own signer comes back on an entry
// or the book's defaults are changed after it.
import type { Book, EntryRecord } from './types';

/** The signer's fields: they change together, so they are carried together. */
export const SIGNER_FIELDS = ['nguoiKy', 'chucVuNguoiKy'] as const;

export type Signer = Record<(typeof SIGNER_FIELDS)[number], string>;

/**
 * The previous entry's signer when it differs from the book's; null when the book's defaults
 * hold: no previous entry, none signed there, or the book's defaults set since it was last saved
 * (`updatedAt` absent: the entry on screen, saved just now).
 */
export function carriedSigner(
  book: Pick<Book, 'nguoiKy' | 'chucVuNguoiKy' | 'updatedAt'>,
  previous: (Pick<EntryRecord, 'fields'> & { updatedAt?: number }) | undefined,
): Signer | null {
  if (!previous) return null;
  const name = (previous.fields.nguoiKy ?? '').trim();
  if (name === '') return null;
  if (previous.updatedAt !== undefined && book.updatedAt > previous.updatedAt) return null;
  const title = (previous.fields.chucVuNguoiKy ?? '').trim();
  if (name === book.nguoiKy && (title === '' || title === book.chucVuNguoiKy)) return null;
  return { nguoiKy: name, chucVuNguoiKy: title === '' ? book.chucVuNguoiKy : title };
}

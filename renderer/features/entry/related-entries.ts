// The entries the cross-entry rules need for one entry, read through indexes rather than whole
// books: the same số in this book (unique number), and the same person's name in this book and
// in every other book of the same register type (possible duplicates).
import type { RegisterTemplate } from '../../../shared/registers/types';
import { nameOtherBooks } from '../../../shared/validation/duplicates';
import type { ValidationResult } from '../../../shared/validation/types';
import { validateEntry } from '../../../shared/validation/validate-entry';
import type { SohoaDatabase } from '../../db/database';
import type { Book, EntryRecord } from '../../db/types';

export interface RelatedEntries {
  sameBook: EntryRecord[];
  /** Each with the book it is in, so a warning can say where to look. */
  otherBooks: { entry: EntryRecord; book: Book }[];
}

export async function loadRelatedEntries(
  db: SohoaDatabase,
  book: Pick<Book, 'id' | 'type'>,
  query: { so: string; nameKey: string; selfId: string },
): Promise<RelatedEntries> {
  const { so, nameKey, selfId } = query;
  const byName = (bookId: string) =>
    nameKey === ''
      ? Promise.resolve([])
      : db.records.where('[bookId+nameKey]').equals([bookId, nameKey]).toArray();
  // A commune keeps tens of books, not thousands: reading them all is cheaper than an index.
  const [sameSo, sameName, books] = await Promise.all([
    db.records.where('[bookId+fields.so]').equals([book.id, so]).toArray(),
    byName(book.id),
    nameKey === '' ? Promise.resolve([]) : db.books.toArray(),
  ]);
  const others = books.filter((other) => other.id !== book.id && other.type === book.type);
  const found = await Promise.all(others.map((other) => byName(other.id)));
  const sameBook = new Map([...sameSo, ...sameName].map((record) => [record.id, record]));
  sameBook.delete(selfId);
  return {
    sameBook: [...sameBook.values()],
    otherBooks: others.flatMap((other, i) =>
      (found[i] ?? []).map((entry) => ({ entry, book: other })),
    ),
  };
}

/**
 * The entry's issues with its related entries in view; a possible duplicate in another book
 * names that book (its quyển số), since the other entry's số alone points into this one.
 */
export function validateWithRelated(
  template: RegisterTemplate,
  values: Record<string, string>,
  context: { bookYear: number; selfId: string; related: RelatedEntries | undefined },
): ValidationResult {
  const { bookYear, selfId, related } = context;
  const ref = ({ id, fields }: EntryRecord) => ({ id, fields });
  const found = validateEntry(template, values, {
    bookYear,
    selfId,
    otherEntries: (related?.sameBook ?? []).map(ref),
    otherBookEntries: (related?.otherBooks ?? []).map(({ entry }) => ref(entry)),
  });
  const bookOf = new Map(
    (related?.otherBooks ?? []).map(({ entry, book }) => [entry.id, book.quyenSo]),
  );
  return bookOf.size === 0
    ? found
    : { errors: found.errors, warnings: nameOtherBooks(found.warnings, bookOf) };
}

// The entries the rules across entries need for one entry, and the check itself, shared by the
// form, submission and approval so they give the export's verdict (shared/bundle/plan.ts):
// entries with the same number part in this book (repeated số, names that would collide), the
// book's numbers (gaps), and the same person's name here and in the type's other books.
import Dexie from 'dexie';
import { pdfNamingOf } from '../../shared/bundle/names';
import type { RegisterTemplate } from '../../shared/registers/types';
import { numbersOf } from '../../shared/validation/book-context';
import { nameOtherBooks } from '../../shared/validation/duplicates';
import type { ValidationResult } from '../../shared/validation/types';
import { soKey, validateEntry } from '../../shared/validation/validate-entry';
import { isSetAside, setAsideStatuses } from '../../shared/workflow/workflow';
import type { SohoaDatabase } from './database';
import type { Book, EntryRecord } from './types';

export interface RelatedEntries {
  sameBook: EntryRecord[];
  /** Each with the book it is in, so a warning can say where to look. */
  otherBooks: { entry: EntryRecord; book: Book }[];
  /** Every số of the book as written, for the numbering gaps. */
  soValues: readonly string[];
}

/** The book's voided entries: few, read by status. */
const voidedOf = (db: SohoaDatabase, bookId: string) =>
  db.records
    .where('[bookId+status]')
    .anyOf(setAsideStatuses().map((status) => [bookId, status]))
    .toArray();

/**
 * Every số of the book as written, for the numbering gaps. A voided entry is out of the book's
 * numbering: its số neither repeats another's nor stretches the range the gaps are counted in.
 * It walks the book's whole number index (10,000 keys in a long book), so the form keeps it in a
 * read of its own, which saving a field of the open entry leaves alone.
 */
export async function loadBookNumbers(db: SohoaDatabase, bookId: string): Promise<string[]> {
  const soIndex = db.records.where('[bookId+fields.so]');
  // "7", "007" and "7/2018" share one number: every spelling from the book's index.
  const soKeys = await soIndex.between([bookId, Dexie.minKey], [bookId, Dexie.maxKey]).uniqueKeys();
  const voided = await voidedOf(db, bookId);
  return voided.length === 0
    ? soKeysOf(soKeys)
    : withoutVoided(
        soKeysOf(await soIndex.between([bookId, Dexie.minKey], [bookId, Dexie.maxKey]).keys()),
        voided.map((record) => record.fields.so ?? ''),
      );
}

/**
 * How many live entries of the book carry each số as written (voided entries left out). The form
 * keeps the book's numbers in memory from this: read outside a live query, the index comes back
 * in one call, where a live read would track each of a long book's 10,000 keys.
 */
export async function loadBookNumberCounts(
  db: SohoaDatabase,
  bookId: string,
): Promise<Map<string, number>> {
  const soIndex = db.records.where('[bookId+fields.so]');
  const [keys, voided] = await Promise.all([
    soIndex.between([bookId, Dexie.minKey], [bookId, Dexie.maxKey]).keys(),
    voidedOf(db, bookId),
  ]);
  const counts = new Map<string, number>();
  for (const value of soKeysOf(keys)) counts.set(value, (counts.get(value) ?? 0) + 1);
  for (const record of voided) {
    const value = record.fields.so ?? '';
    const count = counts.get(value) ?? 0;
    if (count > 1) counts.set(value, count - 1);
    else counts.delete(value);
  }
  return counts;
}

/**
 * A live read that answers again whenever the book's numbers may have changed: an entry added,
 * deleted or renumbered, or voided. It reads one key, not the book's 10,000, so keeping it live
 * costs nothing while the officer types; each answer is a new object.
 */
export async function bookNumbersChanged(
  db: SohoaDatabase,
  bookId: string,
): Promise<{ voided: number }> {
  const [, voided] = await Promise.all([
    db.records
      .where('[bookId+fields.so]')
      .between([bookId, Dexie.minKey], [bookId, Dexie.maxKey])
      .limit(1)
      .keys(),
    voidedOf(db, bookId),
  ]);
  return { voided: voided.length };
}

/**
 * Read through indexes rather than whole books; call inside a transaction over records+books.
 * `numbers` are the book's from loadBookNumbers, when the caller already has them.
 */
export async function loadRelatedEntries(
  db: SohoaDatabase,
  book: Pick<Book, 'id' | 'type'>,
  query: { so: string; nameKey: string; selfId: string },
  numbers?: readonly string[],
): Promise<RelatedEntries> {
  const { so, nameKey, selfId } = query;
  const byName = (bookId: string) =>
    nameKey === ''
      ? Promise.resolve([])
      : db.records.where('[bookId+nameKey]').equals([bookId, nameKey]).toArray();
  const soIndex = db.records.where('[bookId+fields.so]');
  const soValues = numbers ?? (await loadBookNumbers(db, book.id));
  const voidedIds = new Set((await voidedOf(db, book.id)).map((record) => record.id));

  const spellings = spellingsByKey(soValues).get(soKey(so)) ?? [];
  // A commune keeps tens of books, not thousands: reading them all is cheaper than an index.
  const [sameSo, sameName, books] = await Promise.all([
    spellings.length === 0
      ? Promise.resolve([])
      : soIndex.anyOf(spellings.map((value) => [book.id, value])).toArray(),
    byName(book.id),
    nameKey === '' ? Promise.resolve([]) : db.books.toArray(),
  ]);
  const others = books.filter((other) => other.id !== book.id && other.type === book.type);
  const found = await Promise.all(others.map((other) => byName(other.id)));
  const sameBook = new Map(
    [...sameSo, ...sameName]
      .filter((record) => !voidedIds.has(record.id))
      .map((record) => [record.id, record]),
  );
  sameBook.delete(selfId);
  return {
    sameBook: [...sameBook.values()],
    otherBooks: others.flatMap((other, i) =>
      (found[i] ?? [])
        .filter((entry) => !isSetAside(entry.status))
        .map((entry) => ({ entry, book: other })),
    ),
    soValues,
  };
}

/**
 * The book's numbers grouped by the number they stand for ("7", "007", "7/2018" together): made
 * once per list of numbers, not once per read, since the form reads related entries as its
 * number and name change and a long book has 10,000 numbers.
 */
const spellingsCache = new WeakMap<readonly string[], Map<string, string[]>>();
function spellingsByKey(soValues: readonly string[]): Map<string, string[]> {
  let grouped = spellingsCache.get(soValues);
  if (!grouped) {
    grouped = new Map();
    for (const value of soValues) {
      const key = soKey(value);
      const same = grouped.get(key);
      if (same) same.push(value);
      else grouped.set(key, [value]);
    }
    spellingsCache.set(soValues, grouped);
  }
  return grouped;
}

/** The number parts of a book's numbers, once per list: the form validates at every change. */
const numbersCache = new WeakMap<readonly string[], number[]>();
function bookNumbersOf(soValues: readonly string[]): number[] {
  let numbers = numbersCache.get(soValues);
  if (!numbers) {
    numbers = numbersOf(soValues);
    numbersCache.set(soValues, numbers);
  }
  return numbers;
}

/**
 * The book's numbers after `added` spellings joined and `removed` ones left, as a new list. What
 * the rules derive from the list is carried over rather than worked out again for 10,000 numbers.
 */
export function withNumberChanges(
  soValues: readonly string[],
  change: { added: readonly string[]; removed: readonly string[] },
): readonly string[] {
  const { added, removed } = change;
  const gone = new Set(removed);
  const next = [...(gone.size === 0 ? soValues : soValues.filter((v) => !gone.has(v))), ...added];
  const grouped = spellingsCache.get(soValues);
  if (grouped) {
    const copy = new Map(grouped);
    for (const value of removed) {
      const key = soKey(value);
      const left = (copy.get(key) ?? []).filter((other) => other !== value);
      if (left.length > 0) copy.set(key, left);
      else copy.delete(key);
    }
    for (const value of added) copy.set(soKey(value), [...(copy.get(soKey(value)) ?? []), value]);
    spellingsCache.set(next, copy);
  }
  const numbers = numbersCache.get(soValues);
  // A spelling gone may take its number with it or not ("7" gone, "007" left): worked out anew.
  if (numbers && removed.length === 0) {
    const seen = new Set(numbers);
    const more = numbersOf(added).filter((number) => !seen.has(number));
    numbersCache.set(next, more.length === 0 ? numbers : [...numbers, ...more]);
  }
  return next;
}

const soKeysOf = (keys: readonly unknown[]): string[] =>
  keys.flatMap((key) => (Array.isArray(key) && typeof key[1] === 'string' ? [key[1]] : []));

/**
 * The book's distinct numbers once the voided entries' are taken out: `all` holds one key per
 * entry, so a number a live entry also carries stays.
 */
export function withoutVoided(all: readonly string[], voided: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const value of all) left.set(value, (left.get(value) ?? 0) + 1);
  for (const value of voided) left.set(value, (left.get(value) ?? 0) - 1);
  return [...left].filter(([, count]) => count > 0).map(([value]) => value);
}

/**
 * The entry's issues with its related entries in view; a possible duplicate in another book
 * names that book (its quyển số), since the other entry's số alone points into this one.
 */
export function validateWithRelated(
  template: RegisterTemplate,
  values: Record<string, string>,
  context: {
    book: Pick<Book, 'year' | 'pdfNaming'>;
    selfId: string;
    related: RelatedEntries | undefined;
  },
): ValidationResult {
  const { book, selfId, related } = context;
  const ref = ({ id, fields }: EntryRecord) => ({ id, fields });
  const found = validateEntry(template, values, {
    bookYear: book.year,
    selfId,
    naming: pdfNamingOf(book.pdfNaming),
    otherEntries: (related?.sameBook ?? []).map(ref),
    otherBookEntries: (related?.otherBooks ?? []).map(({ entry }) => ref(entry)),
    ...(related ? { bookNumbers: bookNumbersOf(related.soValues) } : {}),
  });
  const bookOf = new Map(
    (related?.otherBooks ?? []).map(({ entry, book: other }) => [entry.id, other.quyenSo]),
  );
  return bookOf.size === 0
    ? found
    : { errors: found.errors, warnings: nameOtherBooks(found.warnings, bookOf) };
}

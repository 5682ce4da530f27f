// Values already typed in a book, read once when the first entry of the book opens and kept
// up to date as fields are committed, so suggestions never re-read thousands of entries.
import type { RegisterTemplate } from '../../../shared/registers/types';
import { db } from '../../db';
import { addBookValues, collectBookValues, type BookValues } from './suggestions';

const cache = new Map<string, Promise<BookValues>>();

export function loadBookValues(bookId: string, template: RegisterTemplate): Promise<BookValues> {
  let values = cache.get(bookId);
  if (!values) {
    values = db.records
      .where('bookId')
      .equals(bookId)
      .toArray()
      .then((records) =>
        collectBookValues(
          template,
          records.map((record) => record.fields),
        ),
      );
    values.catch(() => cache.delete(bookId));
    cache.set(bookId, values);
  }
  return values;
}

export function rememberBookValue(
  bookId: string,
  template: RegisterTemplate,
  key: string,
  value: string,
): void {
  void cache.get(bookId)?.then((values) => addBookValues(template, values, { [key]: value }));
}

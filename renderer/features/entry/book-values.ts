// Values already typed in a book, read once when the first entry of the book opens and kept
// up to date as fields are committed, so suggestions never re-read thousands of entries.
import type { RegisterTemplate } from '../../../shared/registers/types';
import { addBookValues, collectBookValues, type BookValues } from './suggestions';
import { entryReads } from '../../db/reads';
import { keysRested } from './keys-rest';

const cache = new Map<string, Promise<BookValues>>();

/** Entries read per step: a 10,000-entry book in steps of a few ms, so typing never waits. */
const CHUNK = 250;
/** Each step waits for the officer's keys to rest this long: reading never comes between a key and its frame. */
const KEYS_REST_MS = 500;

async function readBookValues(bookId: string, template: RegisterTemplate): Promise<BookValues> {
  const ids = await entryReads.entryIdsOfBook(bookId);
  const values: BookValues = new Map();
  for (let start = 0; start < ids.length; start += CHUNK) {
    if (start > 0) await keysRested(KEYS_REST_MS);
    const records = await entryReads.entriesByIds(ids.slice(start, start + CHUNK));
    collectBookValues(
      template,
      records.flatMap((record) => (record ? [record.fields] : [])),
      values,
    );
  }
  return values;
}

export function loadBookValues(bookId: string, template: RegisterTemplate): Promise<BookValues> {
  let values = cache.get(bookId);
  if (!values) {
    values = readBookValues(bookId, template);
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

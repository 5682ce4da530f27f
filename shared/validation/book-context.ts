// The context every caller gives validateEntry for one entry of a book, built the same way
// wherever the entries come from, so the form, submission, approval and export agree.
import { soNumberOf } from '../bundle/names';
import type { EntryRef } from './types';

/** The number parts of a book's số values, for the numbering-gap rule. */
export function bookNumbers(entries: readonly Pick<EntryRef, 'fields'>[]): number[] {
  return numbersOf(entries.map((entry) => entry.fields.so ?? ''));
}

/** The number parts of số values as written ("01/2018" → 1); values without one are skipped. */
export function numbersOf(soValues: readonly string[]): number[] {
  const numbers = new Set<number>();
  for (const so of soValues) {
    const number = soNumberOf(so);
    if (number !== null) numbers.add(number.value);
  }
  return [...numbers];
}

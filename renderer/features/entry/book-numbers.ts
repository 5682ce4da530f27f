// The book's numbers (số as written, voided entries left out), for the numbering-gap and
// repeated-số rules of the open entry. Walking a long book's number index costs tens of ms on an
// old PC, and a live read of it walked it again with every entry added, in the frames that show
// the next entry. The form keeps them in memory instead: its own changes (a new entry, a number
// retyped) are applied in idle time, and anything else that changes the book's
// numbers (another screen, an import, a void) has the index read again once the keys rest.
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { entryReads, useLiveQuery, withNumberChanges } from '../../db/reads';
import { whenKeysRest } from './keys-rest';

/** Reading the number index again waits for this long without a key. */
const KEYS_REST_MS = 2000;

interface Known {
  /** How many live entries carry each spelling. */
  counts: Map<string, number>;
  /** The spellings carried, as one list: a new list whenever they change. */
  list: readonly string[];
}

const books = new Map<string, Known>();
const listeners = new Set<() => void>();
const reads = new Map<string, Promise<void>>();

function publish(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const sameSpellings = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>) =>
  a.size === b.size && [...a.keys()].every((value) => b.has(value));

/** Reads the book's numbers from its index; the list stays the same object when they are. */
function readNumbers(bookId: string): Promise<void> {
  const under = reads.get(bookId);
  if (under) return under;
  const read = entryReads
    .loadBookNumberCounts(bookId)
    .then((counts) => {
      const before = books.get(bookId);
      const list =
        before && sameSpellings(before.counts, counts) ? before.list : [...counts.keys()];
      books.set(bookId, { counts, list });
      if (list !== before?.list) publish();
    })
    .catch((error: unknown) => console.warn('Book numbers not read', error))
    .finally(() => reads.delete(bookId));
  reads.set(bookId, read);
  return read;
}

/**
 * The form changed an entry's number: `before` it was carried (undefined: a new entry), `after`
 * it is. Applied when the PC is next idle: only the entries typed after this one need it, and the
 * frames that show the next entry are not held up by it.
 */
export function noteNumberChange(bookId: string, before: string | undefined, after: string) {
  requestIdleCallback(apply, { timeout: 1000 });
  function apply() {
    const known = books.get(bookId);
    if (!known) return;
    const { counts } = known;
    const added: string[] = [];
    const removed: string[] = [];
    if (before !== undefined) {
      const count = counts.get(before) ?? 0;
      if (count > 1) counts.set(before, count - 1);
      else if (count === 1) {
        counts.delete(before);
        removed.push(before);
      }
    }
    const count = counts.get(after) ?? 0;
    counts.set(after, count + 1);
    if (count === 0) {
      // Gone and back (typed over with the same number) changes nothing.
      const back = removed.indexOf(after);
      if (back >= 0) removed.splice(back, 1);
      else added.push(after);
    }
    if (added.length === 0 && removed.length === 0) return;
    books.set(bookId, { counts, list: withNumberChanges(known.list, { added, removed }) });
    publish();
  }
}

/** The book's numbers; undefined until first read. */
export function useBookNumbers(bookId: string): readonly string[] | undefined {
  const list = useSyncExternalStore(subscribe, () => books.get(bookId)?.list);
  useEffect(() => {
    if (!books.has(bookId)) void readNumbers(bookId);
  }, [bookId]);
  // Answers once at the start (the numbers were just read, or are kept from before), then after
  // every change to the book's numbers, the form's own included: the index is read again once the
  // officer's keys rest, so what the form applied itself is checked against what was stored.
  const changed = useLiveQuery(() => entryReads.bookNumbersChanged(bookId), [bookId]);
  const answers = useRef({ bookId, count: 0 });
  useEffect(() => {
    if (changed === undefined) return;
    if (answers.current.bookId !== bookId) answers.current = { bookId, count: 0 };
    answers.current.count += 1;
    if (answers.current.count === 1 && reads.has(bookId)) return;
    return whenKeysRest(KEYS_REST_MS, () => void readNumbers(bookId));
  }, [bookId, changed]);
  return list;
}

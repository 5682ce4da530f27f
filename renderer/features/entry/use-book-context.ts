// What the open entry needs from the rest of its book, read live: the entries sharing its
// number or name (cross-entry rules), the entry typed before it (carried-forward values and
// ditto), the newest entry (the next number) and the values already typed in the book.
import { useEffect, useMemo, useState } from 'react';
import type { RegisterTemplate } from '../../../shared/registers/types';
import { nameKeyOf } from '../../db/name-key';
import { entryReads, useLiveQuery } from '../../db/reads';
import type { Book, EntryRecord } from '../../db/types';
import { useBookNumbers } from './book-numbers';
import { loadBookValues } from './book-values';
import { carrySuggestions, defaultCarryForward, type BookValues } from './suggestions';

/** The entry just left, as it was on screen, handed to the next one opened after it. */
export interface Handoff {
  entryId: string;
  fields: Record<string, string>;
  at: number;
}

export function useBookContext({
  book,
  template,
  entry,
  values,
}: {
  book: Book;
  template: RegisterTemplate;
  entry: EntryRecord;
  values: Record<string, string>;
}) {
  // Only entries sharing this number or this person's name matter to the cross-entry rules
  // (unique số, possible duplicates, also in the book's sister books): read just those.
  const soValue = values.so ?? '';
  const nameKey = nameKeyOf(template, values);
  // The book's numbers, kept in memory: a new entry does not walk the number index again.
  const numbers = useBookNumbers(book.id);
  const relatedResult = useLiveQuery(
    async () =>
      numbers === undefined
        ? undefined
        : {
            entryId: entry.id,
            related: await entryReads.loadRelatedEntries(
              book,
              { so: soValue, nameKey, selfId: entry.id },
              numbers,
            ),
          },
    [book.id, book.type, soValue, nameKey, entry.id, numbers],
  );
  // A result for the entry left behind says nothing about this one.
  const related = relatedResult?.entryId === entry.id ? relatedResult.related : undefined;

  // The entry typed just before this one: source of carried-forward values and of ditto. Right
  // after Ctrl+Enter it is the entry just left, as it was on screen, until the query catches up.
  const previousResult = useLiveQuery(
    async () => ({
      entryId: entry.id,
      record: await entryReads.entryTypedBefore(book.id, entry.createdAt),
    }),
    [book.id, entry.id, entry.createdAt],
  );
  const [handoff, setHandoff] = useState<Handoff>();
  const queried = previousResult?.entryId === entry.id ? previousResult.record : undefined;
  const handedOver = handoff?.entryId === entry.id ? handoff : undefined;
  // A read may land before the last edits of the entry left behind: trust the copy handed over
  // until the stored one is at least as new.
  const previous =
    handedOver && !(queried && queried.updatedAt >= handedOver.at)
      ? handedOver.fields
      : queried?.fields;
  // The book's newest stored entry, whose number the next entry follows (null: still reading).
  const newest = useLiveQuery(() => entryReads.newestEntry(book.id), [book.id], null);
  const carryKeys = useMemo(
    () => book.carryForward ?? defaultCarryForward(template),
    [book.carryForward, template],
  );
  const suggestions = carrySuggestions(carryKeys, previous, values);
  const [bookValues, setBookValues] = useState<BookValues | undefined>(undefined);
  useEffect(() => {
    let current = true;
    // Reading a large book takes a few hundred ms: wait until the form is up and idle.
    const idle = requestIdleCallback(
      () => {
        void loadBookValues(book.id, template).then((loaded) => {
          if (current) setBookValues(loaded);
        });
      },
      { timeout: 1000 },
    );
    return () => {
      current = false;
      cancelIdleCallback(idle);
    };
  }, [book.id, template]);

  return { related, previous, newest, handOver: setHandoff, suggestions, bookValues };
}

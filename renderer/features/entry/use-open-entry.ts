import { useState } from 'react';
import type { EntryRecord } from '../../db/types';
import { entryWriter } from './entry-writer';
import { entryReads, useLiveQuery } from '../../db/reads';

/** A read of the database for one entry; `record` is undefined when it was not stored then. */
export interface EntryRead {
  entryId: string | null;
  record: EntryRecord | undefined;
}

/**
 * Which record to show for `entryId`: the stored one once a read of it has answered; an entry
 * just created on screen from memory until its write lands; and once it has landed, the record
 * already on screen until the read that sees it is in. null while reading, undefined when there
 * is no such entry.
 *
 * `read` is the last answer of the database, possibly for the entry opened before; `created`
 * what the write queue knows of the entry; `onScreen` what was shown at the last render.
 */
export function entryToShow(
  entryId: string | null,
  read: EntryRead | undefined,
  created: EntryRecord | 'stored' | undefined,
  onScreen: EntryRecord | null | undefined,
): EntryRecord | null | undefined {
  if (entryId === null) return undefined;
  const isCurrent = read?.entryId === entryId;
  if (isCurrent && read.record) return read.record;
  if (created === 'stored') {
    // On screen, typed into, while its write landed: taking it off now would build the form
    // again from a read that may not have what was just typed, and the keys typed meanwhile would
    // go nowhere. Opened anew (e.g. from the list), it waits for the database instead of
    // showing the blank copy made when it was created.
    return onScreen?.id === entryId ? onScreen : null;
  }
  if (created) return created;
  return isCurrent ? undefined : null;
}

/** The entry `entryId` to show in the form (see entryToShow). */
export function useOpenEntry(entryId: string | null): EntryRecord | null | undefined {
  const read = useLiveQuery(
    async (): Promise<EntryRead> => ({
      entryId,
      record: entryId ? await entryReads.entryById(entryId) : undefined,
    }),
    [entryId],
  );
  const [onScreen, setOnScreen] = useState<EntryRecord | null | undefined>(undefined);
  const shown = entryToShow(entryId, read, entryWriter.createdEntry(entryId ?? ''), onScreen);
  // Remembered for the next render, in this one: React renders again at once, before drawing.
  if (shown !== onScreen) setOnScreen(shown);
  return shown;
}

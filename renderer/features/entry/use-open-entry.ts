import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db';
import type { EntryRecord } from '../../db/types';
import { entryWriter } from './entry-writer';

/**
 * The entry `entryId` as stored; an entry just created on screen is shown from memory until its
 * write lands. null while reading, undefined when there is no such entry.
 */
export function useOpenEntry(entryId: string | null): EntryRecord | null | undefined {
  const stored = useLiveQuery(
    () => (entryId ? db.records.get(entryId) : undefined),
    [entryId],
    null,
  );
  if (entryId === null) return undefined;
  if (stored && stored.id === entryId) return stored;
  const created = entryWriter.createdEntry(entryId);
  if (created) return created;
  // The previous entry's result is kept while the new one is read: that is still reading.
  return stored === undefined ? undefined : null;
}

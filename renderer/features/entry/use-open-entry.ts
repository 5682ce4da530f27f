import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db';
import type { EntryRecord } from '../../db/types';
import { entryWriter } from './entry-writer';

/**
 * The entry `entryId` as stored; an entry just created on screen is shown from memory until its
 * write lands, never after: by then fields may have been typed into it. null while reading,
 * undefined when there is no such entry.
 */
export function useOpenEntry(entryId: string | null): EntryRecord | null | undefined {
  const stored = useLiveQuery(
    async () => ({ entryId, record: entryId ? await db.records.get(entryId) : undefined }),
    [entryId],
  );
  if (entryId === null) return undefined;
  // The answer for the entry opened before is kept while this one is read.
  const isCurrent = stored?.entryId === entryId;
  if (isCurrent && stored.record) return stored.record;
  const created = entryWriter.createdEntry(entryId);
  // Stored after this read began: the read that sees it is on its way.
  if (created === 'stored') return null;
  if (created) return created;
  return isCurrent ? undefined : null;
}

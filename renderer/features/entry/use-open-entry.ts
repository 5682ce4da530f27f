import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { db } from '../../db';
import type { EntryRecord } from '../../db/types';
import { entryWriter } from './entry-writer';

/**
 * The entry `entryId` as stored; an entry just created on screen is shown from memory until its
 * write lands, never after: by then fields may have been typed into it. null while reading,
 * undefined when there is no such entry. An entry already on screen stays there while its stored
 * copy is read: the form is never taken down under the officer's keys.
 */
export function useOpenEntry(entryId: string | null): EntryRecord | null | undefined {
  const stored = useLiveQuery(
    async () => ({ entryId, record: entryId ? await db.records.get(entryId) : undefined }),
    [entryId],
  );
  const [lastShown, setLastShown] = useState<EntryRecord | null>(null);
  const answer = ((): EntryRecord | null | undefined => {
    if (entryId === null) return undefined;
    // The answer for the entry opened before is kept while this one is read.
    const isCurrent = stored?.entryId === entryId;
    if (isCurrent && stored.record) return stored.record;
    const created = entryWriter.createdEntry(entryId);
    // Stored after this read began: the read that sees it is on its way. Until it lands the
    // copy on screen stands (the form keeps what was typed into it since).
    if (created === 'stored') return lastShown?.id === entryId ? lastShown : null;
    if (created) return created;
    return isCurrent ? undefined : null;
  })();
  if (answer && answer !== lastShown) setLastShown(answer);
  return answer;
}

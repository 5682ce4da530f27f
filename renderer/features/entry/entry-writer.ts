// Every write the entry form makes goes through one queue, so writes reach the disk in the order
// they were made: a new entry is stored before anything typed into it, even when the form shows
// it at once. A write that fails stays queued, with newer edits merged in, and is tried again.
import { useSyncExternalStore } from 'react';
import { repo } from '../../db';
import type { EntryRecord } from '../../db/types';
import { noteSaveFailed, noteSaveSucceeded } from '../../store/save-failure';

interface Unwritten {
  /** Set while the entry itself is not on disk yet. */
  record?: EntryRecord;
  changes: Record<string, string>;
}

export interface WriterStatus {
  /** Something is being written. */
  busy: boolean;
  /** The last attempt failed and its data is still waiting to be written. */
  failed: boolean;
}

const unwritten = new Map<string, Unwritten>();
/**
 * Entries created on screen this session, as created, kept so they can be shown before they are
 * stored. Once stored, the database is the only source: the copy here is blank.
 */
const created = new Map<string, { record: EntryRecord; isStored: boolean }>();
const KEEP_CREATED = 8;
let running = 0;
let status: WriterStatus = { busy: false, failed: false };
let chain: Promise<void> = Promise.resolve();
const listeners = new Set<() => void>();

function update(next: Partial<WriterStatus>): void {
  const merged = { busy: running > 0, failed: status.failed, ...next };
  if (merged.busy === status.busy && merged.failed === status.failed) return;
  status = merged;
  for (const listener of listeners) listener();
}

function merge(older: Unwritten, newer: Unwritten | undefined): Unwritten {
  const record = older.record ?? newer?.record;
  const changes = { ...older.changes, ...newer?.changes };
  return record ? { record, changes } : { changes };
}

type Written = { ok: true } | { ok: false; left: Unwritten; error: unknown };

/**
 * Writes one entry's queued data in two steps, creating it if absent and then applying its
 * changes. On a failure it returns what is still unwritten, so the retry starts where this
 * attempt stopped instead of creating the entry again.
 */
async function write(id: string, item: Unwritten): Promise<Written> {
  let left = item;
  try {
    if (left.record) {
      await repo.addEntry(left.record);
      const shown = created.get(id);
      if (shown) shown.isStored = true;
      left = { changes: left.changes };
    }
    if (Object.keys(left.changes).length > 0) await repo.saveFields(id, left.changes);
    return { ok: true };
  } catch (error) {
    return { ok: false, left, error };
  }
}

/** True when nothing is waiting and the last attempt succeeded. */
const allWritten = (): boolean => unwritten.size === 0 && !status.failed;

/**
 * Writes everything queued, oldest first; resolves once it is durable (true) or has failed
 * (false, with the storage banner saying why).
 */
function drain(): Promise<boolean> {
  running += 1;
  update({});
  chain = chain.then(async () => {
    let failed = false;
    // Each entry's data is taken when its turn comes, not when the round began: edits queued
    // while an earlier entry was being written were merged into it meanwhile.
    for (const id of [...unwritten.keys()]) {
      const item = unwritten.get(id);
      if (!item) continue;
      unwritten.delete(id);
      const written = await write(id, item);
      if (!written.ok) {
        // Keep the rest for the next attempt; edits made meanwhile are newer and win.
        unwritten.set(id, merge(written.left, unwritten.get(id)));
        if (!failed) noteSaveFailed(written.error);
        failed = true;
      }
    }
    if (!failed) noteSaveSucceeded();
    running -= 1;
    update({ failed });
  });
  return chain.then(allWritten);
}

function enqueue(id: string, item: Unwritten): Promise<boolean> {
  unwritten.set(id, merge(unwritten.get(id) ?? { changes: {} }, item));
  return drain();
}

export const entryWriter = {
  /** Queues changed field values of an entry; resolves once written (true) or failed. */
  save(id: string, changes: Record<string, string>): Promise<boolean> {
    return enqueue(id, { changes });
  },

  /** Queues a new entry, which can be shown and typed into before it is stored. */
  create(record: EntryRecord): Promise<boolean> {
    created.set(record.id, { record, isStored: false });
    for (const old of [...created.keys()].slice(0, -KEEP_CREATED)) created.delete(old);
    return enqueue(record.id, { record, changes: {} });
  },

  /** Resolves once everything queued so far is written (true), retrying what failed before. */
  settle(): Promise<boolean> {
    return unwritten.size > 0 ? drain() : chain.then(allWritten);
  },

  /** Whether writes are under way or failed. */
  status(this: void): WriterStatus {
    return status;
  },

  /**
   * An entry created on screen this session: as it was created while it is not stored yet;
   * 'stored' once it is, when only the database shows what it holds now.
   */
  createdEntry(id: string): EntryRecord | 'stored' | undefined {
    const shown = created.get(id);
    if (!shown) return undefined;
    return shown.isStored ? 'stored' : shown.record;
  },
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether writes are under way or failed, for the "Đã lưu" indicator. */
export function useWriterStatus(): WriterStatus {
  return useSyncExternalStore(subscribe, entryWriter.status);
}

const isFailing = () => status.failed;

/** Whether the last write failed: unlike the status, not changed by every write under way. */
export function useWriterFailing(): boolean {
  return useSyncExternalStore(subscribe, isFailing);
}

// Keeps the form's values and writes changes shortly after typing stops, on leaving a field
// and before the page goes away. "Đã lưu" is shown only once every queued write is durable.
import { useCallback, useEffect, useRef, useState } from 'react';
import { SAVE_RETRY_MS } from '../../store/save-failure';
import { entryWriter, useWriterFailing, type WriterStatus } from './entry-writer';

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

export const AUTOSAVE_DELAY_MS = 300;

/** Every open form's "write what is pending", so the screen lock can wait for all of them. */
const openForms = new Set<() => Promise<boolean>>();

/** Writes all pending input of every open form; true once all of it is on disk. */
export async function flushAllAutosaves(): Promise<boolean> {
  const results = await Promise.all([...openForms].map((flush) => flush()));
  return results.every(Boolean) && (await entryWriter.settle());
}

interface Shown {
  id: string;
  values: Record<string, string>;
}

/**
 * The values of the entry `recordId`, starting from `initial`. When the form moves to another
 * entry it keeps its components and swaps the values, instead of being built again.
 */
export function useAutosave(recordId: string, initial: Record<string, string>) {
  const [shown, setShown] = useState<Shown>({ id: recordId, values: initial });
  if (shown.id !== recordId) setShown({ id: recordId, values: initial });
  const values = shown.id === recordId ? shown.values : initial;
  const [hasUnflushed, setHasUnflushed] = useState(false);
  const pending = useRef<{ id: string; changes: Record<string, string> } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const failing = useWriterFailing();

  /** Resolves to false while a write is failing: callers then keep the officer here. */
  const flush = useCallback((): Promise<boolean> => {
    clearTimeout(timer.current);
    const queued = pending.current;
    pending.current = null;
    setHasUnflushed(false);
    return queued ? entryWriter.save(queued.id, queued.changes) : entryWriter.settle();
  }, []);

  const change = useCallback(
    (key: string, value: string) => {
      // Edits of the entry left behind are on their way before this one's start.
      if (pending.current && pending.current.id !== recordId) void flush();
      setShown((previous) =>
        previous.id === recordId
          ? { id: recordId, values: { ...previous.values, [key]: value } }
          : previous,
      );
      pending.current = {
        id: recordId,
        changes: { ...pending.current?.changes, [key]: value },
      };
      setHasUnflushed(true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [recordId, flush],
  );

  // A full disk may be freed while the officer waits: try again without needing a keystroke,
  // and again after each attempt that still fails (space freed bit by bit), until one succeeds.
  useEffect(() => {
    if (!failing) return;
    let isActive = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const scheduleRetry = () => {
      retry = setTimeout(() => {
        void flush().then((isSaved) => {
          if (isActive && !isSaved) scheduleRetry();
        });
      }, SAVE_RETRY_MS);
    };
    scheduleRetry();
    return () => {
      isActive = false;
      clearTimeout(retry);
    };
  }, [failing, flush]);

  useEffect(() => {
    openForms.add(flush);
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      openForms.delete(flush);
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      // Leaving this entry (or the form): what was typed is written now.
      void flush();
    };
  }, [flush, recordId]);

  // The writer's state is read by the indicator itself: every write starting and ending would
  // otherwise render the whole form twice.
  return { values, change, flush, hasUnflushed };
}

/** What "Đã lưu" says: typed and not queued yet, being written, failed, or saved. */
export function saveStateOf(hasUnflushed: boolean, writer: WriterStatus): SaveState {
  if (hasUnflushed) return 'pending';
  if (writer.busy) return 'saving';
  return writer.failed ? 'error' : 'saved';
}

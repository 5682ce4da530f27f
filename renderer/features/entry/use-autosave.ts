// Keeps the form's values and writes changes shortly after typing stops, on leaving a field
// and before the page goes away. "Đã lưu" is shown only once the write is durable on disk.
import { useCallback, useEffect, useRef, useState } from 'react';
import { repo } from '../../db';

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

export const AUTOSAVE_DELAY_MS = 300;

/** Every open form's "write what is pending", so the screen lock can wait for all of them. */
const openForms = new Set<() => Promise<boolean>>();

/** Writes all pending input of every open form; true once all of it is on disk. */
export async function flushAllAutosaves(): Promise<boolean> {
  const results = await Promise.all([...openForms].map((settle) => settle()));
  return results.every(Boolean);
}

export function useAutosave(recordId: string, initial: Record<string, string>) {
  const [values, setValues] = useState(initial);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const pending = useRef<Record<string, string>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    const changes = pending.current;
    if (Object.keys(changes).length === 0) return chain.current;
    pending.current = {};
    setSaveState('saving');
    chain.current = chain.current.then(async () => {
      try {
        await repo.saveFields(recordId, changes);
        if (Object.keys(pending.current).length === 0) setSaveState('saved');
      } catch {
        // Keep what failed so the next attempt writes it; newer edits win.
        pending.current = { ...changes, ...pending.current };
        setSaveState('error');
      }
    });
    return chain.current;
  }, [recordId]);

  const change = useCallback(
    (key: string, value: string) => {
      setValues((previous) => ({ ...previous, [key]: value }));
      pending.current[key] = value;
      setSaveState('pending');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  useEffect(() => {
    const settle = () => flush().then(() => Object.keys(pending.current).length === 0);
    openForms.add(settle);
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      openForms.delete(settle);
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      void flush();
    };
  }, [flush]);

  return { values, change, flush, saveState };
}

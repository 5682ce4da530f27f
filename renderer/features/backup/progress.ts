// A long backup, package or restore tells how far it is, in whole percents: the screen updates
// only when the number shown changes.
import { useCallback, useRef, useState } from 'react';

export function percentOf(done: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.max(0, Math.min(100, Math.floor((done / total) * 100)));
}

/** The percent to show (null while idle) and a listener that sets it. */
export function usePercent() {
  const [percent, setPercent] = useState<number | null>(null);
  const shown = useRef<number | null>(null);
  const listen = useCallback((done: number, total: number) => {
    const next = percentOf(done, total);
    if (next === shown.current) return;
    shown.current = next;
    setPercent(next);
  }, []);
  const reset = useCallback(() => {
    shown.current = null;
    setPercent(null);
  }, []);
  return { percent, listen, reset };
}

// Hooks for the book's screen: keep its pages being prepared, and show how far that is.
import { useEffect } from 'react';
import { startPreparation } from './preparation';
import { preparationReads, useLiveQuery } from '../../db/reads';

/** Prepares the book's pages while it is open: again whenever pages or its target change. */
export function usePagePreparation(bookId: string): void {
  const key = useLiveQuery(() => preparationReads.preparationKey(bookId), [bookId]);
  useEffect(() => {
    if (!key) return;
    const stop = new AbortController();
    startPreparation(bookId, stop.signal).catch((error: unknown) => {
      console.warn('Preparing pages for export stopped', error);
    });
    return () => stop.abort();
  }, [bookId, key]);
}

export function usePreparationProgress(bookId: string) {
  return useLiveQuery(() => preparationReads.preparationProgress(bookId), [bookId]);
}

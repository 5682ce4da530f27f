// Hooks for the book's screen: keep its pages being prepared, and show how far that is.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { db } from '../../db';
import { startPreparation } from './preparation';
import { preparationProgress, targetOf } from './prepare-queue';

/** Prepares the book's pages while it is open: again whenever pages or its target change. */
export function usePagePreparation(bookId: string): void {
  const key = useLiveQuery(async () => {
    const book = await db.books.get(bookId);
    if (!book) return null;
    return `${targetOf(book)}:${await db.pages.where('bookId').equals(bookId).count()}`;
  }, [bookId]);
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
  return useLiveQuery(() => preparationProgress(db, bookId), [bookId]);
}

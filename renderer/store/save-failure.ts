// The autosave's link to the storage banner: a failed write is classified and shown until a
// later write succeeds. The technical detail goes to the console log for support.
import { useUiStore } from './ui-store';
import { classifyStorageError } from './storage-errors';

/** While a save keeps failing, try again this often (space may have been freed meanwhile). */
export const SAVE_RETRY_MS = 5000;

export function noteSaveFailed(error: unknown): void {
  console.error('Autosave failed', error);
  useUiStore.getState().reportWriteFailure(classifyStorageError(error));
}

export function noteSaveSucceeded(): void {
  useUiStore.getState().clearWriteFailure();
}

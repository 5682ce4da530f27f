// The detail shown when a write other than the autosave fails (a new entry, a scan import):
// a full disk is said in words the officer can act on; anything else keeps its technical text.
import { classifyStorageError } from '../../store/storage-errors';

export function explainWriteError(error: unknown, t: (key: string) => string): string {
  return classifyStorageError(error) === 'quota' ? t('storage.fullDetail') : String(error);
}

/** For promise chains whose failure text is read from error.message (the scan import). */
export function withExplainedError(t: (key: string) => string) {
  return (error: unknown): never => {
    if (classifyStorageError(error) === 'quota') {
      throw new Error(t('storage.fullDetail'), { cause: error });
    }
    throw error;
  };
}

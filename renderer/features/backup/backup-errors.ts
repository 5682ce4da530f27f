// What went wrong with a backup or package, in words for the officer. Chromium answers a file
// too large for the memory and temporary space it keeps for files being built with
// NotReadableError, whose own text speaks of permissions: it is reworded to say what to do.
import i18next from 'i18next';

export function backupErrorDetail(error: unknown, kind: 'backup' | 'package' = 'backup'): string {
  if (error instanceof DOMException && error.name === 'NotReadableError') {
    return i18next.t(
      kind === 'backup' ? 'backup.tooBigForMemory' : 'backup.tooBigForMemoryPackage',
    );
  }
  return error instanceof Error ? error.message : String(error);
}

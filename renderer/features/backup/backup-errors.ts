// What went wrong with a backup or package, in words for the officer. The officer reads only
// Vietnamese: a failure the app words itself is kept as it is, a browser or library failure
// ("checksum mismatch", "QuotaExceededError: …") is named by its kind in Vietnamese, and its
// own English text goes to the console for whoever supports the PC. Chromium answers a file
// too large for the memory and temporary space it keeps for files being built with
// NotReadableError, whose own text speaks of permissions: it is reworded to say what to do.
import i18next from 'i18next';

/** Letters only Vietnamese writes (ă, đ, ơ, ư and the toned vowels): the app's own wording. */
const VIETNAMESE_LETTER = /[\u0102\u0103\u0110\u0111\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9]/;

const NAMED_KINDS = [
  'QuotaExceededError',
  'NotFoundError',
  'AbortError',
  'ConstraintError',
  'DataError',
  'TimeoutError',
] as const;

/** Whether a message is already in the officer's words. */
export function isVietnamese(text: string): boolean {
  return VIETNAMESE_LETTER.test(text);
}

export function backupErrorDetail(error: unknown, kind: 'backup' | 'package' = 'backup'): string {
  if (error instanceof DOMException && error.name === 'NotReadableError') {
    return i18next.t(
      kind === 'backup' ? 'backup.tooBigForMemory' : 'backup.tooBigForMemoryPackage',
    );
  }
  const text = error instanceof Error ? error.message : String(error);
  if (isVietnamese(text)) return text;
  console.error('SoHoa backup failure:', error);
  const name = error instanceof Error ? error.name : '';
  const known = NAMED_KINDS.find((kindName) => kindName === name);
  return i18next.t(`backup.errorNames.${known ?? 'other'}`);
}

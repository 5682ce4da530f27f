// Operator statistics as CSPro's data-entry reports define them: keying speed over the time
// actually keyed (pauses, a locked or idle app, are left out) and errors per 1,000 keystrokes,
// with the errors of the first keyer and of the verifier counted apart from arbitration.
import type { Blame } from './arbitrate';

export interface KeyingTime {
  keystrokes: number;
  totalSeconds: number;
  /** Seconds the app was locked or idle inside the total. */
  pausedSeconds: number;
}

/** Keystrokes × 3600 / (total − paused seconds); null while nothing was keyed. */
export function keystrokesPerHour(time: KeyingTime): number | null {
  const keyed = time.totalSeconds - time.pausedSeconds;
  if (keyed <= 0) return null;
  return (time.keystrokes * 3600) / keyed;
}

/** Errors per 1,000 keystrokes; null without keystrokes. */
export function errorsPerThousandKeystrokes(errors: number, keystrokes: number): number | null {
  return keystrokes > 0 ? (errors * 1000) / keystrokes : null;
}

export interface VerificationCounts {
  /** Fields compared between the two keyings. */
  fieldsVerified: number;
  /** Disagreements settled with a value (an illegible field is not counted here). */
  differences: number;
  keyerErrors: number;
  verifierErrors: number;
}

/**
 * Counts for one verified entry: `a` is the first keyer, `b` the verifier (the second keyer).
 * A field both got wrong counts once for each.
 */
export function verificationCounts(fieldsVerified: number, blames: readonly Blame[]) {
  const counts: VerificationCounts = {
    fieldsVerified,
    differences: blames.length,
    keyerErrors: 0,
    verifierErrors: 0,
  };
  for (const blame of blames) {
    if (blame.a) counts.keyerErrors += 1;
    if (blame.b) counts.verifierErrors += 1;
  }
  return counts;
}

/** Sums of several entries' counts (an officer's day, a book). */
export function addCounts(all: readonly VerificationCounts[]): VerificationCounts {
  return all.reduce(
    (sum, c) => ({
      fieldsVerified: sum.fieldsVerified + c.fieldsVerified,
      differences: sum.differences + c.differences,
      keyerErrors: sum.keyerErrors + c.keyerErrors,
      verifierErrors: sum.verifierErrors + c.verifierErrors,
    }),
    { fieldsVerified: 0, differences: 0, keyerErrors: 0, verifierErrors: 0 },
  );
}

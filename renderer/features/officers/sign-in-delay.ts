// Guessing PINs should be slow, mistyping one should not be: the first few wrong tries cost
// nothing, then each one doubles the wait, up to half a minute.
export const FREE_ATTEMPTS = 3;
export const MAX_DELAY_MS = 30_000;

/** How long the PIN field stays closed after this many wrong PINs in a row. */
export function delayAfterFailures(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - FREE_ATTEMPTS));
}

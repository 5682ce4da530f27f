// How long the app waits before locking an unattended screen: an administrator's choice for the
// PC, kept in the settings table. Anything unreadable falls back to the default.
export const IDLE_LOCK_KEY = 'officers.idleLockMinutes';
export const DEFAULT_IDLE_MINUTES = 10;
export const MIN_IDLE_MINUTES = 1;
export const MAX_IDLE_MINUTES = 240;

export function isValidIdleMinutes(minutes: number): boolean {
  return Number.isInteger(minutes) && minutes >= MIN_IDLE_MINUTES && minutes <= MAX_IDLE_MINUTES;
}

/** The stored value as minutes. */
export function idleMinutesOf(stored: unknown): number {
  return typeof stored === 'number' && isValidIdleMinutes(stored) ? stored : DEFAULT_IDLE_MINUTES;
}

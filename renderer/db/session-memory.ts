// Where the officer was: the screen and, per entry, the field last focused. Kept in this PC's
// own settings (durable like the entries) so a crash or restart reopens the same place.
import { parseHash, routeToHash } from '../store/router';
import type { SohoaDatabase } from './database';

export const LAST_ROUTE_KEY = 'session.lastRoute';
const FOCUS_KEY_PREFIX = 'session.focus.';
/** Moving through fields with Enter should not write on every step, only where it settles. */
export const FOCUS_SAVE_DELAY_MS = 250;

export const focusKey = (entryId: string): string => `${FOCUS_KEY_PREFIX}${entryId}`;

export async function rememberRoute(db: SohoaDatabase, hash: string): Promise<void> {
  await db.localSettings.put({ key: LAST_ROUTE_KEY, value: hash });
}

/**
 * The screen to reopen when the app starts without one (a fresh start or a restart after a
 * crash); null when the app was opened on a screen, or the remembered one no longer exists.
 */
export async function routeToRestore(
  db: SohoaDatabase,
  currentHash: string,
): Promise<string | null> {
  if (currentHash !== '' && currentHash !== '#') return null;
  const stored = await db.localSettings.get(LAST_ROUTE_KEY);
  if (typeof stored?.value !== 'string') return null;
  const route = parseHash(stored.value);
  // Only the working screens are reopened; the statistics and reconciliation are one click away.
  if (route.name === 'books' || route.name === 'stats' || route.name === 'reconcile') return null;
  if (!(await db.books.get(route.bookId))) return null;
  if (route.name === 'entry') {
    const entry = await db.records.get(route.entryId);
    if (entry?.bookId !== route.bookId) return routeToHash({ name: 'book', bookId: route.bookId });
  }
  return routeToHash(route);
}

export async function rememberFocus(
  db: SohoaDatabase,
  entryId: string,
  fieldKey: string,
): Promise<void> {
  await db.localSettings.put({ key: focusKey(entryId), value: fieldKey });
}

export async function recallFocus(db: SohoaDatabase, entryId: string): Promise<string | null> {
  const stored = await db.localSettings.get(focusKey(entryId));
  return typeof stored?.value === 'string' && stored.value !== '' ? stored.value : null;
}

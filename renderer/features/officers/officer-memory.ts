// What this window remembers about who is working. A reload (or a renderer crash) in the same
// window keeps the officer signed in; a locked screen stays locked; closing the app forgets
// both. The officer who last worked on this PC is offered first at the next sign-in.
import { useUiStore } from '../../store/ui-store';
import type { Session } from '../../db/session';

const SIGNED_IN = 'sohoa.officer';
const LOCKED_FOR = 'sohoa.lockedFor';
const LAST_OFFICER = 'sohoa.lastOfficer';

function read(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function write(storage: Storage, key: string, value: string | null): void {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
  } catch {
    // Storage refused (private mode, quota): the officer just signs in again after a reload.
  }
}

/** Keeps the window's memory in step with the session. Call once. */
export function rememberSessionInWindow(session: Session): void {
  session.subscribe(() => {
    const officer = session.officer();
    write(sessionStorage, SIGNED_IN, officer?.id ?? null);
    // Locked or signed out: what was said to that officer is not for whoever comes next.
    if (!officer) useUiStore.getState().clearNotices();
    if (officer) {
      write(sessionStorage, LOCKED_FOR, null);
      write(localStorage, LAST_OFFICER, officer.id);
    }
  });
}

/** The officer who was signed in before a reload of this window, if any. */
export function signedInBeforeReload(): string | null {
  return read(sessionStorage, SIGNED_IN);
}

export function markLocked(officerId: string): void {
  write(sessionStorage, LOCKED_FOR, officerId);
}

/** The officer whose screen is locked, if the screen was locked rather than never opened. */
export function lockedFor(): string | null {
  return read(sessionStorage, LOCKED_FOR);
}

export function lastOfficer(): string | null {
  return read(localStorage, LAST_OFFICER);
}

interface Failures {
  count: number;
  /** Until when this officer's PIN is not checked again (ms since epoch). */
  until: number;
}

const failuresKey = (officerId: string) => `sohoa.pinFailures.${officerId}`;

/** Wrong PINs in a row for this officer on this PC; kept across reloads so waiting is real. */
export function pinFailures(officerId: string): Failures {
  try {
    const parsed: unknown = JSON.parse(read(localStorage, failuresKey(officerId)) ?? 'null');
    if (parsed && typeof parsed === 'object' && 'count' in parsed && 'until' in parsed) {
      const { count, until } = parsed;
      if (typeof count === 'number' && typeof until === 'number') return { count, until };
    }
  } catch {
    // Unreadable: start counting again.
  }
  return { count: 0, until: 0 };
}

export function setPinFailures(officerId: string, failures: Failures | null): void {
  write(localStorage, failuresKey(officerId), failures ? JSON.stringify(failures) : null);
}

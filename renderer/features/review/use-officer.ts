import { useSyncExternalStore } from 'react';
import { session } from '../../db';
import type { Person } from '../../db/types';

/** The officer at the keyboard; re-renders on sign-in, sign-out and switch. */
export function useOfficer(): Person | null {
  return useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.officer(),
  );
}

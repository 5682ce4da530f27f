// The officer at the keyboard, for components: re-renders when someone signs in, locks or
// switches, straight from the session the repositories read.
import { useSyncExternalStore } from 'react';
import { session } from '../../db';
import type { Person } from '../../db/types';
import { officerReads, useLiveQuery } from '../../db/reads';

const subscribe = (listener: () => void) => session.subscribe(listener);
const snapshot = () => session.officer();

export function useOfficer(): Person | null {
  return useSyncExternalStore(subscribe, snapshot);
}

/** Every officer's name by id, for trails that store ids (history, exports); undefined while loading. */
export function useOfficerNames(): ReadonlyMap<string, string> | undefined {
  return useLiveQuery(() => officerReads.officerNames(), []);
}

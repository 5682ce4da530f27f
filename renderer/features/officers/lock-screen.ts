// The screen lock as the app runs it: every open entry form's pending input written, then the
// officer signed out of this window's session (the steps are in lock.ts).
import { session } from '../../db';
import { flushAllAutosaves } from '../entry';
import { rememberFocus } from './focus-memory';
import { lockWith, type LockResult } from './lock';
import { markLocked } from './officer-memory';

export function lockScreen(): Promise<LockResult> {
  return lockWith({
    session,
    flushAll: flushAllAutosaves,
    remember: (officerId) => {
      markLocked(officerId);
      rememberFocus();
    },
  });
}

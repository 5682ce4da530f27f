// The screen lock as the app runs it: every open entry form's pending input written, then the
// officer signed out of this window's session (the steps are in lock.ts).
import { session } from '../../db';
import { flushAllAutosaves } from '../entry';
import { flushKeyingTime } from '../keying-time';
import { rememberFocus } from './focus-memory';
import { lockWith, type LockResult } from './lock';
import { markLocked } from './officer-memory';

export function lockScreen(): Promise<LockResult> {
  return lockWith({
    session,
    // The keying time goes to disk too, but a failure there (statistics) never holds the lock.
    flushAll: async () => {
      const saved = await flushAllAutosaves();
      await flushKeyingTime();
      return saved;
    },
    remember: (officerId) => {
      markLocked(officerId);
      rememberFocus();
    },
  });
}

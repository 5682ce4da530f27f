// Locking (idle time, Ctrl+L, "Đổi người") first writes everything still waiting in the entry
// form, and only then signs the officer out: nothing typed before the lock may be lost.
import type { Session } from '../../db/session';

export type LockResult = 'locked' | 'not-saved' | 'not-signed-in';

export interface LockSteps {
  session: Session;
  /** Writes all pending input; true once all of it is on disk. */
  flushAll: () => Promise<boolean>;
  /** Notes who locked and where they were, just before signing out. */
  remember: (officerId: string) => void;
}

export async function lockWith(steps: LockSteps): Promise<LockResult> {
  const officer = steps.session.officer();
  if (!officer) return 'not-signed-in';
  // A save that fails (disk full) keeps the screen open: signing out would drop the typing.
  if (!(await steps.flushAll())) return 'not-saved';
  // Someone else may have signed in while the saves ran; their screen is not ours to lock.
  if (steps.session.officer()?.id !== officer.id) return 'not-signed-in';
  steps.remember(officer.id);
  steps.session.signOut();
  return 'locked';
}

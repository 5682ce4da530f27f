// Locking (idle time, Ctrl+L, "Đổi người") first writes everything still waiting in the entry
// form, and only then signs the officer out: nothing typed before the lock may be lost.
import { session } from '../../db';
import { flushAllAutosaves } from '../entry/use-autosave';
import { markLocked } from './officer-memory';

export type LockResult = 'locked' | 'not-saved' | 'not-signed-in';

export async function lockScreen(): Promise<LockResult> {
  const officer = session.officer();
  if (!officer) return 'not-signed-in';
  // A save that fails (disk full) keeps the screen open: signing out would drop the typing.
  if (!(await flushAllAutosaves())) return 'not-saved';
  if (session.officer()?.id !== officer.id) return 'not-signed-in';
  markLocked(officer.id);
  session.signOut();
  return 'locked';
}

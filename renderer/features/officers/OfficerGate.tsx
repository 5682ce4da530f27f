// Nothing of the books shows until someone is signed in: the first run creates the
// administrator, later runs ask who is working. The route in the URL stays as it was, so after
// signing in the officer is back on the entry they had open.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, type ReactNode } from 'react';
import { db, session } from '../../db';
import { FirstRunScreen } from './FirstRunScreen';
import { IdleLock } from './IdleLock';
import { rememberSessionInWindow, signedInBeforeReload } from './officer-memory';
import { SignInScreen } from './SignInScreen';
import { useOfficer } from './use-officer';

rememberSessionInWindow(session);

export function OfficerGate({ children }: { children: ReactNode }) {
  const officer = useOfficer();
  const people = useLiveQuery(() => db.people.toArray(), []);
  const resumeId = officer ? null : signedInBeforeReload();
  const resumable = people?.find((p) => p.id === resumeId && p.active !== false);

  const deactivated = Boolean(
    officer && people?.some((p) => p.id === officer.id && p.active === false),
  );

  useEffect(() => {
    // The same window reloaded: the officer was at the keyboard a moment ago.
    if (resumable && !session.officer()) session.signIn(resumable);
  }, [resumable]);

  useEffect(() => {
    // An account taken out of service cannot write any more; show the sign-in at once.
    if (deactivated) session.signOut();
  }, [deactivated]);

  if (officer) {
    return (
      <>
        <IdleLock />
        {children}
      </>
    );
  }
  if (!people || resumable) return null;
  if (people.length === 0) return <FirstRunScreen />;
  return <SignInScreen officers={people.filter((p) => p.active !== false)} />;
}

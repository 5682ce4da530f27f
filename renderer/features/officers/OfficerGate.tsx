// Nothing of the books shows until someone is signed in: the first run creates the
// administrator, later runs ask who is working. The route in the URL stays as it was, so after
// signing in the officer is back on the entry they had open. On the desktop the main process
// says who may sign in and who is still signed in after a reload; in a browser the page does.
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pins, session } from '../../db';
import { errorText } from './error-text';
import { FirstRunScreen } from './FirstRunScreen';
import { IdleLock } from './IdleLock';
import { rememberSessionInWindow, signedInBeforeReload } from './officer-memory';
import { SignInScreen } from './SignInScreen';
import { useOfficer } from './use-officer';
import { officerReads, type SyncResult, useLiveQuery } from '../../db/reads';

rememberSessionInWindow(session);

const bridge = pins.where === 'main' ? window.sohoa : undefined;

export function OfficerGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const officer = useOfficer();
  const people = useLiveQuery(() => officerReads.allOfficers(), []);
  // Desktop only: main's list of officers, and whether main was asked who is signed in.
  const [fromMain, setFromMain] = useState<SyncResult | null>(null);
  const [mainAsked, setMainAsked] = useState(false);
  const [mainFailure, setMainFailure] = useState<unknown>(null);
  const resumeId = officer || bridge ? null : signedInBeforeReload();
  const resumable = people?.find((p) => p.id === resumeId && p.active !== false);

  const deactivated = Boolean(
    officer && people?.some((p) => p.id === officer.id && p.active === false),
  );

  useEffect(() => {
    // The window reloaded while main still holds someone signed in: they carry on, once.
    if (!bridge) return;
    const resume = async () => {
      const officerId = await pins.resume();
      const row = await officerReads.officerById(officerId);
      if (row && row.active !== false && !session.officer()) session.signIn(row);
    };
    resume().then(
      () => setMainAsked(true),
      (error: unknown) => setMainFailure(error),
    );
  }, []);

  useEffect(() => {
    // Each change of the page's officers is brought back in line with main's list.
    if (!bridge || people === undefined) return;
    let current = true;
    officerReads.syncOfficersFromMain(bridge).then(
      (result) => {
        if (current) setFromMain(result);
      },
      (error: unknown) => setMainFailure(error),
    );
    return () => {
      current = false;
    };
  }, [people]);

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
  if (mainFailure !== null) {
    return (
      <p role="alert" className="field-error">
        {errorText(t, mainFailure)}
      </p>
    );
  }
  if (!people || resumable) return null;
  if (bridge) {
    if (fromMain === null || !mainAsked) return null;
    if (fromMain.officers.length === 0) return <FirstRunScreen />;
    return (
      <SignInScreen
        officers={people.filter((p) => p.active !== false && fromMain.canSignIn.has(p.id))}
      />
    );
  }
  if (people.length === 0) return <FirstRunScreen />;
  return <SignInScreen officers={people.filter((p) => p.active !== false)} />;
}

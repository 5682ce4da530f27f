// Where PINs are checked and kept. In a browser the page keeps each officer's digest in its own
// database and checks PINs itself (anyone with the browser profile can read and change that).
// On the desktop the main process keeps the digests, counts wrong PINs and holds the session;
// the page's people rows carry no digest, and changing an officer or a PIN needs an
// administrator's sign-in there.
import type {
  DesktopSession,
  OfficerBridge,
  OfficerErrorCode,
  OfficerProfile,
  OfficerResult,
} from '../../shared/officer-bridge';
import { hashPin, verifyPin, type PinDigest } from './pin';
import type { Session } from './session';
import type { Person } from './types';
import { WorkflowError } from './workflow-error';

export type PinCheck =
  { ok: true } | { ok: false; reason: 'wrong-pin' | 'wait' | 'no-pin'; waitMs: number };

export interface PinKeeper {
  readonly where: 'page' | 'main';
  /** The first administrator's PIN. Returns the digest the people row keeps, if any. */
  setUpAdministrator(officer: Person, pin: string): Promise<PinDigest | undefined>;
  /** A new or changed PIN. Returns the digest the people row keeps, if any. */
  savePin(officer: Person, pin: string): Promise<PinDigest | undefined>;
  /** A new name, role or active flag, before the page's row changes. */
  saveProfile(officer: Person): Promise<void>;
  checkPin(officer: Person, pin: string): Promise<PinCheck>;
  /** Who is still signed in after a reload of the window; null when unknown here. */
  resume(): Promise<string | null>;
}

/** A people row without its PIN digest. */
export function withoutDigest(row: Person): Person {
  const copy = { ...row };
  delete copy.pin;
  return copy;
}

/** Main refused to check the PIN yet: too soon after wrong ones. */
export class SignInWaitError extends Error {
  constructor(readonly waitMs: number) {
    super(`Wait ${waitMs} ms before the next PIN`);
    this.name = 'SignInWaitError';
  }
}

/** Today's browser behaviour: digests in the people rows, checked in the page. */
export function createPagePinKeeper(iterations: number): PinKeeper {
  return {
    where: 'page',
    setUpAdministrator: (_officer, pin) => hashPin(pin, iterations),
    savePin: (_officer, pin) => hashPin(pin, iterations),
    saveProfile: () => Promise.resolve(),
    async checkPin(officer, pin) {
      if (!officer.pin || !(await verifyPin(pin, officer.pin))) {
        return { ok: false, reason: 'wrong-pin', waitMs: 0 };
      }
      return { ok: true };
    },
    // The window's own memory (officer-memory.ts) says who was signed in.
    resume: () => Promise.resolve(null),
  };
}

export type MainOfficers = Pick<
  OfficerBridge,
  | 'officersList'
  | 'officersSetUp'
  | 'officersHandOver'
  | 'officersSave'
  | 'sessionSignIn'
  | 'sessionCurrent'
  | 'sessionSignOut'
>;

const profileOf = (officer: Person): OfficerProfile => ({
  id: officer.id,
  name: officer.name,
  role: officer.role,
  active: officer.active !== false,
});

function unwrap<T>(result: OfficerResult<T>): T {
  if (!result.ok) throw new WorkflowError(result.code satisfies OfficerErrorCode);
  return result.value;
}

/**
 * The desktop: main checks and keeps. The page holds only the opaque token of its sign-in,
 * and tells main when the officer signs out or the screen locks.
 */
export function createMainPinKeeper(bridge: MainOfficers, session: Session): PinKeeper {
  let token: string | null = null;
  const adopt = (answer: DesktopSession) => {
    token = answer.token;
  };
  session.subscribe(() => {
    if (session.officer() === null && token !== null) {
      const ended = token;
      token = null;
      bridge.sessionSignOut({ token: ended }).catch((error: unknown) => {
        console.warn('Sign-out was not passed on to the desktop shell', error);
      });
    }
  });
  const requireToken = (): string => {
    if (token === null) throw new WorkflowError('not-signed-in');
    return token;
  };
  return {
    where: 'main',
    async setUpAdministrator(officer, pin) {
      adopt(unwrap(await bridge.officersSetUp({ officer: profileOf(officer), pin })));
      return undefined;
    },
    async savePin(officer, pin) {
      unwrap(
        await bridge.officersSave({ token: requireToken(), officer: profileOf(officer), pin }),
      );
      return undefined;
    },
    async saveProfile(officer) {
      unwrap(await bridge.officersSave({ token: requireToken(), officer: profileOf(officer) }));
    },
    async checkPin(officer, pin) {
      const answer = await bridge.sessionSignIn({ officerId: officer.id, pin });
      if (!answer.ok) return answer;
      adopt(answer.session);
      return { ok: true };
    },
    async resume() {
      const current = await bridge.sessionCurrent();
      if (!current) return null;
      adopt(current);
      return current.officerId;
    },
  };
}

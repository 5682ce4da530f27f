// The desktop's officers, kept by the main process: each officer's role, active flag and PIN
// digest, the wrong-PIN counters, and who is signed in. The page never sees a digest, cannot
// try PINs faster than this allows (reloading the page or restarting the app changes nothing:
// the counters are in the file), and cannot change an officer or a PIN without an
// administrator's sign-in here.
import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';
import {
  handOverRequestSchema,
  officerProfileSchema,
  pinDigestSchema,
  saveOfficerRequestSchema,
  sessionTokenRequestSchema,
  setUpRequestSchema,
  signInRequestSchema,
  type DesktopSession,
  type HandOverResult,
  type OfficerResult,
  type OfficerSummary,
  type SignInAnswer,
  type StoredPinDigest,
} from '../../shared/officer-bridge';
import type { JsonFile } from './json-file';

const derive = promisify(pbkdf2);

/** The same digest the page made with WebCrypto: PBKDF2-SHA-256, 32 bytes, UTF-8 PIN. */
export const PIN_ITERATIONS = 210_000;

/** Wrong PINs in a row that cost nothing: everyone mistypes. */
export const FREE_ATTEMPTS = 3;
/** The longest wait between tries once the free ones are used up. */
export const MAX_WAIT_MS = 5 * 60_000;

/** How long main refuses to check this officer's PIN after `failures` wrong ones in a row. */
export function waitAfterFailures(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_WAIT_MS, 1000 * 2 ** (failures - FREE_ATTEMPTS));
}

const failuresSchema = z.object({
  count: z.number().int().nonnegative(),
  until: z.number(),
});
type Failures = z.infer<typeof failuresSchema>;

// Main's own file may hold digests made with fewer iterations (tests do); only hand-overs
// from the page are held to MIN_PIN_ITERATIONS.
const storedDigestSchema = pinDigestSchema.extend({
  iterations: z.number().int().min(1).max(10_000_000),
});
const storedOfficerSchema = officerProfileSchema.extend({ pin: storedDigestSchema.optional() });
type StoredOfficer = z.infer<typeof storedOfficerSchema>;

const storeSchema = z.object({
  officers: z.array(z.unknown()),
  failures: z.record(z.string(), z.unknown()),
});

interface Store {
  officers: StoredOfficer[];
  failures: Record<string, Failures>;
}

export interface OfficerServiceDeps {
  file: JsonFile;
  now?: () => number;
  /** PBKDF2 iterations for new PINs; tests lower it to stay quick. */
  iterations?: number;
}

export interface OfficerService {
  list(): Promise<OfficerSummary[]>;
  setUp(payload: unknown): Promise<OfficerResult<DesktopSession>>;
  handOver(payload: unknown): Promise<OfficerResult<HandOverResult>>;
  save(payload: unknown): Promise<OfficerResult<OfficerSummary>>;
  signIn(payload: unknown): Promise<SignInAnswer>;
  current(): DesktopSession | null;
  signOut(payload: unknown): void;
  /** Whether anyone is signed in now. */
  isSignedIn(): boolean;
}

/** Thrown for a payload that does not match its schema; the page gets a rejection. */
export class InvalidRequestError extends Error {
  constructor(channel: string) {
    super(`Invalid request on ${channel}`);
    this.name = 'InvalidRequestError';
  }
}

function parse<T>(schema: z.ZodType<T>, payload: unknown, what: string): T {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new InvalidRequestError(what);
  return parsed.data;
}

async function digestPin(pin: string, salt: Buffer, iterations: number): Promise<Buffer> {
  return derive(Buffer.from(pin, 'utf8'), salt, iterations, 32, 'sha256');
}

export async function hashPin(pin: string, iterations = PIN_ITERATIONS): Promise<StoredPinDigest> {
  const salt = randomBytes(16);
  const hash = await digestPin(pin, salt, iterations);
  return {
    algorithm: 'PBKDF2-SHA-256',
    iterations,
    salt: salt.toString('base64'),
    hash: hash.toString('base64'),
  };
}

export async function verifyPin(pin: string, digest: StoredPinDigest): Promise<boolean> {
  const expected = Buffer.from(digest.hash, 'base64');
  const actual = await digestPin(pin, Buffer.from(digest.salt, 'base64'), digest.iterations);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

const summary = (officer: StoredOfficer): OfficerSummary => ({
  id: officer.id,
  name: officer.name,
  role: officer.role,
  active: officer.active,
  hasPin: officer.pin !== undefined,
});

const isActiveAdmin = (officer: StoredOfficer) => officer.role === 'admin' && officer.active;

export function createOfficerService(deps: OfficerServiceDeps): OfficerService {
  const now = deps.now ?? Date.now;
  const iterations = deps.iterations ?? PIN_ITERATIONS;
  let loaded: Promise<Store> | null = null;
  let current: DesktopSession | null = null;
  // One request at a time: parallel sign-ins cannot all be checked before the first failure
  // is counted, and no two writes of the file overlap.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const load = (): Promise<Store> => {
    loaded ??= deps.file.read().then((raw) => {
      const parsed = storeSchema.safeParse(raw);
      if (!parsed.success) return { officers: [], failures: {} };
      const officers = parsed.data.officers.flatMap((item) => {
        const officer = storedOfficerSchema.safeParse(item);
        return officer.success ? [officer.data] : [];
      });
      const failures: Record<string, Failures> = {};
      for (const [id, item] of Object.entries(parsed.data.failures)) {
        const counted = failuresSchema.safeParse(item);
        if (counted.success) failures[id] = counted.data;
      }
      return { officers, failures };
    });
    return loaded;
  };
  const save = (store: Store) => deps.file.write(store);

  const startSession = (officer: StoredOfficer): DesktopSession => {
    current = {
      token: randomBytes(32).toString('hex'),
      officerId: officer.id,
      role: officer.role,
      since: now(),
    };
    return current;
  };

  /** The signed-in officer as stored now, if `token` is the current sign-in. */
  const signedIn = (store: Store, token: string): StoredOfficer | null => {
    if (!current || current.token !== token) return null;
    const officerId = current.officerId;
    const officer = store.officers.find((o) => o.id === officerId);
    return officer?.active ? officer : null;
  };

  return {
    async list() {
      return (await load()).officers.map(summary);
    },

    async setUp(payload) {
      const request = parse(setUpRequestSchema, payload, 'officers:set-up');
      return serial(async () => {
        const store = await load();
        if (store.officers.length > 0) return { ok: false, code: 'already-set-up' };
        const admin: StoredOfficer = {
          ...request.officer,
          role: 'admin',
          active: true,
          pin: await hashPin(request.pin, iterations),
        };
        store.officers.push(admin);
        await save(store);
        return { ok: true, value: startSession(admin) };
      });
    },

    async handOver(payload) {
      const request = parse(handOverRequestSchema, payload, 'officers:hand-over');
      return serial(async () => {
        const store = await load();
        if (store.officers.length > 0) return { ok: false, code: 'already-set-up' };
        const taken: StoredOfficer[] = [];
        const refused: string[] = [];
        for (const { pin, ...profile } of request.officers) {
          const digest = pinDigestSchema.safeParse(pin);
          if (digest.success && !taken.some((o) => o.id === profile.id)) {
            taken.push({ ...profile, pin: digest.data });
          } else {
            refused.push(profile.id);
          }
        }
        // Without an administrator who can sign in, nobody could ever fix the rest.
        if (!taken.some(isActiveAdmin)) {
          return { ok: true, value: { taken: [], refused: request.officers.map((o) => o.id) } };
        }
        store.officers.push(...taken);
        await save(store);
        return { ok: true, value: { taken: taken.map((o) => o.id), refused } };
      });
    },

    async save(payload) {
      const request = parse(saveOfficerRequestSchema, payload, 'officers:save');
      return serial(async () => {
        const store = await load();
        const actor = signedIn(store, request.token);
        if (!actor) return { ok: false, code: 'not-signed-in' };
        const before = store.officers.find((o) => o.id === request.officer.id);
        const onlyOwnPin =
          before !== undefined &&
          before.id === actor.id &&
          request.pin !== undefined &&
          before.name === request.officer.name &&
          before.role === request.officer.role &&
          before.active === request.officer.active;
        if (!onlyOwnPin && actor.role !== 'admin') return { ok: false, code: 'not-allowed' };
        const after: StoredOfficer = {
          ...before,
          ...request.officer,
          ...(request.pin !== undefined ? { pin: await hashPin(request.pin, iterations) } : {}),
        };
        if (before && isActiveAdmin(before) && !isActiveAdmin(after)) {
          const admins = store.officers.filter(isActiveAdmin).length;
          if (admins <= 1) return { ok: false, code: 'last-admin' };
        }
        store.officers = before
          ? store.officers.map((o) => (o.id === after.id ? after : o))
          : [...store.officers, after];
        if (request.pin !== undefined) delete store.failures[after.id];
        await save(store);
        if (current?.officerId === after.id) {
          current = after.active ? { ...current, role: after.role } : null;
        }
        return { ok: true, value: summary(after) };
      });
    },

    async signIn(payload) {
      const request = parse(signInRequestSchema, payload, 'session:sign-in');
      return serial(async (): Promise<SignInAnswer> => {
        const store = await load();
        const officer = store.officers.find((o) => o.id === request.officerId);
        if (!officer?.active || !officer.pin) return { ok: false, reason: 'no-pin', waitMs: 0 };
        const failures = store.failures[officer.id] ?? { count: 0, until: 0 };
        const left = failures.until - now();
        if (left > 0) return { ok: false, reason: 'wait', waitMs: left };
        if (await verifyPin(request.pin, officer.pin)) {
          if (store.failures[officer.id]) {
            delete store.failures[officer.id];
            await save(store);
          }
          return { ok: true, session: startSession(officer) };
        }
        const count = failures.count + 1;
        const waitMs = waitAfterFailures(count);
        store.failures[officer.id] = { count, until: now() + waitMs };
        await save(store);
        return { ok: false, reason: 'wrong-pin', waitMs };
      });
    },

    current: () => current,

    signOut(payload) {
      const { token } = parse(sessionTokenRequestSchema, payload, 'session:sign-out');
      if (current?.token === token) current = null;
    },

    isSignedIn: () => current !== null,
  };
}

import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopSession, OfficerProfile } from '../../shared/officer-bridge';
import { createJsonFile } from './json-file';
import {
  createOfficerService,
  hashPin,
  MAX_WAIT_MS,
  verifyPin,
  waitAfterFailures,
  type OfficerService,
} from './officers';

// The service never touches electron; the mock proves it.
vi.mock('electron', () => ({}));

const ITERATIONS = 1000;
let folder: string;
let clock: number;

beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'sohoa-officers-'));
  clock = 1_700_000_000_000;
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

const storePath = () => path.join(folder, 'officers.json');
/** A fresh main process over the same file, as after a restart. */
const start = (): OfficerService =>
  createOfficerService({
    file: createJsonFile(storePath()),
    now: () => clock,
    iterations: ITERATIONS,
  });

const admin: OfficerProfile = { id: 'admin-1', name: 'Nguyễn Văn An', role: 'admin', active: true };
const keyer: OfficerProfile = { id: 'keyer-1', name: 'Trần Thị Bình', role: 'entry', active: true };

async function withAdmin(): Promise<{ service: OfficerService; session: DesktopSession }> {
  const service = start();
  const set = await service.setUp({ officer: admin, pin: '2468' });
  if (!set.ok) throw new Error('set-up refused');
  return { service, session: set.value };
}

async function withKeyer() {
  const { service, session } = await withAdmin();
  const added = await service.save({ token: session.token, officer: keyer, pin: '1357' });
  expect(added.ok).toBe(true);
  return { service, session };
}

/** A digest as the page's WebCrypto code makes it (renderer/db/pin.ts). */
function pageDigest(pin: string, iterations = 210_000) {
  const salt = randomBytes(16);
  return {
    algorithm: 'PBKDF2-SHA-256' as const,
    iterations,
    salt: salt.toString('base64'),
    hash: pbkdf2Sync(pin, salt, iterations, 32, 'sha256').toString('base64'),
  };
}

describe('PIN digests in main', () => {
  it('verify digests the page made with WebCrypto, and only the right PIN', async () => {
    const digest = pageDigest('4321', 100_000);
    expect(await verifyPin('4321', digest)).toBe(true);
    expect(await verifyPin('4322', digest)).toBe(false);
    const own = await hashPin('98765', ITERATIONS);
    expect(await verifyPin('98765', own)).toBe(true);
    expect(own.salt).not.toBe((await hashPin('98765', ITERATIONS)).salt);
  });
});

describe('first run and hand-over', () => {
  it('creates the first administrator once, signed in', async () => {
    const { service, session } = await withAdmin();
    expect(session).toMatchObject({ officerId: 'admin-1', role: 'admin' });
    expect(service.current()).toEqual(session);
    expect(await service.setUp({ officer: keyer, pin: '3052' })).toEqual({
      ok: false,
      code: 'already-set-up',
    });
  });

  it('takes over the page’s digests once, refusing weak ones, and keeps them in its file', async () => {
    const service = start();
    const result = await service.handOver({
      officers: [
        { ...admin, pin: pageDigest('2468') },
        { ...keyer, pin: { ...pageDigest('1357', 1000), iterations: 1 } },
      ],
    });
    expect(result).toEqual({ ok: true, value: { taken: ['admin-1'], refused: ['keyer-1'] } });
    const file = await fs.readFile(storePath(), 'utf8');
    expect(file).toContain('admin-1');
    // After a restart the administrator still signs in with the old PIN.
    const restarted = start();
    expect(await restarted.signIn({ officerId: 'admin-1', pin: '2468' })).toMatchObject({
      ok: true,
    });
    expect(await restarted.signIn({ officerId: 'keyer-1', pin: '1357' })).toEqual({
      ok: false,
      reason: 'no-pin',
      waitMs: 0,
    });
    // A second hand-over (say, a crafted administrator in the page) is refused.
    expect(
      await restarted.handOver({ officers: [{ ...keyer, role: 'admin', pin: pageDigest('1') }] }),
    ).toEqual({ ok: false, code: 'already-set-up' });
  });

  it('takes nothing when no administrator could sign in afterwards', async () => {
    const service = start();
    const result = await service.handOver({ officers: [{ ...keyer, pin: pageDigest('1357') }] });
    expect(result).toEqual({ ok: true, value: { taken: [], refused: ['keyer-1'] } });
    expect(await service.list()).toEqual([]);
  });
});

describe('sign-in in main', () => {
  it('gives an opaque token, answers the current session, and signs out', async () => {
    const { service } = await withKeyer();
    const answer = await service.signIn({ officerId: 'keyer-1', pin: '1357' });
    if (!answer.ok) throw new Error('refused');
    expect(answer.session.token).toMatch(/^[0-9a-f]{64}$/);
    expect(answer.session.token).not.toContain('keyer');
    expect(service.current()).toEqual(answer.session);
    service.signOut({ token: 'f'.repeat(64) });
    expect(service.current()).toEqual(answer.session);
    service.signOut({ token: answer.session.token });
    expect(service.current()).toBeNull();
  });

  it('refuses inactive officers and unknown ids without checking a PIN', async () => {
    const { service, session } = await withKeyer();
    await service.save({ token: session.token, officer: { ...keyer, active: false } });
    expect(await service.signIn({ officerId: 'keyer-1', pin: '1357' })).toMatchObject({
      ok: false,
      reason: 'no-pin',
    });
    expect(await service.signIn({ officerId: 'nobody', pin: '1357' })).toMatchObject({
      ok: false,
      reason: 'no-pin',
    });
  });

  it('makes wrong PINs wait, and the wait survives a restart of the app', async () => {
    const { service } = await withKeyer();
    const tries = [];
    for (let i = 0; i < 5; i++)
      tries.push(await service.signIn({ officerId: 'keyer-1', pin: '0000' }));
    // Three free mistakes, then 1 s, then 2 s.
    expect(tries.map((t) => (t.ok ? 'ok' : `${t.reason}:${t.waitMs}`))).toEqual([
      'wrong-pin:0',
      'wrong-pin:0',
      'wrong-pin:1000',
      // Still inside the wait: not even checked.
      'wait:1000',
      'wait:1000',
    ]);
    // Reloading the page means nothing to main; restarting the app reads the counters back.
    const restarted = start();
    expect(await restarted.signIn({ officerId: 'keyer-1', pin: '1357' })).toMatchObject({
      ok: false,
      reason: 'wait',
    });
    clock += 1000;
    expect(await restarted.signIn({ officerId: 'keyer-1', pin: '0000' })).toEqual({
      ok: false,
      reason: 'wrong-pin',
      waitMs: 2000,
    });
    clock += 2000;
    expect(await restarted.signIn({ officerId: 'keyer-1', pin: '1357' })).toMatchObject({
      ok: true,
    });
    // The right PIN clears the count: the next mistake is free again.
    expect(await restarted.signIn({ officerId: 'keyer-1', pin: '0000' })).toEqual({
      ok: false,
      reason: 'wrong-pin',
      waitMs: 0,
    });
  });

  it('checks parallel tries one at a time, so a burst cannot skip the wait', async () => {
    const { service } = await withKeyer();
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        service.signIn({ officerId: 'keyer-1', pin: String(1000 + i) }),
      ),
    );
    const checked = burst.filter((answer) => !answer.ok && answer.reason === 'wrong-pin');
    expect(checked).toHaveLength(3);
  });

  it('grows the wait up to five minutes', () => {
    expect([0, 1, 2, 3, 4, 5].map(waitAfterFailures)).toEqual([0, 0, 0, 1000, 2000, 4000]);
    expect(waitAfterFailures(40)).toBe(MAX_WAIT_MS);
  });
});

describe('officers changed only with an administrator’s sign-in in main', () => {
  it('lets an administrator add officers and reset PINs', async () => {
    const { service } = await withKeyer();
    expect(await service.list()).toEqual([
      { ...admin, hasPin: true },
      { ...keyer, hasPin: true },
    ]);
    expect(await service.signIn({ officerId: 'keyer-1', pin: '1357' })).toMatchObject({ ok: true });
  });

  it('refuses a keyer who makes themselves administrator or adds an officer', async () => {
    const { service } = await withKeyer();
    const answer = await service.signIn({ officerId: 'keyer-1', pin: '1357' });
    if (!answer.ok) throw new Error('refused');
    const token = answer.session.token;
    expect(await service.save({ token, officer: { ...keyer, role: 'admin' } })).toEqual({
      ok: false,
      code: 'not-allowed',
    });
    expect(
      await service.save({
        token,
        officer: { id: 'ghost', name: 'Ghost', role: 'admin', active: true },
        pin: '3052',
      }),
    ).toEqual({ ok: false, code: 'not-allowed' });
    expect(await service.save({ token, officer: admin, pin: '3052' })).toEqual({
      ok: false,
      code: 'not-allowed',
    });
    // Their own PIN, with nothing else changed, is theirs to change.
    expect(await service.save({ token, officer: keyer, pin: '8642' })).toMatchObject({ ok: true });
    expect(await service.signIn({ officerId: 'keyer-1', pin: '8642' })).toMatchObject({ ok: true });
    expect((await service.list()).find((o) => o.id === 'keyer-1')?.role).toBe('entry');
  });

  it('lets an administrator name an officer it has no PIN for, who cannot sign in yet', async () => {
    const { service, session } = await withAdmin();
    expect(await service.save({ token: session.token, officer: keyer })).toEqual({
      ok: true,
      value: { ...keyer, hasPin: false },
    });
    expect(await service.signIn({ officerId: keyer.id, pin: '1357' })).toMatchObject({
      ok: false,
      reason: 'no-pin',
    });
  });

  it('refuses a stale or made-up token', async () => {
    const { service, session } = await withAdmin();
    service.signOut({ token: session.token });
    expect(await service.save({ token: session.token, officer: keyer, pin: '1357' })).toEqual({
      ok: false,
      code: 'not-signed-in',
    });
    expect(await service.save({ token: 'a'.repeat(64), officer: keyer, pin: '1357' })).toEqual({
      ok: false,
      code: 'not-signed-in',
    });
  });

  it('keeps the last active administrator one', async () => {
    const { service, session } = await withAdmin();
    expect(
      await service.save({ token: session.token, officer: { ...admin, role: 'review' } }),
    ).toEqual({ ok: false, code: 'last-admin' });
    expect(
      await service.save({ token: session.token, officer: { ...admin, active: false } }),
    ).toEqual({ ok: false, code: 'last-admin' });
  });

  it('never writes a digest the page could read back', async () => {
    const { service } = await withKeyer();
    const listed = JSON.stringify(await service.list());
    expect(listed).not.toMatch(/hash|salt|iterations/);
  });

  it('rejects malformed requests outright', async () => {
    const service = start();
    await expect(service.signIn({ officerId: 'a', pin: 1234 })).rejects.toThrow(/Invalid/);
    await expect(service.setUp({ officer: admin, pin: '12' })).rejects.toThrow(/Invalid/);
  });
});

// Both ends of the desktop's officer bridge together: the main process's real service behind
// a bridge that copies every message as IPC would, and the page's real repositories and
// database. What an officer (or someone editing the page's storage) can and cannot do.
import { beforeEach, describe, expect, it } from 'vitest';
import { createOfficerService, type OfficerService } from '../electron/ipc/officers';
import type { SohoaDatabase } from '../renderer/db/database';
import { syncOfficersFromMain } from '../renderer/db/officer-sync';
import { createMainPinKeeper, SignInWaitError, type MainOfficers } from '../renderer/db/pin-keeper';
import { createRepositories } from '../renderer/db/repositories';
import { createSession } from '../renderer/db/session';
import { freshIndexedDb, openCurrent, uniqueName } from '../renderer/db/test-harness';
import { MIN_PIN_ITERATIONS } from './officer-bridge';

let db: SohoaDatabase;
let service: OfficerService;
let bridge: MainOfficers;

const ipc = <T>(value: T): T => structuredClone(value);

function memoryFile() {
  let stored: unknown = null;
  return {
    read: () => Promise.resolve(ipc(stored)),
    write: (value: unknown) => {
      stored = ipc(value);
      return Promise.resolve();
    },
  };
}

/** The page of one window load: its own session and repositories, main's bridge. */
function openPage() {
  const session = createSession();
  const pins = createMainPinKeeper(bridge, session);
  return { session, pins, repo: createRepositories(db, session, { pins }) };
}

beforeEach(async () => {
  freshIndexedDb();
  db = openCurrent(uniqueName());
  await db.open();
  // Main's clock stands still: a wait it sets never runs out during a test.
  service = createOfficerService({
    file: memoryFile(),
    iterations: 1000,
    now: () => 1_700_000_000_000,
  });
  bridge = {
    officersList: async () => ipc(await service.list()),
    officersSetUp: async (request) => ipc(await service.setUp(ipc(request))),
    officersHandOver: async (request) => ipc(await service.handOver(ipc(request))),
    officersSave: async (request) => ipc(await service.save(ipc(request))),
    sessionSignIn: async (request) => ipc(await service.signIn(ipc(request))),
    sessionCurrent: () => Promise.resolve(ipc(service.current())),
    sessionSignOut: (request) => {
      service.signOut(ipc(request));
      return Promise.resolve();
    },
  };
});

async function firstRun() {
  const page = openPage();
  const admin = await page.repo.setUpAdministrator('Nguyễn Văn An', '2468');
  page.session.signIn(admin);
  const keyer = await page.repo.addOfficer({ name: 'Trần Thị Bình', role: 'entry', pin: '1357' });
  await syncOfficersFromMain(db, bridge);
  return { page, admin, keyer };
}

describe('the desktop’s officers, main and page together', () => {
  it('keeps PIN digests out of the page and signs in through main', async () => {
    const { page, admin, keyer } = await firstRun();
    expect(service.current()?.officerId).toBe(admin.id);
    const rows = await db.people.toArray();
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.pin === undefined)).toBe(true);

    page.session.signOut();
    expect(service.current()).toBeNull();
    expect(await page.repo.signIn(keyer.id, '0000')).toBeNull();
    expect(await page.repo.signIn(keyer.id, '1357')).toMatchObject({ id: keyer.id });
    expect(service.current()).toMatchObject({ officerId: keyer.id, role: 'entry' });
  });

  it('takes over the digests of an existing database once, then strips them from the page', async () => {
    // The page's database as the browser-era code wrote it, digests and all.
    const before = createSession();
    const old = createRepositories(db, before, { pinIterations: MIN_PIN_ITERATIONS });
    const admin = await old.setUpAdministrator('Nguyễn Văn An', '2468');
    before.signIn(admin);
    const keyer = await old.addOfficer({ name: 'Trần Thị Bình', role: 'entry', pin: '1357' });
    expect((await db.people.get(keyer.id))?.pin).toBeDefined();

    // A row main could not take (merged in long ago with an odd id) does not stop the rest.
    await db.people.add({ ...keyer, id: 'không hợp lệ/../x', name: 'Lạ' });

    const synced = await syncOfficersFromMain(db, bridge);
    expect([...synced.canSignIn].sort()).toEqual([admin.id, keyer.id].sort());
    expect((await db.people.toArray()).every((row) => row.pin === undefined)).toBe(true);
    const page = openPage();
    expect(await page.repo.signIn(keyer.id, '1357')).toMatchObject({ id: keyer.id });
  });

  it('survives a reload only through main: a forged window memory signs nobody in', async () => {
    const { page, keyer } = await firstRun();
    page.session.signOut();
    const reloaded = openPage();
    expect(await reloaded.pins.resume()).toBeNull();
    expect(await page.repo.signIn(keyer.id, '1357')).not.toBeNull();
    const again = openPage();
    expect(await again.pins.resume()).toBe(keyer.id);
  });

  it('makes a keyer who edits their own row administrator gain nothing', async () => {
    const { page, keyer } = await firstRun();
    page.session.signOut();
    await page.repo.signIn(keyer.id, '1357');
    await db.people.update(keyer.id, { role: 'admin' });
    await expect(
      page.repo.addOfficer({ name: 'Kẻ Lạ', role: 'admin', pin: '3052' }),
    ).rejects.toMatchObject({ code: 'not-allowed' });
    await expect(page.repo.updateOfficer(keyer.id, { role: 'admin' })).rejects.toMatchObject({
      code: 'not-allowed',
    });
    // The next look at main's list puts the row back.
    await syncOfficersFromMain(db, bridge);
    expect((await db.people.get(keyer.id))?.role).toBe('entry');
    expect((await service.list()).map((o) => o.role).sort()).toEqual(['admin', 'entry']);
  });

  it('brings back emptied officers instead of a new first run', async () => {
    const { admin } = await firstRun();
    await db.people.clear();
    const synced = await syncOfficersFromMain(db, bridge);
    expect(synced.officers).toHaveLength(2);
    expect((await db.people.get(admin.id))?.role).toBe('admin');
    const page = openPage();
    await expect(page.repo.setUpAdministrator('Kẻ Lạ', '3052')).rejects.toMatchObject({
      code: 'already-set-up',
    });
  });

  it('lets no officer merged into the page sign in, digest or not', async () => {
    await firstRun();
    const crafted = {
      id: 'crafted-admin',
      name: 'Quản trị giả',
      role: 'admin' as const,
      createdAt: 1,
      active: true,
      pin: { algorithm: 'PBKDF2-SHA-256' as const, iterations: 1, salt: 'AAAA', hash: 'AAAA' },
    };
    await db.people.add(crafted);
    const synced = await syncOfficersFromMain(db, bridge);
    expect(synced.canSignIn.has('crafted-admin')).toBe(false);
    expect((await db.people.get('crafted-admin'))?.pin).toBeUndefined();
    const page = openPage();
    await expect(page.repo.signIn('crafted-admin', '0000')).rejects.toMatchObject({
      code: 'pin-not-set',
    });
  });

  it('makes wrong PINs wait in main whatever the page forgets', async () => {
    const { page, keyer } = await firstRun();
    page.session.signOut();
    for (let i = 0; i < 3; i++) expect(await page.repo.signIn(keyer.id, '0000')).toBeNull();
    // A new page (reload, cleared storage) asks main again: main says wait.
    const fresh = openPage();
    await expect(fresh.repo.signIn(keyer.id, '1357')).rejects.toBeInstanceOf(SignInWaitError);
  });

  it('changes a PIN only with the officer’s own or an administrator’s sign-in', async () => {
    const { page, admin, keyer } = await firstRun();
    await page.repo.setPin(keyer.id, '9517');
    page.session.signOut();
    expect(await page.repo.signIn(keyer.id, '9517')).not.toBeNull();
    await page.repo.setPin(keyer.id, '8426');
    await expect(page.repo.setPin(admin.id, '3052')).rejects.toMatchObject({
      code: 'not-allowed',
    });
    page.session.signOut();
    expect(await page.repo.signIn(admin.id, '2468')).not.toBeNull();
    expect((await db.people.get(keyer.id))?.pin).toBeUndefined();
  });
});

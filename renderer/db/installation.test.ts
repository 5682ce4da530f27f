import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import type { BridgeResult, InstallationIdentity } from '../../shared/bridge';
import { openFile, sealFile } from './backup-format';
import {
  fingerprintOf,
  fromBase64,
  generateKeyPair,
  rawPublicKey,
  signWith,
  toBase64,
} from './file-signature';
import { bridgeKeySource, createInstallation } from './installation';

let made: { name: string; close: () => void }[] = [];
function pc(
  label: string,
  name = `installation-${label}-${crypto.randomUUID()}`,
  keys?: Parameters<typeof createInstallation>[1],
) {
  const created = createInstallation(name, keys);
  made.push({ name, close: () => created.db.close() });
  return created;
}
afterEach(async () => {
  for (const { name, close } of made) {
    close();
    await Dexie.delete(name);
  }
  made = [];
});

describe('installation key', () => {
  it('is made once and kept: the same identity after the app starts again', async () => {
    const name = `installation-restart-${crypto.randomUUID()}`;
    const first = await pc('a', name).identity();
    const again = await pc('a', name).identity();
    expect(again).toEqual(first);
    expect(fromBase64(first.publicKey)).toHaveLength(65);
  });

  it('keeps one key when two windows ask at the same time', async () => {
    const name = `installation-race-${crypto.randomUUID()}`;
    const [a, b] = await Promise.all([pc('a', name).identity(), pc('b', name).identity()]);
    expect(a).toEqual(b);
  });

  it('stores a private key that can sign but not be read out', async () => {
    const mine = pc('a');
    await mine.identity();
    const stored = await mine.db.keys.get('own');
    expect(stored?.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', stored!.privateKey)).rejects.toThrow();
  });

  it('puts a new name on the files it signs from now on', async () => {
    const mine = pc('a');
    await mine.rename('  Máy Tư pháp 1 ');
    expect((await mine.signingKey()).signer.name).toBe('Máy Tư pháp 1');
  });
});

describe('trust', () => {
  it('tells its own key, a trusted PC and an unknown one apart', async () => {
    const mine = pc('mine');
    const friend = await pc('friend').identity();
    const stranger = await pc('stranger').identity();
    expect(await mine.standing(await mine.identity())).toBe('own');
    expect(await mine.standing(friend)).toBe('unknown');
    await mine.trust(friend, 'Quản trị viên', 1000);
    expect(await mine.standing(friend)).toBe('trusted');
    expect(await mine.standing(stranger)).toBe('unknown');
    expect(await mine.trustedPcs()).toEqual([
      {
        installationId: friend.installationId,
        name: friend.name,
        publicKey: friend.publicKey,
        fingerprint: friend.fingerprint,
        trustedAt: 1000,
        trustedBy: 'Quản trị viên',
      },
    ]);
  });

  it('does not trust another key that claims a trusted PC’s installation id', async () => {
    const mine = pc('mine');
    const friend = await pc('friend').identity();
    const impostor = await pc('impostor').identity();
    await mine.trust(friend, 'Quản trị viên');
    expect(await mine.standing({ ...impostor, installationId: friend.installationId })).toBe(
      'unknown',
    );
  });

  it('forgets a PC once its trust is revoked', async () => {
    const mine = pc('mine');
    const friend = await pc('friend').identity();
    await mine.trust(friend, 'Quản trị viên');
    await mine.revoke(friend.installationId);
    expect(await mine.standing(friend)).toBe('unknown');
    expect(await mine.trustedPcs()).toEqual([]);
  });
});

/** What the desktop's main process answers through the bridge, with a key of the test's. */
async function fakeMainProcess(failing = false) {
  const pair = await generateKeyPair();
  const raw = await rawPublicKey(pair.publicKey);
  let identity: InstallationIdentity = {
    installationId: 'desktop-1',
    name: '',
    publicKey: toBase64(raw),
    fingerprint: fingerprintOf(raw),
  };
  const answer = <T>(value: T): Promise<BridgeResult<T>> =>
    Promise.resolve(
      failing
        ? { ok: false, error: { code: 'key-unusable', params: { detail: 'EACCES' } } }
        : { ok: true, value },
    );
  return {
    getInstallationIdentity: () => answer(identity),
    signHeader: async ({ bytes }: { bytes: Uint8Array }) =>
      answer<Uint8Array>(await signWith(pair.privateKey, new Uint8Array(bytes))),
    renameInstallation: ({ name }: { name: string }) => {
      identity = { ...identity, name };
      return answer(identity);
    },
  };
}

describe('the desktop key, held by the main process', () => {
  const header = {
    kind: 'backup' as const,
    appVersion: '0.1.0',
    schemaVersion: 4,
    createdAt: 0,
    withScans: false,
    counts: {},
    books: [],
  };

  it('signs files through the bridge and keeps no key in the page', async () => {
    const desktop = pc('desktop', undefined, bridgeKeySource(await fakeMainProcess()));
    const file = await sealFile(header, new Blob(['{}']), { key: await desktop.signingKey() });
    const opened = await openFile(file, { latestSchemaVersion: 4 });
    expect(opened).toMatchObject({ ok: true, signature: { state: 'valid' } });
    if (!opened.ok || opened.signature.state !== 'valid') return;
    expect(await desktop.standing(opened.signature.signer)).toBe('own');
    expect(await desktop.db.keys.count()).toBe(0);
    await desktop.rename('Máy một cửa');
    expect((await desktop.identity()).name).toBe('Máy một cửa');
  });

  it('passes on the main process’s refusal instead of writing an unsigned file', async () => {
    const desktop = pc('desktop', undefined, bridgeKeySource(await fakeMainProcess(true)));
    await expect(desktop.signingKey()).rejects.toThrow('key-unusable');
  });
});

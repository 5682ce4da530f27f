import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InstallationIdentity } from '../../shared/bridge';
import { fingerprintFromDigest } from '../../shared/signature/fingerprint';
import { createInstallationKey, type InstallationKeyService } from './installation-key';

vi.mock('electron', () => ({}));

let dir: string;
let keyPath: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sohoa-key-'));
  keyPath = path.join(dir, 'installation-key.json');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function identityOf(service: InstallationKeyService): Promise<InstallationIdentity> {
  const result = await service.identity();
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** Checks a signature the way the renderer does: WebCrypto, raw public key, r‖s signature. */
async function verifiesInWebCrypto(
  identity: InstallationIdentity,
  bytes: Uint8Array<ArrayBuffer>,
  signature: Uint8Array<ArrayBuffer>,
) {
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256' };
  const key = await crypto.subtle.importKey(
    'raw',
    Buffer.from(identity.publicKey, 'base64'),
    algorithm,
    false,
    ['verify'],
  );
  return crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, signature, bytes);
}

const header = { magic: 'SOHOA-DATA', formatVersion: 1, kind: 'backup', sha256: 'ab'.repeat(32) };

describe('the installation key in the main process', () => {
  it('is made once in the app data folder and kept across restarts', async () => {
    const first = await identityOf(createInstallationKey(keyPath));
    const again = await identityOf(createInstallationKey(keyPath));
    expect(again).toEqual(first);
    expect(first.fingerprint).toMatch(/^\d{5} \d{5} \d{5} \d{5} \d{5}$/);
    if (process.platform !== 'win32') {
      expect((await fs.stat(keyPath)).mode & 0o777).toBe(0o600);
    }
  });

  it('signs headers so that WebCrypto verifies them, under the fingerprint of its key', async () => {
    const service = createInstallationKey(keyPath);
    const own = await identityOf(service);
    const raw = Buffer.from(own.publicKey, 'base64');
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', raw));
    expect(own.fingerprint).toBe(fingerprintFromDigest(digest));
    const bytes = encode({ ...header, signer: own });
    const signed = await service.signHeader({ bytes });
    if (!signed.ok) throw new Error(JSON.stringify(signed.error));
    expect(signed.value).toHaveLength(64);
    expect(await verifiesInWebCrypto(own, bytes, new Uint8Array(signed.value))).toBe(true);
    const altered = encode({ ...header, kind: 'work-package', signer: own });
    expect(await verifiesInWebCrypto(own, altered, new Uint8Array(signed.value))).toBe(false);
  });

  it('signs nothing but a SoHoa header naming this installation', async () => {
    const service = createInstallationKey(keyPath);
    const own = await identityOf(service);
    for (const [bytes, code] of [
      [encode({ anything: 'else', signer: own }), 'not-this-pc'],
      [encode({ ...header, signer: { ...own, publicKey: 'someone else' } }), 'not-this-pc'],
      [new Uint8Array([0xff, 0xfe]), 'not-a-header'],
    ] as const) {
      expect(await service.signHeader({ bytes })).toMatchObject({ ok: false, error: { code } });
    }
    expect(await service.signHeader({ bytes: 'text' })).toMatchObject({ ok: false });
    expect(await service.signHeader({ bytes: new Uint8Array(5 * 2 ** 20) })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('keeps a new name across restarts', async () => {
    const service = createInstallationKey(keyPath);
    expect(await service.rename({ name: ' Máy Tư pháp 1 ' })).toMatchObject({
      ok: true,
      value: { name: 'Máy Tư pháp 1' },
    });
    expect((await identityOf(createInstallationKey(keyPath))).name).toBe('Máy Tư pháp 1');
    expect(await service.rename({ name: 'x'.repeat(201) })).toMatchObject({ ok: false });
  });

  it('moves an unreadable key file aside and makes a new key, never overwriting it', async () => {
    await fs.writeFile(keyPath, 'not json');
    const service = createInstallationKey(keyPath, () => 1234);
    const fresh = await identityOf(service);
    expect(fresh.publicKey).toHaveLength(88);
    expect(await fs.readFile(`${keyPath}.broken-1234`, 'utf8')).toBe('not json');
  });
});

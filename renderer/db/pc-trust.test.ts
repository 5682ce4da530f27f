import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import type { SohoaDatabase } from './database';
import { createInstallation, type Installation } from './installation';
import { renameThisPc, revokePc, trustPc } from './pc-trust';
import { freshIndexedDb, openCurrent, signedInRepositories, uniqueName } from './test-harness';
import { verifyAuditChain } from './audit-chain';

let db: SohoaDatabase;
let mine: Installation;
let other: Installation;

beforeEach(async () => {
  freshIndexedDb();
  db = openCurrent(uniqueName('pc'));
  await db.open();
  mine = createInstallation(uniqueName('mine'));
  other = createInstallation(uniqueName('other'));
});
afterEach(async () => {
  for (const made of [mine, other]) {
    made.db.close();
    await Dexie.delete(made.db.name);
  }
  db.close();
});

describe('trusting another PC', () => {
  it('an administrator trusts it, named on the trust list and on the audit chain', async () => {
    const { repo, officer } = await signedInRepositories(db, 'admin');
    const signer = await other.identity();
    await trustPc({ repo, installation: mine }, signer);
    expect(await mine.standing(signer)).toBe('trusted');
    expect((await mine.trustedPcs())[0]?.trustedBy).toBe(officer.name);
    const events = await db.audit.filter((event) => event.action === 'trust-pc').toArray();
    expect(events).toMatchObject([
      { entityId: `pc:${signer.installationId}`, by: officer.id, entity: 'setting' },
    ]);
    expect(JSON.parse(events[0]!.newValue!)).toEqual({
      name: signer.name,
      fingerprint: signer.fingerprint,
    });
    expect((await verifyAuditChain(db.audit)).ok).toBe(true);
  });

  it('a keyer or a reviewer cannot trust a PC', async () => {
    for (const role of ['entry', 'review'] as const) {
      const { repo } = await signedInRepositories(db, role);
      await expect(trustPc({ repo, installation: mine }, await other.identity())).rejects.toThrow();
    }
    expect(await mine.standing(await other.identity())).toBe('unknown');
    expect(await db.audit.count()).toBe(0);
  });

  it('revoking makes its files unknown again, and is on the audit chain', async () => {
    const { repo } = await signedInRepositories(db, 'admin');
    const signer = await other.identity();
    await trustPc({ repo, installation: mine }, signer);
    await revokePc({ repo, installation: mine }, signer.installationId);
    expect(await mine.standing(signer)).toBe('unknown');
    expect(await db.audit.filter((event) => event.action === 'revoke-pc').count()).toBe(1);
  });

  it('renaming this PC changes the name on its next files and is on the audit chain', async () => {
    const { repo } = await signedInRepositories(db, 'admin');
    await renameThisPc({ repo, installation: mine }, 'Máy Tư pháp 2');
    expect((await mine.signingKey()).signer.name).toBe('Máy Tư pháp 2');
    expect(await db.audit.filter((event) => event.action === 'rename-pc').count()).toBe(1);
  });
});

// What one PC remembers stays on it: a backup does not carry it, a restore leaves the restoring
// PC's own as they were, and an older backup that still holds another PC's memory brings only
// the data's settings.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildBackup, readSohoaFile } from './backup';
import type * as InstallationModule from './installation';
import type { FileSigner } from './file-signature';
import { sampleBook } from './sample-data';
import { isPcLocalSetting } from './setting-keys';
import { freshIndexedDb, openCurrent, signedInRepositories, uniqueName } from './test-harness';

vi.mock('./installation', async (importOriginal) => {
  const real = await importOriginal<typeof InstallationModule>();
  let made: InstallationModule.Installation | undefined;
  const current = () => (made ??= real.createInstallation(`installation-${crypto.randomUUID()}`));
  return {
    ...real,
    installation: {
      signingKey: () => current().signingKey(),
      standing: (signer: FileSigner) => current().standing(signer),
    },
  };
});

async function newPc() {
  const db = openCurrent(uniqueName('pc'));
  await db.open();
  return { db, ...(await signedInRepositories(db)) };
}

beforeEach(() => freshIndexedDb());

describe('settings of the data and of one PC', () => {
  it('sorts each key the app stores to the data or to this PC', () => {
    expect(isPcLocalSetting('officers.idleLockMinutes')).toBe(false);
    for (const key of [
      'session.lastRoute',
      'session.focus.r1',
      'viewer:b1',
      'backup.last',
      'backup.schedule',
    ]) {
      expect(isPcLocalSetting(key), key).toBe(true);
    }
  });

  it('a backup brings the idle lock but neither the screen nor the schedule of the PC it left', async () => {
    const a = await newPc();
    await a.repo.createBook(sampleBook);
    await a.repo.setSetting('officers.idleLockMinutes', 4);
    await a.repo.saveBackupSchedule({ everyEntries: 7, keep: 4 });
    await a.db.localSettings.put({ key: 'session.lastRoute', value: '#/books/x' });
    const built = await buildBackup(a.db, { withScans: false, appVersion: 'test' });

    const read = await readSohoaFile(built.blob, 'backup');
    if (!read.ok) throw new Error(read.detail);
    expect(read.data.settings.map((setting) => setting.key)).toEqual(['officers.idleLockMinutes']);

    const b = await newPc();
    await b.db.localSettings.put({ key: 'session.lastRoute', value: '#/' });
    await b.repo.restoreIntoEmpty(read.data);
    await read.discard();
    expect((await b.db.settings.get('officers.idleLockMinutes'))?.value).toBe(4);
    expect(await b.db.localSettings.toArray()).toEqual([{ key: 'session.lastRoute', value: '#/' }]);
  });

  it('an older backup holding another PC’s memory restores only the data’s settings', async () => {
    const a = await newPc();
    await a.repo.createBook(sampleBook);
    const read = await readSohoaFile(
      await buildBackup(a.db, { withScans: false, appVersion: 'test' }).then((f) => f.blob),
      'backup',
    );
    if (!read.ok) throw new Error(read.detail);
    const older = {
      ...read.data,
      settings: [
        { key: 'officers.idleLockMinutes', value: 3 },
        { key: 'backup.schedule', value: { everyEntries: 1, keep: 3 } },
        { key: 'viewer:b9', value: { version: 1 } },
      ],
    };
    const b = await newPc();
    await b.repo.restoreIntoEmpty(older);
    await read.discard();
    expect(await b.db.settings.toArray()).toEqual([{ key: 'officers.idleLockMinutes', value: 3 }]);
    expect(await b.db.localSettings.count()).toBe(0);
  });
});

// The data's settings (the idle lock) are an administrator's to change; each change is logged.
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from './audit-chain';
import type { SohoaDatabase } from './database';
import { createRepositories } from './repositories';
import { createSession } from './session';
import { freshIndexedDb, openCurrent, seedOfficer, uniqueName } from './test-harness';
import { WorkflowError } from './workflow-error';

let db: SohoaDatabase;

beforeEach(() => {
  freshIndexedDb();
  db = openCurrent(uniqueName());
});

describe('setSetting', () => {
  it('stores the value for an administrator and logs old and new value', async () => {
    const session = createSession();
    const repo = createRepositories(db, session, { pinIterations: 1_000 });
    const admin = await seedOfficer(db, 'admin');
    session.signIn(admin);
    await repo.setSetting('officers.idleLockMinutes', 5);
    await repo.setSetting('officers.idleLockMinutes', 2);
    expect((await db.settings.get('officers.idleLockMinutes'))?.value).toBe(2);
    const events = await db.audit.where('entityId').equals('officers.idleLockMinutes').toArray();
    expect(events.map((e) => [e.by, e.oldValue, e.newValue])).toEqual([
      [admin.id, 'null', '5'],
      [admin.id, '5', '2'],
    ]);
    expect((await verifyAuditChain(db.audit)).ok).toBe(true);
  });

  it('refuses a reviewer or a typist, and leaves the setting as it was', async () => {
    for (const role of ['entry', 'review'] as const) {
      const session = createSession();
      const repo = createRepositories(db, session, { pinIterations: 1_000 });
      session.signIn(await seedOfficer(db, role));
      await expect(repo.setSetting('officers.idleLockMinutes', 1)).rejects.toEqual(
        new WorkflowError('not-allowed'),
      );
    }
    expect(await db.settings.get('officers.idleLockMinutes')).toBeUndefined();
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit-chain';
import type { SohoaDatabase } from '../database';
import { createSession, type Session } from '../session';
import { freshIndexedDb, openCurrent, seedOfficer, uniqueName } from '../test-harness';
import type { Book } from '../types';
import { WorkflowError } from '../workflow-error';
import { createRunner, type Runner } from './run';

let db: SohoaDatabase;
let session: Session;
let runner: Runner;

const book = (id: string): Book =>
  ({ id, name: id, createdAt: 1, updatedAt: 1 }) as unknown as Book;

beforeEach(async () => {
  freshIndexedDb();
  db = openCurrent(uniqueName());
  await db.open();
  session = createSession();
  runner = createRunner(db, session);
});

describe('run', () => {
  it('refuses an officer without the permission and writes nothing', async () => {
    session.signIn(await seedOfficer(db, 'entry'));
    const attempt = runner.run('administer', ['books'], async (tx) => {
      await db.books.add(book('b1'));
      tx.audit({ entity: 'book', entityId: 'b1', action: 'create' });
    });
    await expect(attempt).rejects.toEqual(new WorkflowError('not-allowed'));
    expect(await db.books.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('refuses when nobody is signed in, or the officer was deactivated since', async () => {
    const write = () => runner.run('enter', ['books'], () => db.books.add(book('b1')));
    await expect(write()).rejects.toEqual(new WorkflowError('not-signed-in'));
    const typist = await seedOfficer(db, 'entry');
    session.signIn(typist);
    await db.people.put({ ...typist, active: false });
    await expect(write()).rejects.toEqual(new WorkflowError('not-signed-in'));
    expect(await db.books.count()).toBe(0);
  });

  it('appends the audit events with the rows, in order, by the officer, on the chain', async () => {
    const typist = await seedOfficer(db, 'entry');
    session.signIn(typist);
    await runner.run(
      'enter',
      ['books'],
      async (tx) => {
        await db.books.add(book('b1'));
        tx.audit({ entity: 'book', entityId: 'b1', action: 'create' });
        tx.audit({ entity: 'book', entityId: 'b1', action: 'settings', at: 7 });
      },
      { now: 5 },
    );
    const events = await db.audit.orderBy('seq').toArray();
    expect(events.map((e) => [e.action, e.by, e.at])).toEqual([
      ['create', typist.id, 5],
      ['settings', typist.id, 7],
    ]);
    expect((await verifyAuditChain(db.audit)).ok).toBe(true);
  });

  it('rolls back the rows and the events when the command throws', async () => {
    session.signIn(await seedOfficer(db, 'entry'));
    const attempt = runner.run('enter', ['books'], async (tx) => {
      await db.books.add(book('b1'));
      tx.audit({ entity: 'book', entityId: 'b1', action: 'create' });
      throw new Error('disk full');
    });
    await expect(attempt).rejects.toThrow('disk full');
    expect(await db.books.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('reads the role again inside the transaction, not from the session', async () => {
    const admin = await seedOfficer(db, 'admin');
    session.signIn(admin);
    await db.people.put({ ...admin, role: 'entry' });
    const attempt = runner.run('administer', ['settings'], () =>
      db.settings.put({ key: 'k', value: 1 }),
    );
    await expect(attempt).rejects.toEqual(new WorkflowError('not-allowed'));
    expect(await db.settings.get('k')).toBeUndefined();
  });

  it('revises an entry: one revision further, changed at the command time', async () => {
    session.signIn(await seedOfficer(db, 'entry'));
    const revised = await runner.run(
      'enter',
      [],
      (tx) => tx.revise({ revision: 3, updatedAt: 1 } as never, { fields: { so: '2' } }),
      { now: 42 },
    );
    expect(revised).toMatchObject({ revision: 4, updatedAt: 42, fields: { so: '2' } });
  });

  it('writes as the given officer with runAs, without asking the session', async () => {
    await runner.runAs({ id: '' }, [], (tx) => {
      tx.audit({ entity: 'database', entityId: '', action: 'restore' });
    });
    expect((await db.audit.toArray()).map((e) => e.by)).toEqual(['']);
  });
});

// v7: audit events carry the PC that wrote them. Events written before keep their hashes, new
// ones are chained after them with the PC's id covered by the hash, and the log still checks.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { chain, GENESIS_HASH, verifyAuditChain } from '../audit-chain';
import { createRepositories } from '../repositories';
import { sampleBook } from '../sample-data';
import { createSession } from '../session';
import { freshIndexedDb, openAtVersion, seedOfficer, uniqueName } from '../test-harness';

const PC_ID = 'pc-0a1b2c';

describe('v7: the PC that wrote each audit event', () => {
  beforeEach(() => freshIndexedDb());

  it('keeps the events written before and chains new ones, with this PC’s id, after them', async () => {
    const name = uniqueName();
    const v6 = openAtVersion(name, 6);
    const before = chain(
      [
        { at: 10, entity: 'book', entityId: 'b0', action: 'create', by: 'o1' },
        { at: 20, entity: 'book', entityId: 'b0', action: 'settings', by: 'o1', field: 'year' },
      ],
      GENESIS_HASH,
    );
    await v6.audit.bulkAdd(before);
    v6.close();

    const v7 = openAtVersion(name, 7);
    const kept = await v7.audit.orderBy('seq').toArray();
    expect(kept.map(({ hash, pc }) => ({ hash, pc }))).toEqual(
      before.map(({ hash }) => ({ hash, pc: undefined })),
    );

    const session = createSession();
    const repo = createRepositories(v7, session, {
      pinIterations: 1_000,
      pcId: () => Promise.resolve(PC_ID),
    });
    session.signIn(await seedOfficer(v7, 'admin'));
    await repo.createBook(sampleBook);

    const added = await v7.audit.where('pc').equals(PC_ID).toArray();
    expect(added.map((event) => event.action)).toEqual(['create']);
    expect(added[0]?.prevHash).toBe(before[1]?.hash);
    expect(await verifyAuditChain(v7.audit)).toEqual({ ok: true, checked: 3 });
    v7.close();
  });

  it('finds an event whose PC was changed afterwards', async () => {
    const db = openAtVersion(uniqueName(), 7);
    const session = createSession();
    const repo = createRepositories(db, session, {
      pinIterations: 1_000,
      pcId: () => Promise.resolve(PC_ID),
    });
    session.signIn(await seedOfficer(db, 'admin'));
    await repo.createBook(sampleBook);
    const seq = (await db.audit.toArray())[0]?.seq ?? -1;
    await db.audit.update(seq, { pc: 'another-pc' });
    expect(await verifyAuditChain(db.audit)).toMatchObject({
      ok: false,
      broken: { seq, problem: 'content' },
    });
    db.close();
  });

  it('still saves the change, without a PC id, when the PC’s id cannot be read', async () => {
    const db = openAtVersion(uniqueName(), 7);
    const session = createSession();
    const repo = createRepositories(db, session, {
      pinIterations: 1_000,
      pcId: () => Promise.reject(new Error('no key file')),
    });
    session.signIn(await seedOfficer(db, 'admin'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await repo.createBook(sampleBook);
    await repo.createBook({ ...sampleBook, quyenSo: '02/2008' });
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    expect(await db.books.count()).toBe(2);
    expect(await db.audit.where('pc').anyOf([PC_ID]).count()).toBe(0);
    expect(await verifyAuditChain(db.audit)).toEqual({ ok: true, checked: 2 });
    db.close();
  });
});

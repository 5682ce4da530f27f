// A submitted or approved entry changes only after it is reopened with a reason, recorded with
// the status in one step.
import { beforeEach, describe, expect, it } from 'vitest';
import type { SohoaDatabase } from './database';
import type { Repositories } from './repositories';
import { sampleBook } from './sample-data';
import type { Session } from './session';
import { completeKsFields, reviewTeam } from './test-harness';
import type { Person } from './types';

let db: SohoaDatabase;
let session: Session;
let repo: Repositories;
let typist: Person;
let reviewer: Person;
let id: string;

const as = (officer: Person) => session.signIn(officer);

async function approvedEntry(): Promise<string> {
  const bookId = (await repo.createBook(sampleBook)).id;
  const entry = await repo.createEntry(bookId, null);
  await repo.saveFields(entry.id, completeKsFields);
  await repo.submitEntries([entry.id]);
  as(reviewer);
  await repo.approveEntry(entry.id);
  as(typist);
  return entry.id;
}

beforeEach(async () => {
  ({ db, session, repo, typist, reviewer } = await reviewTeam());
  id = await approvedEntry();
});

describe('changing a submitted or approved entry', () => {
  it('is refused until the entry is reopened, and nothing of the change is kept', async () => {
    const eventsBefore = await db.audit.count();
    await expect(repo.saveFields(id, { nksHoTen: 'Phạm Anh Đạt' })).rejects.toMatchObject({
      code: 'reopen-required',
    });
    const stored = await db.records.get(id);
    expect(stored?.status).toBe('approved');
    expect(stored?.fields.nksHoTen).toBe('Phạm Anh Đài');
    expect(await db.audit.count()).toBe(eventsBefore);
  });

  it('is refused on an entry waiting for review too', async () => {
    const bookId = (await repo.createBook(sampleBook)).id;
    const waiting = await repo.createEntry(bookId, null);
    await repo.saveFields(waiting.id, completeKsFields);
    await repo.submitEntries([waiting.id]);
    await expect(repo.saveFields(waiting.id, { nksHoTen: 'Lê Văn Tám' })).rejects.toMatchObject({
      code: 'reopen-required',
    });
    expect((await db.records.get(waiting.id))?.status).toBe('submitted');
  });

  it('saving the values it already holds is not a change, and is not refused', async () => {
    await expect(repo.saveFields(id, { nksHoTen: 'Phạm Anh Đài' })).resolves.toMatchObject({
      status: 'approved',
    });
  });
});

describe('reopening an entry', () => {
  it('makes it a draft, says who and why on the entry and in the audit log', async () => {
    const reopened = await repo.reopenEntry(id, '  Sổ gốc ghi tên Đạt  ');
    expect(reopened.status).toBe('draft');
    const stored = await db.records.get(id);
    expect(stored).toMatchObject({
      status: 'draft',
      reopened: { from: 'approved', by: typist.id, reason: 'Sổ gốc ghi tên Đạt' },
    });
    const last = await db.audit.orderBy('seq').last();
    expect(last).toMatchObject({
      entity: 'record',
      entityId: id,
      action: 'reopen',
      oldValue: 'approved',
      newValue: 'draft',
      reason: 'Sổ gốc ghi tên Đạt',
      by: typist.id,
    });

    // Now the change goes through, and the entry stays a draft until it is sent again.
    await repo.saveFields(id, { nksHoTen: 'Phạm Anh Đạt' });
    expect(await db.records.get(id)).toMatchObject({
      status: 'draft',
      fields: { nksHoTen: 'Phạm Anh Đạt' },
    });
  });

  it('writes the status and its audit event together: a failed event leaves it approved', async () => {
    db.audit.hook('creating', (_key, event) => {
      if (event.action === 'reopen') throw new Error('disk full');
    });
    await expect(repo.reopenEntry(id, 'Sai tên')).rejects.toThrow('disk full');
    const stored = await db.records.get(id);
    expect(stored?.status).toBe('approved');
    expect(stored?.reopened).toBeUndefined();
    expect(await db.audit.filter((event) => event.action === 'reopen').count()).toBe(0);
  });

  it('needs a reason, and only applies to submitted or approved entries', async () => {
    await expect(repo.reopenEntry(id, '   ')).rejects.toMatchObject({
      code: 'reopen-reason-required',
    });
    expect((await db.records.get(id))?.status).toBe('approved');
    await repo.reopenEntry(id, 'Sai tên');
    await expect(repo.reopenEntry(id, 'Lần nữa')).rejects.toMatchObject({ code: 'wrong-status' });
  });

  it('is forgotten once the entry is approved again', async () => {
    await repo.reopenEntry(id, 'Sai tên');
    await repo.saveFields(id, { nksHoTen: 'Phạm Anh Đạt' });
    await repo.submitEntries([id]);
    expect((await db.records.get(id))?.reopened).toMatchObject({ reason: 'Sai tên' });
    as(reviewer);
    await repo.approveEntry(id);
    const stored = await db.records.get(id);
    expect(stored?.status).toBe('approved');
    expect(stored?.reopened).toBeUndefined();
  });
});

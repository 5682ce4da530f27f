// The review workflow and the role rules, enforced by the repositories themselves.
import { beforeEach, describe, expect, it } from 'vitest';
import type { SohoaDatabase } from './database';
import type { Repositories } from './repositories';
import { sampleBook } from './sample-data';
import type { Session } from './session';
import { completeKsFields, reviewTeam, seedOfficer } from './test-harness';
import type { Person } from './types';

let db: SohoaDatabase;
let session: Session;
let repo: Repositories;
let typist: Person;
let reviewer: Person;
let bookId: string;

const as = (officer: Person) => session.signIn(officer);

async function typedEntry(fields: Record<string, string> = completeKsFields): Promise<string> {
  const entry = await repo.createEntry(bookId, null);
  await repo.saveFields(entry.id, fields);
  return entry.id;
}

beforeEach(async () => {
  ({ db, session, repo, typist, reviewer } = await reviewTeam());
  as(typist);
  bookId = (await repo.createBook(sampleBook)).id;
});

describe('roles in the data layer', () => {
  it('refuse every write when nobody is signed in', async () => {
    session.signOut();
    await expect(repo.createBook(sampleBook)).rejects.toMatchObject({ code: 'not-signed-in' });
    await expect(repo.createEntry(bookId, null)).rejects.toMatchObject({ code: 'not-signed-in' });
  });

  it('refuse an approval by a data-entry officer', async () => {
    const id = await typedEntry();
    await repo.submitEntries([id]);
    const colleague = await seedOfficer(db, 'entry');
    as(colleague);
    await expect(repo.approveEntry(id)).rejects.toMatchObject({ code: 'not-allowed' });
    expect((await db.records.get(id))?.status).toBe('submitted');
  });

  it("refuse a reviewer's decision on an entry they typed themselves", async () => {
    as(reviewer);
    const id = await typedEntry();
    await repo.submitEntries([id]);
    await expect(repo.approveEntry(id)).rejects.toMatchObject({ code: 'own-entry' });
    await expect(repo.rejectEntry(id, 'Sai tên')).rejects.toMatchObject({ code: 'own-entry' });
    expect((await db.records.get(id))?.status).toBe('submitted');
  });

  it('read the role from the database, so a demoted officer is refused at once', async () => {
    const id = await typedEntry();
    await repo.submitEntries([id]);
    as(reviewer);
    await db.people.update(reviewer.id, { role: 'entry' });
    await expect(repo.approveEntry(id)).rejects.toMatchObject({ code: 'not-allowed' });
    await db.people.update(reviewer.id, { role: 'review', active: false });
    await expect(repo.approveEntry(id)).rejects.toMatchObject({ code: 'not-signed-in' });
  });

  it('let only an administrator add officers, and never remove the last administrator', async () => {
    await expect(
      repo.addOfficer({ name: 'Lê Văn A', role: 'entry', pin: '3052' }),
    ).rejects.toMatchObject({ code: 'not-allowed' });
    const admin = await seedOfficer(db, 'admin');
    as(admin);
    const added = await repo.addOfficer({ name: 'Lê Văn A', role: 'entry', pin: '3052' });
    expect((await db.people.get(added.id))?.pin?.hash).toBeTruthy();
    await expect(repo.updateOfficer(admin.id, { role: 'review' })).rejects.toMatchObject({
      code: 'last-admin',
    });
    await repo.updateOfficer(added.id, { role: 'admin' });
    await repo.updateOfficer(admin.id, { role: 'review' });
    expect((await db.people.get(admin.id))?.role).toBe('review');
  });
});

describe('officers and PINs', () => {
  beforeEach(async () => {
    await db.people.clear();
    session.signOut();
  });

  it('create the administrator on the first run only', async () => {
    const admin = await repo.setUpAdministrator('Quản trị xã', '2468');
    expect(admin.role).toBe('admin');
    await expect(repo.setUpAdministrator('Người khác', '1357')).rejects.toMatchObject({
      code: 'already-set-up',
    });
  });

  it('sign in with the right PIN only', async () => {
    const admin = await repo.setUpAdministrator('Quản trị xã', '2468');
    expect(await repo.signIn(admin.id, '1111')).toBeNull();
    expect(session.officer()).toBeNull();
    expect((await repo.signIn(admin.id, '2468'))?.id).toBe(admin.id);
    expect(session.officer()?.id).toBe(admin.id);
  });

  it('refuse PINs that are not 4 to 8 digits', async () => {
    await expect(repo.setUpAdministrator('Quản trị xã', '12')).rejects.toMatchObject({
      code: 'invalid-pin',
    });
  });
});

describe('review workflow', () => {
  it('blocks submitting an entry that still has errors', async () => {
    const id = await typedEntry({ nksHoTen: '' });
    await expect(repo.submitEntries([id])).rejects.toMatchObject({ code: 'has-errors' });
    expect((await db.records.get(id))?.status).toBe('draft');
  });

  it('submits only the complete entries of a book', async () => {
    await typedEntry();
    await typedEntry();
    await typedEntry({ ...completeKsFields, nksHoTen: '' });
    expect(await repo.submitComplete(bookId)).toEqual({ submitted: 2, withErrors: 1 });
    const statuses = (await db.records.toArray()).map((r) => r.status).sort();
    expect(statuses).toEqual(['draft', 'submitted', 'submitted']);
  });

  it('needs a reason to reject', async () => {
    const id = await typedEntry();
    await repo.submitEntries([id]);
    as(reviewer);
    await expect(repo.rejectEntry(id, '   ')).rejects.toMatchObject({ code: 'reason-required' });
  });

  it('rejects with a reason, keeps it in view while fixing, and approves the resubmission', async () => {
    const id = await typedEntry();
    await repo.submitEntries([id]);
    as(reviewer);
    await repo.rejectEntry(id, 'Sai ngày sinh', [{ field: 'nksNgaySinh', text: 'Sổ ghi 28' }]);
    expect(await db.records.get(id)).toMatchObject({
      status: 'rejected',
      review: { decision: 'rejected', reason: 'Sai ngày sinh', by: reviewer.id },
    });

    as(typist);
    await repo.saveFields(id, { nksNgaySinh: '28/08/2008' });
    expect((await db.records.get(id))?.status).toBe('rejected');
    await repo.submitEntries([id]);
    as(reviewer);
    await repo.approveEntry(id);
    expect(await db.records.get(id)).toMatchObject({
      status: 'approved',
      createdBy: typist.id,
      submittedBy: typist.id,
      review: { decision: 'approved', by: reviewer.id },
    });

    const steps = (await db.audit.where('entityId').equals(id).sortBy('seq')).map((e) => [
      e.action,
      e.by === typist.id ? 'typist' : 'reviewer',
    ]);
    expect(steps.filter(([action]) => action !== 'edit')).toEqual([
      ['create', 'typist'],
      ['submit', 'typist'],
      ['reject', 'reviewer'],
      ['comment', 'reviewer'],
      ['submit', 'typist'],
      ['approve', 'reviewer'],
    ]);
  });

  it('keeps an approved entry approved when a change is tried without reopening it', async () => {
    const id = await typedEntry();
    await repo.submitEntries([id]);
    as(reviewer);
    await repo.approveEntry(id);
    as(typist);
    await expect(repo.saveFields(id, { nksHoTen: 'Phạm Anh Đạt' })).rejects.toMatchObject({
      code: 'reopen-required',
    });
    expect((await db.records.get(id))?.status).toBe('approved');
  });

  it('cannot approve an entry that was never submitted', async () => {
    const id = await typedEntry();
    as(reviewer);
    await expect(repo.approveEntry(id)).rejects.toMatchObject({ code: 'wrong-status' });
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { approvalsWithoutEvent } from './audit-status';
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
let bookId: string;

async function submitted(so: string): Promise<string> {
  session.signIn(typist);
  const entry = await repo.createEntry(bookId, null);
  await repo.saveFields(entry.id, { ...completeKsFields, so, ngayDangKy: `${so}/10/2008` });
  await repo.submitEntries([entry.id]);
  return entry.id;
}

beforeEach(async () => {
  ({ db, session, repo, typist, reviewer } = await reviewTeam());
  bookId = (await repo.createBook(sampleBook)).id;
});

describe('approvals the audit log does not show', () => {
  it('are none when every approval went through review', async () => {
    const id = await submitted('1');
    session.signIn(reviewer);
    await repo.approveEntry(id);
    expect(await approvalsWithoutEvent(db)).toEqual([]);
  });

  it('name an entry set to approved behind the app’s back', async () => {
    const reviewedId = await submitted('1');
    const forgedId = await submitted('2');
    session.signIn(reviewer);
    await repo.approveEntry(reviewedId);
    await db.records.update(forgedId, { status: 'approved' });
    expect((await approvalsWithoutEvent(db)).map((record) => record.id)).toEqual([forgedId]);
  });

  it('name an approval put back after the entry was sent back', async () => {
    const id = await submitted('1');
    session.signIn(reviewer);
    await repo.rejectEntry(id, 'Sai ngày sinh');
    await db.records.update(id, { status: 'approved' });
    expect((await approvalsWithoutEvent(db)).map((record) => record.fields.so)).toEqual(['1']);
  });

  it('name an approval put back after the entry was reopened to be edited', async () => {
    const id = await submitted('1');
    session.signIn(reviewer);
    await repo.approveEntry(id);
    session.signIn(typist);
    await repo.reopenEntry(id, 'Sai tên');
    await db.records.update(id, { status: 'approved' });
    expect((await approvalsWithoutEvent(db)).map((record) => record.fields.so)).toEqual(['1']);
  });
});

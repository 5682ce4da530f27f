import { beforeEach, describe, expect, it } from 'vitest';
import { approvalsWithoutEvent } from './audit-status';
import type { SohoaDatabase } from './database';
import { createRepositories, type Repositories } from './repositories';
import { sampleBook } from './sample-data';
import { createSession, type Session } from './session';
import { freshIndexedDb, openCurrent, seedOfficer, uniqueName } from './test-harness';
import type { Person } from './types';

const complete: Record<string, string> = {
  trangSo: '5',
  ngayDangKy: '27/10/2008',
  loaiDangKy: '1',
  nksHoTen: 'Phạm Anh Đài',
  nksGioiTinh: '2',
  nksNgaySinh: '27/08/2008',
  nksDanToc: 'Kinh',
  nksQuocTich: 'Việt Nam',
  meHoTen: 'Nguyễn Thị Lan',
  meNgaySinh: '10/10/1981',
  meDanToc: 'Ba Na',
};

let db: SohoaDatabase;
let session: Session;
let repo: Repositories;
let typist: Person;
let reviewer: Person;
let bookId: string;

async function submitted(so: string): Promise<string> {
  session.signIn(typist);
  const entry = await repo.createEntry(bookId, null);
  await repo.saveFields(entry.id, { ...complete, so, ngayDangKy: `${so}/10/2008` });
  await repo.submitEntries([entry.id]);
  return entry.id;
}

beforeEach(async () => {
  freshIndexedDb();
  db = openCurrent(uniqueName());
  await db.open();
  session = createSession();
  repo = createRepositories(db, session, { pinIterations: 1_000 });
  typist = await seedOfficer(db, 'entry', 'Nguyễn Văn Sơn');
  reviewer = await seedOfficer(db, 'review', 'Trần Thị Hoa');
  session.signIn(typist);
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
});

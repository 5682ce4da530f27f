// Voiding keeps an entry, read-only, out of the export and the numbering; a supervisor restores
// it. Status and audit event are written together; roles are checked inside the transaction.
import { beforeEach, describe, expect, it } from 'vitest';
import { selectForScope } from '../features/export/export-rule';
import { approvalsWithoutEvent } from './audit-status';
import { verifyAuditChain } from './audit-chain';
import type { SohoaDatabase } from './database';
import { loadRelatedEntries } from './entry-context';
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

beforeEach(async () => {
  ({ db, session, repo, typist, reviewer } = await reviewTeam());
  bookId = (await repo.createBook(sampleBook)).id;
});

async function approved(fields: Record<string, string> = completeKsFields): Promise<string> {
  const entry = await repo.createEntry(bookId, null);
  await repo.saveFields(entry.id, fields);
  await repo.submitEntries([entry.id]);
  as(reviewer);
  await repo.approveEntry(entry.id);
  as(typist);
  return entry.id;
}

describe('voiding an entry', () => {
  it('stores the status and a void event with the reason, keeping the entry', async () => {
    const id = await approved();
    const voided = await repo.voidEntry(id, '  Trường hợp tạo nhầm  ');
    expect(voided.status).toBe('voided');
    expect(await db.records.get(id)).toMatchObject({
      status: 'voided',
      voided: { from: 'approved', by: typist.id, reason: 'Trường hợp tạo nhầm' },
      fields: { nksHoTen: 'Phạm Anh Đài' },
    });
    expect(await db.audit.orderBy('seq').last()).toMatchObject({
      entity: 'record',
      entityId: id,
      action: 'void',
      oldValue: 'approved',
      newValue: 'voided',
      by: typist.id,
      reason: 'Trường hợp tạo nhầm',
    });
    expect((await verifyAuditChain(db.audit)).ok).toBe(true);
    expect(await approvalsWithoutEvent(db)).toEqual([]);
  });

  it('needs a reason, and writes nothing without one', async () => {
    const entry = await repo.createEntry(bookId, null);
    const events = await db.audit.count();
    await expect(repo.voidEntry(entry.id, '   ')).rejects.toMatchObject({
      code: 'void-reason-required',
    });
    expect((await db.records.get(entry.id))?.status).toBe('draft');
    expect(await db.audit.count()).toBe(events);
  });

  it('writes the status and the event together: a failed audit write keeps the entry as it was', async () => {
    const entry = await repo.createEntry(bookId, null);
    db.audit.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(repo.voidEntry(entry.id, 'Tạo nhầm')).rejects.toThrow('disk full');
    expect((await db.records.get(entry.id))?.status).toBe('draft');
  });

  it('leaves a voided entry read-only, out of review and submission', async () => {
    const entry = await repo.createEntry(bookId, null);
    await repo.saveFields(entry.id, completeKsFields);
    await repo.voidEntry(entry.id, 'Tạo nhầm');
    await expect(repo.saveFields(entry.id, { nksHoTen: 'Lê Văn Tám' })).rejects.toMatchObject({
      code: 'entry-voided',
    });
    await expect(repo.submitEntries([entry.id])).rejects.toMatchObject({ code: 'wrong-status' });
    as(reviewer);
    await expect(repo.approveEntry(entry.id)).rejects.toMatchObject({ code: 'wrong-status' });
    as(typist);
    await expect(repo.setEntryPages(entry.id, [])).rejects.toMatchObject({ code: 'entry-voided' });
    await expect(repo.setEntryRegion(entry.id, null)).rejects.toMatchObject({
      code: 'entry-voided',
    });
    await expect(repo.voidEntry(entry.id, 'lần nữa')).rejects.toMatchObject({
      code: 'wrong-status',
    });
  });
});

describe('restoring a voided entry', () => {
  it('is refused to an officer who only types, and nothing is written', async () => {
    const entry = await repo.createEntry(bookId, null);
    await repo.voidEntry(entry.id, 'Tạo nhầm');
    const events = await db.audit.count();
    await expect(repo.restoreEntry(entry.id, 'Nhầm')).rejects.toMatchObject({
      code: 'not-allowed',
    });
    expect((await db.records.get(entry.id))?.status).toBe('voided');
    expect(await db.audit.count()).toBe(events);
  });

  it('by a reviewer makes it a draft again, with a restore event and its reason', async () => {
    const id = await approved();
    await repo.voidEntry(id, 'Tạo nhầm');
    as(reviewer);
    await expect(repo.restoreEntry(id, '')).rejects.toMatchObject({
      code: 'void-reason-required',
    });
    const restored = await repo.restoreEntry(id, 'Trường hợp có trong sổ gốc');
    expect(restored.status).toBe('draft');
    expect(restored.voided).toMatchObject({
      reason: 'Tạo nhầm',
      restored: { by: reviewer.id, reason: 'Trường hợp có trong sổ gốc' },
    });
    expect(await db.audit.orderBy('seq').last()).toMatchObject({
      action: 'restore',
      oldValue: 'voided',
      newValue: 'draft',
      by: reviewer.id,
      reason: 'Trường hợp có trong sổ gốc',
    });
    await expect(repo.restoreEntry(id, 'lần nữa')).rejects.toMatchObject({ code: 'wrong-status' });
  });
});

describe('a voided entry and the rest of the book', () => {
  it('is left out of the export, named as voided, and stops no whole-book export', async () => {
    const kept = await approved();
    const gone = await approved({ ...completeKsFields, nksHoTen: 'Lê Văn Tám' });
    await repo.voidEntry(gone, 'Trùng với trường hợp khác');
    const book = (await db.books.get(bookId))!;
    const records = await db.records.where('bookId').equals(bookId).toArray();
    for (const scope of ['whole', 'ready', 'notExported'] as const) {
      const selection = selectForScope(book, records, scope);
      expect(selection.candidates.map((record) => record.id)).toEqual([kept]);
      expect(selection.held).toEqual([
        {
          entryId: gone,
          so: '2',
          reasons: [{ kind: 'voided', reason: 'Trùng với trường hợp khác' }],
        },
      ]);
    }
  });

  it('no longer repeats a số or stretches the numbering', async () => {
    const first = await repo.createEntry(bookId, null);
    const repeat = await repo.createEntry(bookId, null);
    await repo.saveFields(repeat.id, { so: '1' });
    const far = await repo.createEntry(bookId, null);
    await repo.saveFields(far.id, { so: '90' });
    const related = () =>
      db.transaction('r', db.records, db.books, () =>
        loadRelatedEntries(
          db,
          { id: bookId, type: sampleBook.type },
          {
            so: '1',
            nameKey: '',
            selfId: first.id,
          },
        ),
      );
    expect((await related()).sameBook.map((record) => record.id)).toEqual([repeat.id]);
    expect([...(await related()).soValues].sort()).toEqual(['1', '90']);
    await repo.voidEntry(repeat.id, 'Tạo nhầm');
    await repo.voidEntry(far.id, 'Số nhầm');
    expect((await related()).sameBook).toEqual([]);
    expect((await related()).soValues).toEqual(['1']);
  });
});

describe('archiving a book', () => {
  it('is for administrators only', async () => {
    await expect(repo.archiveBook(bookId)).rejects.toMatchObject({ code: 'not-allowed' });
    as(reviewer);
    await expect(repo.archiveBook(bookId)).rejects.toMatchObject({ code: 'not-allowed' });
    expect((await db.books.get(bookId))?.archived).toBeUndefined();
  });

  it('marks the book with an audit event, makes it read-only, and is undone', async () => {
    const entry = await repo.createEntry(bookId, null);
    const admin = await seedOfficer(db, 'admin', 'Quản trị');
    as(admin);
    await repo.archiveBook(bookId, 'Đã nhập xong');
    expect((await db.books.get(bookId))?.archived).toMatchObject({
      by: admin.id,
      reason: 'Đã nhập xong',
    });
    expect(await db.audit.orderBy('seq').last()).toMatchObject({
      entity: 'book',
      entityId: bookId,
      action: 'archive',
      by: admin.id,
    });
    await expect(repo.createEntry(bookId, null)).rejects.toMatchObject({ code: 'book-archived' });
    await expect(repo.saveFields(entry.id, { nksHoTen: 'A' })).rejects.toMatchObject({
      code: 'book-archived',
    });
    await expect(repo.updateBook(bookId, { nguoiKy: 'B' })).rejects.toMatchObject({
      code: 'book-archived',
    });
    await repo.unarchiveBook(bookId);
    expect((await db.books.get(bookId))?.archived).toBeUndefined();
    expect((await db.audit.orderBy('seq').last())?.action).toBe('unarchive');
    await expect(repo.saveFields(entry.id, { nksHoTen: 'A' })).resolves.toMatchObject({
      fields: { nksHoTen: 'A' },
    });
  });
});

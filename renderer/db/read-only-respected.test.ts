// An archived book is read-only and a voided entry stays voided, whichever way a change comes:
// an Excel import, the pages panel, linking an entry to its page, or another PC's file.
import { beforeEach, describe, expect, it } from 'vitest';
import type { FileData } from './backup-rows';
import type { SohoaDatabase } from './database';
import type { Repositories } from './repositories';
import { sampleBook } from './sample-data';
import type { Session } from './session';
import { completeKsFields, reviewTeam, seedOfficer } from './test-harness';
import type { EntryRecord, Person } from './types';
import { contentHash } from './work-package-merge';

let db: SohoaDatabase;
let session: Session;
let repo: Repositories;
let typist: Person;
let reviewer: Person;
let bookId: string;

beforeEach(async () => {
  ({ db, session, repo, typist, reviewer } = await reviewTeam());
  bookId = (await repo.createBook(sampleBook)).id;
});

async function archive(): Promise<void> {
  session.signIn(await seedOfficer(db, 'admin', 'Quản trị'));
  await repo.archiveBook(bookId, 'Đã nhập xong');
  session.signIn(typist);
}

describe('an archived book', () => {
  it('takes no rows from an Excel import', async () => {
    await archive();
    await expect(
      repo.importEntries(bookId, [{ so: '1', nksHoTen: 'Lò Văn Một' }], { fileName: 'a.xlsx' }),
    ).rejects.toMatchObject({ code: 'book-archived' });
    expect(await db.records.count()).toBe(0);
  });

  it('keeps its pages in order, numbered, turned and linked as they were', async () => {
    const { pages } = await repo.addScan(bookId, {
      fileName: 'so.pdf',
      mimeType: 'application/pdf',
      blob: new Blob(['%PDF-1.7']),
      pageCount: 2,
    });
    const [first, second] = pages.map((page) => page.id) as [string, string];
    const entry = await repo.createEntry(bookId, first);
    await archive();
    const before = { pages: await db.pages.toArray(), entry: await db.records.get(entry.id) };
    const refused = { code: 'book-archived' };
    await expect(repo.movePage(bookId, second, 0)).rejects.toMatchObject(refused);
    await expect(repo.deletePage(bookId, first)).rejects.toMatchObject(refused);
    await expect(repo.setPageDetails(first, { bookPageNumber: '7' })).rejects.toMatchObject(
      refused,
    );
    await expect(repo.setEntryPages(entry.id, [second])).rejects.toMatchObject(refused);
    await expect(
      repo.setEntryRegion(entry.id, { pageId: first, x: 0, y: 0, width: 0.5, height: 0.2 }),
    ).rejects.toMatchObject(refused);
    expect(await db.pages.toArray()).toEqual(before.pages);
    expect(await db.records.get(entry.id)).toEqual(before.entry);
  });
});

describe('an archived book’s entries', () => {
  it('take no submission, review decision, reopening or confirmation until the book is restored', async () => {
    const typed = async () => {
      const entry = await repo.createEntry(bookId, null);
      await repo.saveFields(entry.id, completeKsFields);
      return entry.id;
    };
    const [toSubmit, toApprove, toReject, toReopen] = [
      await typed(),
      await typed(),
      await typed(),
      await typed(),
    ];
    await repo.submitEntries([toApprove, toReject, toReopen]);
    session.signIn(reviewer);
    await repo.approveEntry(toReopen);
    session.signIn(typist);
    await archive();
    const before = await db.records.toArray();
    const refused = { code: 'book-archived' };

    await expect(repo.submitEntries([toSubmit])).rejects.toMatchObject(refused);
    await expect(repo.reopenEntry(toReopen, 'Sửa tên')).rejects.toMatchObject(refused);
    await expect(
      repo.acknowledge(
        toSubmit,
        { field: 'so', rule: 'soRepeated', severity: 'warning' },
        'Sổ ghi vậy',
      ),
    ).rejects.toMatchObject(refused);
    session.signIn(reviewer);
    await expect(repo.approveEntry(toApprove)).rejects.toMatchObject(refused);
    await expect(repo.rejectEntry(toReject, 'Sai tên')).rejects.toMatchObject(refused);
    expect(await db.records.toArray()).toEqual(before);
  });
});

describe('another PC’s file met by an archived book', () => {
  const file = (records: EntryRecord[], exchanges: FileData['exchanges'] = []): FileData => ({
    books: [],
    scans: [],
    pages: [],
    records,
    people: [],
    audit: [],
    settings: [],
    exports: [],
    exchanges,
    conflicts: [],
    reconcileDecisions: [],
    arbitrations: [],
    keyings: [],
    keyingSamples: [],
    keyingTime: [],
  });

  it('adds, updates and sets aside none of its entries, and says how many were left', async () => {
    const kept = await repo.saveFields((await repo.createEntry(bookId, null)).id, {
      nksHoTen: 'Lò Văn Một',
    });
    const edited: EntryRecord = {
      ...kept,
      fields: { ...kept.fields, nksHoTen: 'Lò Văn Mốt' },
      revision: kept.revision + 1,
    };
    const added: EntryRecord = { ...kept, id: 'tu-may-khac', fields: { nksHoTen: 'Cà Thị Hai' } };
    await archive();
    const before = await db.records.toArray();
    const summary = await repo.mergeFile(
      file([edited, added], [{ id: kept.id, bookId, hash: contentHash(kept), at: 0 }]),
      'goi.sohoa',
    );
    expect(summary).toMatchObject({ added: 0, tookTheirs: 0, conflicts: 0, inArchivedBooks: 2 });
    expect(await db.records.toArray()).toEqual(before);
    expect(await db.conflicts.count()).toBe(0);

    // Restored, the same file brings both in.
    session.signIn(await seedOfficer(db, 'admin', 'Quản trị 2'));
    await repo.unarchiveBook(bookId);
    session.signIn(typist);
    const again = await repo.mergeFile(
      file([edited, added], [{ id: kept.id, bookId, hash: contentHash(kept), at: 0 }]),
      'goi.sohoa',
    );
    expect(again).toMatchObject({ added: 1, tookTheirs: 1, inArchivedBooks: 0 });
  });

  it('refuses a supervisor’s choice of the other PC’s version while the book is archived', async () => {
    const entry = await repo.saveFields((await repo.createEntry(bookId, null)).id, {
      nksHoTen: 'Lò Văn Một',
    });
    const theirs: EntryRecord = {
      ...entry,
      fields: { ...entry.fields, nksHoTen: 'Lò Văn Mốt' },
      revision: entry.revision + 1,
    };
    const summary = await repo.mergeFile(
      file([theirs], [{ id: entry.id, bookId, hash: 'other-base', at: 0 }]),
      'goi.sohoa',
    );
    expect(summary.conflicts).toBe(1);
    await archive();
    session.signIn(reviewer);
    await expect(repo.resolveConflict(entry.id, 'theirs')).rejects.toMatchObject({
      code: 'book-archived',
    });
    expect(await db.records.get(entry.id)).toMatchObject({ fields: { nksHoTen: 'Lò Văn Một' } });
    expect(await db.conflicts.count()).toBe(1);
  });
});

describe('a voided entry met by another PC’s version', () => {
  /** An entry voided here after it went out; the other PC edited it meanwhile. */
  async function voidedHereEditedThere(): Promise<{ id: string; theirs: EntryRecord }> {
    const entry = await repo.saveFields((await repo.createEntry(bookId, null)).id, {
      nksHoTen: 'Lò Văn Một',
    });
    await repo.markExchanged(bookId, [{ id: entry.id, bookId, hash: contentHash(entry) }], 'x');
    const theirs: EntryRecord = {
      ...entry,
      fields: { ...entry.fields, nksHoTen: 'Lò Văn Mốt' },
      revision: entry.revision + 1,
    };
    await repo.voidEntry(entry.id, 'Trường hợp tạo nhầm');
    return { id: entry.id, theirs };
  }

  it('stays voided when a supervisor takes the other PC’s version of the conflict', async () => {
    const { id, theirs } = await voidedHereEditedThere();
    const summary = await repo.mergeFile(
      {
        books: [],
        scans: [],
        pages: [],
        records: [theirs],
        people: [],
        audit: [],
        settings: [],
        exports: [],
        exchanges: [{ id, bookId, hash: 'other-base', at: 0 }],
        conflicts: [],
        reconcileDecisions: [],
        arbitrations: [],
        keyings: [],
        keyingSamples: [],
        keyingTime: [],
      },
      'goi.sohoa',
    );
    expect(summary.conflicts).toBe(1);
    session.signIn(reviewer);
    await repo.resolveConflict(id, 'theirs');
    expect(await db.records.get(id)).toMatchObject({
      status: 'voided',
      voided: { reason: 'Trường hợp tạo nhầm' },
      fields: { nksHoTen: 'Lò Văn Mốt' },
    });
  });

  it('stays voided when the other PC’s version is taken over without a conflict', async () => {
    const { id, theirs } = await voidedHereEditedThere();
    const mine = await db.records.get(id);
    const summary = await repo.mergeFile(
      {
        books: [],
        scans: [],
        pages: [],
        records: [theirs],
        people: [],
        audit: [],
        settings: [],
        exports: [],
        // The other PC already knew this PC's voided version and changed it after.
        exchanges: [{ id, bookId, hash: contentHash(mine!), at: 0 }],
        conflicts: [],
        reconcileDecisions: [],
        arbitrations: [],
        keyings: [],
        keyingSamples: [],
        keyingTime: [],
      },
      'goi.sohoa',
    );
    expect(summary.tookTheirs).toBe(1);
    expect(await db.records.get(id)).toMatchObject({
      status: 'voided',
      fields: { nksHoTen: 'Lò Văn Mốt' },
    });
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ImportConflictError, newEntryRecord, type Repositories } from './repositories';
import { sampleBook } from './sample-data';
import { freshIndexedDb, openCurrent, signedInRepositories, uniqueName } from './test-harness';
import type { SohoaDatabase } from './database';
import type { Person } from './types';

let db: SohoaDatabase;
let repo: Repositories;
let officer: Person;

beforeEach(async () => {
  freshIndexedDb();
  db = openCurrent(uniqueName());
  await db.open();
  ({ repo, officer } = await signedInRepositories(db));
});

describe('books and scans', () => {
  it('creates a book and records who/when in the audit log', async () => {
    const book = await repo.createBook(sampleBook);
    expect(await db.books.get(book.id)).toMatchObject({ quyenSo: '01/2008', year: 2008 });
    const events = await db.audit.where('entityId').equals(book.id).toArray();
    expect(events.map((e) => e.action)).toEqual(['create']);
  });

  it("changes a book's settings and logs what changed", async () => {
    const book = await repo.createBook(sampleBook);
    await repo.updateBook(book.id, { carryForward: ['ngayDangKy'], nguoiKy: 'Hà Văn Nam' });
    expect(await db.books.get(book.id)).toMatchObject({
      carryForward: ['ngayDangKy'],
      nguoiKy: 'Hà Văn Nam',
      quyenSo: '01/2008',
    });
    const actions = (await db.audit.where('entityId').equals(book.id).toArray()).map(
      (e) => e.action,
    );
    expect(actions).toEqual(['create', 'settings']);
  });

  it('appends the pages of each imported scan after the pages already in the book', async () => {
    const book = await repo.createBook(sampleBook);
    await repo.addScan(book.id, {
      fileName: 'a.pdf',
      mimeType: 'application/pdf',
      blob: new Blob(['%PDF-1.7']),
      pageCount: 2,
    });
    const { pages } = await repo.addScan(book.id, {
      fileName: 'b.pdf',
      mimeType: 'application/pdf',
      blob: new Blob(['%PDF-1.7']),
      pageCount: 3,
    });
    expect(pages.map((p) => [p.order, p.indexInScan])).toEqual([
      [2, 0],
      [3, 1],
      [4, 2],
    ]);
    expect(await db.pages.where('bookId').equals(book.id).count()).toBe(5);
  });
});

describe('entries', () => {
  it('prefills a new entry with the book defaults, the number after the previous one and the page shown', async () => {
    const book = await repo.createBook(sampleBook);
    const first = await repo.createEntry(book.id, 'page-1');
    expect(first.fields).toMatchObject({
      so: '1',
      quyenSo: '01/2008',
      noiDangKy: 'UBND xã An Nhơn',
      nguoiKy: 'Lê Đức Tuấn',
      chucVuNguoiKy: 'Chủ tịch',
      nguoiThucHien: 'Nguyễn Văn Sơn',
      nksHoTen: '',
    });
    expect(first.pageIds).toEqual(['page-1']);
    await repo.saveFields(first.id, { so: '41' });
    const second = await repo.createEntry(book.id, null);
    expect(second.fields.so).toBe('42');
    expect(second.pageIds).toEqual([]);
  });

  it('stores an entry built on screen, numbered after the one before it and sorted after it', async () => {
    const book = await repo.createBook(sampleBook);
    const first = await repo.createEntry(book.id, null);
    // Built within the same millisecond as the entry before it, from that entry as shown.
    const next = newEntryRecord(book, 'page-2', { ...first, fields: { so: '7' } }, first.createdAt);
    expect(next.fields).toMatchObject({ so: '8', nguoiKy: 'Lê Đức Tuấn' });
    await repo.addEntry(next);
    const newest = await db.records
      .where('[bookId+createdAt]')
      .between([book.id, -Infinity], [book.id, Infinity])
      .last();
    expect(newest).toEqual({ ...next, createdBy: officer.id, updatedBy: officer.id });
    const actions = await db.audit.where('entityId').equals(next.id).toArray();
    expect(actions.map((e) => e.action)).toEqual(['create']);
  });

  it('stores an entry built on screen only once, keeping what was typed into it since', async () => {
    const book = await repo.createBook(sampleBook);
    const next = newEntryRecord(book, null, undefined, Date.now());
    await repo.addEntry(next);
    await repo.saveFields(next.id, { nksHoTen: 'Nguyễn Thị Hoa' });
    // Tried again after a failure that came after the entry was already on disk.
    await repo.addEntry(next);
    expect((await db.records.get(next.id))?.fields.nksHoTen).toBe('Nguyễn Thị Hoa');
    const actions = await db.audit.where('entityId').equals(next.id).toArray();
    expect(actions.map((e) => e.action)).toEqual(['create', 'edit']);
  });

  it('saves only changed fields, bumps the revision and logs old and new values', async () => {
    const book = await repo.createBook(sampleBook);
    const entry = await repo.createEntry(book.id, null);
    const saved = await repo.saveFields(entry.id, { nksHoTen: 'Phạm Anh Đài', so: '1' });
    expect(saved.revision).toBe(2);
    expect((await db.records.get(entry.id))?.fields.nksHoTen).toBe('Phạm Anh Đài');
    const edits = await db.audit
      .where('entityId')
      .equals(entry.id)
      .filter((e) => e.action === 'edit')
      .toArray();
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({ field: 'nksHoTen', oldValue: '', newValue: 'Phạm Anh Đài' });

    const unchanged = await repo.saveFields(entry.id, { nksHoTen: 'Phạm Anh Đài' });
    expect(unchanged.revision).toBe(2);
  });

  it('writes nothing when the entry is gone', async () => {
    await expect(repo.saveFields('missing', { so: '1' })).rejects.toThrow();
    expect(await db.audit.count()).toBe(0);
  });

  it('rolls back the whole change when the audit write fails', async () => {
    const book = await repo.createBook(sampleBook);
    const entry = await repo.createEntry(book.id, null);
    vi.spyOn(db.audit, 'bulkAdd').mockImplementationOnce(() => {
      throw new Error('disk full');
    });
    await expect(repo.saveFields(entry.id, { nksHoTen: 'Lê Văn B' })).rejects.toThrow('disk full');
    expect((await db.records.get(entry.id))?.fields.nksHoTen).toBe('');
  });

  it('keeps the folded main name current so the same person is found whatever the accents', async () => {
    const book = await repo.createBook(sampleBook);
    const entry = await repo.createEntry(book.id, null);
    await repo.saveFields(entry.id, { nksHoTen: 'Đặng Hữu Lộc' });
    const found = await db.records
      .where('[bookId+nameKey]')
      .equals([book.id, 'dang huu loc'])
      .toArray();
    expect(found.map((r) => r.id)).toEqual([entry.id]);
  });

  it('stores one answer per acknowledged warning, with its reason, and logs it', async () => {
    const book = await repo.createBook(sampleBook);
    const entry = await repo.createEntry(book.id, null);
    const issue = {
      field: 'nksHoTen',
      rule: 'possibleDuplicate' as const,
      severity: 'warning' as const,
    };
    await repo.acknowledge(entry.id, issue, 'kiểm tra lại');
    await repo.acknowledge(entry.id, issue, 'song sinh');
    const saved = await db.records.get(entry.id);
    expect(saved?.acknowledgements).toHaveLength(1);
    expect(saved?.acknowledgements[0]).toMatchObject({
      field: 'nksHoTen',
      rule: 'possibleDuplicate',
      reason: 'song sinh',
    });
    const logged = await db.audit
      .where('entityId')
      .equals(entry.id)
      .filter((e) => e.action === 'acknowledge')
      .count();
    expect(logged).toBe(2);
  });

  it('refuses to record a warning kept without a reason', async () => {
    const book = await repo.createBook(sampleBook);
    const entry = await repo.createEntry(book.id, null);
    const issue = {
      field: 'voNgaySinh',
      rule: 'underMarriageAge' as const,
      severity: 'warning' as const,
    };
    await expect(repo.acknowledge(entry.id, issue, '  ')).rejects.toThrow();
    expect((await db.records.get(entry.id))?.acknowledgements).toEqual([]);
  });

  it('links pages to an entry and records an export', async () => {
    const book = await repo.createBook(sampleBook);
    const entry = await repo.createEntry(book.id, 'p1');
    await repo.setEntryPages(entry.id, ['p1', 'p2']);
    expect((await db.records.get(entry.id))?.pageIds).toEqual(['p1', 'p2']);
    await repo.recordExport({
      bookId: book.id,
      entryIds: [entry.id],
      files: [{ name: 'a.xlsx', bytes: 10 }],
    });
    expect(await db.exports.where('bookId').equals(book.id).count()).toBe(1);
  });
});

describe('pages and regions', () => {
  async function bookWithPages(count: number) {
    const book = await repo.createBook(sampleBook);
    const { pages } = await repo.addScan(book.id, {
      fileName: 'so.pdf',
      mimeType: 'application/pdf',
      blob: new Blob(['%PDF-1.7']),
      pageCount: count,
    });
    return { book, pages };
  }
  const orderOf = async (bookId: string) =>
    (
      await db.pages
        .where('[bookId+order]')
        .between([bookId, -Infinity], [bookId, Infinity])
        .toArray()
    ).map((page) => page.indexInScan);

  it('moves a page and closes up the others', async () => {
    const { book, pages } = await bookWithPages(4);
    await repo.movePage(book.id, pages[3]!.id, 0);
    expect(await orderOf(book.id)).toEqual([3, 0, 1, 2]);
    await repo.movePage(book.id, pages[3]!.id, 99);
    expect(await orderOf(book.id)).toEqual([0, 1, 2, 3]);
  });

  it('deletes a page from the book and from every entry that pointed at it', async () => {
    const { book, pages } = await bookWithPages(3);
    const entry = await repo.createEntry(book.id, pages[1]!.id);
    await repo.setEntryPages(entry.id, [pages[1]!.id, pages[2]!.id]);
    await repo.setEntryRegion(entry.id, {
      pageId: pages[1]!.id,
      x: 0.1,
      y: 0.2,
      width: 0.5,
      height: 0.3,
    });
    await repo.deletePage(book.id, pages[1]!.id);
    expect(await orderOf(book.id)).toEqual([0, 2]);
    const saved = await db.records.get(entry.id);
    expect(saved?.pageIds).toEqual([pages[2]!.id]);
    expect(saved?.region).toBeUndefined();
    expect(await db.scans.count()).toBe(1);
  });

  it('drops the export-ready copy of a deleted page and keeps those of the others', async () => {
    const { book, pages } = await bookWithPages(3);
    const preparedOf = (page: (typeof pages)[number]) => ({
      id: `${page.scanId}#${page.indexInScan}`,
      bookId: book.id,
      scanId: page.scanId,
      indexInScan: page.indexInScan,
      targetBytesPerPage: 100_000,
      preparedAt: 1,
      result: { kind: 'withinTarget' as const },
    });
    await db.preparedPages.bulkPut(pages.map(preparedOf));
    await repo.deletePage(book.id, pages[1]!.id);
    const left = await db.preparedPages.where('bookId').equals(book.id).toArray();
    expect(left.map((item) => item.indexInScan).sort()).toEqual([0, 2]);
  });

  it('saves, replaces and clears the box around an entry', async () => {
    const { book, pages } = await bookWithPages(1);
    const entry = await repo.createEntry(book.id, pages[0]!.id);
    const box = { pageId: pages[0]!.id, x: 0.1, y: 0.4, width: 0.8, height: 0.2 };
    await repo.setEntryRegion(entry.id, box);
    expect((await db.records.get(entry.id))?.region).toEqual(box);
    await repo.setEntryRegion(entry.id, null);
    expect((await db.records.get(entry.id))?.region).toBeUndefined();
  });

  it('keeps the printed page number and rotation of a page', async () => {
    const { pages } = await bookWithPages(1);
    await repo.setPageDetails(pages[0]!.id, { bookPageNumber: '12a', rotation: 90 });
    expect(await db.pages.get(pages[0]!.id)).toMatchObject({ bookPageNumber: '12a', rotation: 90 });
  });
});

describe('importEntries', () => {
  const row = (so: string, name: string) => ({
    so,
    quyenSo: '01/2008',
    ngayDangKy: `0${so}.02.2008`,
    nksHoTen: name,
  });

  it('adds the rows as draft entries at revision 1, in sheet order, with one audit trail', async () => {
    const book = await repo.createBook(sampleBook);
    const added = await repo.importEntries(
      book.id,
      [row('2', 'Trần Thị Bình'), row('1', 'Nguyễn Văn An')],
      { fileName: 'so-ks.xlsx' },
    );
    const stored = await db.records
      .where('[bookId+createdAt]')
      .between([book.id, 0], [book.id, Infinity])
      .toArray();
    expect(stored.map((r) => [r.fields.so, r.status, r.revision, r.nameKey])).toEqual([
      ['2', 'draft', 1, 'tran thi binh'],
      ['1', 'draft', 1, 'nguyen van an'],
    ]);
    // Every column of the book's template is present, empty when the sheet had nothing.
    expect(Object.keys(stored[0]!.fields)).toHaveLength(70);
    expect(stored[0]!.fields.nksGioiTinh).toBe('');
    const bookEvents = await db.audit.where('entityId').equals(book.id).toArray();
    expect(bookEvents.at(-1)).toMatchObject({
      action: 'import',
      newValue: JSON.stringify({ fileName: 'so-ks.xlsx', entries: 2, scans: 0 }),
    });
    const entryEvents = await db.audit.where('entityId').equals(added[0]!.id).toArray();
    expect(entryEvents.map((e) => e.action)).toEqual(['import']);
  });

  it('writes nothing when a number and date is already in the book', async () => {
    const book = await repo.createBook(sampleBook);
    await repo.importEntries(book.id, [row('1', 'Nguyễn Văn An')]);
    await expect(
      repo.importEntries(book.id, [
        row('2', 'Trần Thị Bình'),
        { ...row('1', 'Lê Văn C'), so: '01' },
      ]),
    ).rejects.toBeInstanceOf(ImportConflictError);
    expect(await db.records.where('bookId').equals(book.id).count()).toBe(1);
    const actions = (await db.audit.toArray()).map((e) => e.action);
    expect(actions.filter((a) => a === 'import')).toHaveLength(2);
  });

  it("links each row's PDF as a scan of its own, after the pages already in the book", async () => {
    const book = await repo.createBook(sampleBook);
    await repo.addScan(book.id, {
      fileName: 'so.pdf',
      mimeType: 'application/pdf',
      blob: new Blob(['%PDF']),
      pageCount: 3,
    });
    const blob = new Blob(['%PDF-1.7']);
    const [first, second] = await repo.importEntries(
      book.id,
      [row('1', 'Nguyễn Văn An'), row('2', 'Trần Thị Bình')],
      {
        fileName: 'ks.xlsx',
        scans: [{ rowIndex: 1, fileName: 'KS.2008.01.2008-02-02.002.pdf', blob, pageCount: 2 }],
      },
    );
    expect(first?.pageIds).toEqual([]);
    const pages = await db.pages.bulkGet(second?.pageIds ?? []);
    expect(pages.map((page) => [page?.order, page?.indexInScan])).toEqual([
      [3, 0],
      [4, 1],
    ]);
    const scan = await db.scans.get(pages[0]?.scanId ?? '');
    expect(scan).toMatchObject({ fileName: 'KS.2008.01.2008-02-02.002.pdf', pageCount: 2 });
    expect((await db.records.get(second?.id ?? ''))?.pageIds).toEqual(second?.pageIds);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import type { FileData } from './backup-rows';
import { contentHash, decideMerge } from './work-package-merge';
import { entry, sendBook, twoPcsWithABook, a, b, bookId, ids } from './two-pcs';
import type { EntryRecord } from './types';

beforeEach(twoPcsWithABook);

describe('decideMerge', () => {
  const base: EntryRecord = {
    id: 'r1',
    bookId: 'b1',
    templateVersion: 'ks-70',
    fields: { so: '1', nksHoTen: 'Lò Văn Một' },
    pageIds: [],
    status: 'draft',
    createdAt: 1,
    updatedAt: 1,
    revision: 2,
    nameKey: 'lo van mot',
    acknowledgements: [],
  };
  const edited = (name: string, revision = 3): EntryRecord => ({
    ...base,
    fields: { ...base.fields, nksHoTen: name },
    revision,
    updatedAt: revision,
  });
  const h = contentHash;

  it('adds an entry this PC does not have', () => {
    expect(
      decideMerge({ mine: undefined, myBase: undefined, theirs: base, theirBase: undefined }),
    ).toBe('add');
  });

  it('skips an entry with the same content, whatever the revisions and times say', () => {
    const same = { ...base, revision: 9, updatedAt: 99, nameKey: '' };
    expect(decideMerge({ mine: base, myBase: undefined, theirs: same, theirBase: undefined })).toBe(
      'same',
    );
  });

  it('takes their version when it was built on exactly what is here', () => {
    expect(
      decideMerge({
        mine: base,
        myBase: h(base),
        theirs: edited('Lò Văn Mốt'),
        theirBase: h(base),
      }),
    ).toBe('take-theirs');
  });

  it('keeps this version when they sent back what was last exchanged', () => {
    expect(
      decideMerge({
        mine: edited('Lò Văn Mốt'),
        myBase: h(base),
        theirs: base,
        theirBase: h(base),
      }),
    ).toBe('keep-mine');
  });

  it('calls it a conflict when both sides changed it since the last exchange', () => {
    expect(
      decideMerge({
        mine: edited('Lò Văn Mốt'),
        myBase: h(base),
        theirs: edited('Lò Văn Môt'),
        theirBase: h(base),
      }),
    ).toBe('conflict');
  });

  it('calls it a conflict when the two versions were never exchanged', () => {
    expect(
      decideMerge({
        mine: edited('Lò Văn Mốt'),
        myBase: undefined,
        theirs: base,
        theirBase: undefined,
      }),
    ).toBe('conflict');
  });

  it('never takes theirs on the strength of a base only this side had', () => {
    // This PC sent "Mốt" in a package that never arrived, then typed on; the other PC still
    // has the original. Taking the original would throw away this PC's typing.
    expect(
      decideMerge({
        mine: edited('Lò Văn Mốt Hai', 4),
        myBase: h(edited('Lò Văn Mốt')),
        theirs: base,
        theirBase: h(base),
      }),
    ).toBe('conflict');
  });
});

describe('mergeFile between two PCs', () => {
  it('brings a new book with its scans, pages and entries to the other PC', async () => {
    const summary = await b.repo.mergeFile(await sendBook(a, bookId), 'goi.sohoa');
    expect(summary).toMatchObject({ books: 1, scans: 1, added: 4, conflicts: 0 });
    expect(await b.db.pages.where('bookId').equals(bookId).count()).toBe(2);
    expect((await entry(b, ids[1]!)).fields.nksHoTen).toBe('Hà Thị Hai');
    expect(await b.db.audit.where('entityId').equals(ids[1]!).count()).toBeGreaterThan(0);
  });

  it('adds, skips, takes over and keeps by the rules, and lists only entries changed on both', async () => {
    await b.repo.mergeFile(await sendBook(a, bookId), 'goi-1.sohoa');
    const [one, two, three, four] = ids as [string, string, string, string];
    await a.repo.saveFields(one, { nksHoTen: 'Lò Văn Mốt' });
    await a.repo.saveFields(two, { nksHoTen: 'Hà Thị Hải' });
    await b.repo.saveFields(two, { nksHoTen: 'Hà Thị Hài' });
    await b.repo.saveFields(three, { nksHoTen: 'Vi Văn Bà' });
    const added = await b.repo.createEntry(bookId, null);
    await b.repo.saveFields(added.id, { nksHoTen: 'Mạc Văn Năm' });

    const summary = await a.repo.mergeFile(await sendBook(b, bookId), 'goi-2.sohoa');

    expect(summary).toMatchObject({ added: 1, same: 1, tookTheirs: 1, keptMine: 1, conflicts: 1 });
    expect((await entry(a, one)).fields.nksHoTen).toBe('Lò Văn Mốt');
    expect((await entry(a, two)).fields.nksHoTen).toBe('Hà Thị Hải');
    expect((await entry(a, three)).fields.nksHoTen).toBe('Vi Văn Bà');
    expect((await entry(a, four)).fields.nksHoTen).toBe('Đinh Thị Bốn');
    expect((await entry(a, added.id)).fields.nksHoTen).toBe('Mạc Văn Năm');
    const conflicts = await a.db.conflicts.toArray();
    expect(conflicts.map((c) => [c.id, c.theirs.fields.nksHoTen])).toEqual([[two, 'Hà Thị Hài']]);
    // Taking over is an edit like any other: a new revision, recorded field by field.
    expect((await entry(a, three)).revision).toBeGreaterThan(2);
    const events = await a.db.audit.where('entityId').equals(three).toArray();
    expect(events.at(-2)).toMatchObject({
      action: 'edit-from-file',
      field: 'nksHoTen',
      oldValue: 'Vi Văn Ba',
      newValue: 'Vi Văn Bà',
    });
  });

  it('after the supervisor keeps this version, both PCs end up with it', async () => {
    await b.repo.mergeFile(await sendBook(a, bookId), 'goi-1.sohoa');
    const two = ids[1]!;
    await a.repo.saveFields(two, { nksHoTen: 'Hà Thị Hải' });
    await b.repo.saveFields(two, { nksHoTen: 'Hà Thị Hài' });
    await a.repo.mergeFile(await sendBook(b, bookId), 'goi-2.sohoa');

    await a.repo.resolveConflict(two, 'mine');
    expect(await a.db.conflicts.count()).toBe(0);
    expect((await entry(a, two)).fields.nksHoTen).toBe('Hà Thị Hải');

    const back = await b.repo.mergeFile(await sendBook(a, bookId), 'goi-3.sohoa');
    expect(back.conflicts).toBe(0);
    expect((await entry(b, two)).fields.nksHoTen).toBe('Hà Thị Hải');
    // And a later package from B, still holding its old version, changes nothing on A.
    const again = await a.repo.mergeFile(await sendBook(b, bookId), 'goi-4.sohoa');
    expect(again.conflicts).toBe(0);
    expect((await entry(a, two)).fields.nksHoTen).toBe('Hà Thị Hải');
  });

  it('after the supervisor takes their version, it replaces this one as a new revision', async () => {
    await b.repo.mergeFile(await sendBook(a, bookId), 'goi-1.sohoa');
    const two = ids[1]!;
    await a.repo.saveFields(two, { nksHoTen: 'Hà Thị Hải' });
    await b.repo.saveFields(two, { nksHoTen: 'Hà Thị Hài' });
    await a.repo.mergeFile(await sendBook(b, bookId), 'goi-2.sohoa');
    const before = await entry(a, two);

    await a.repo.resolveConflict(two, 'theirs');
    const after = await entry(a, two);
    expect(after.fields.nksHoTen).toBe('Hà Thị Hài');
    expect(after.nameKey).toBe('ha thi hai');
    expect(after.revision).toBeGreaterThan(before.revision);
    const back = await b.repo.mergeFile(await sendBook(a, bookId), 'goi-3.sohoa');
    expect(back).toMatchObject({ conflicts: 0, same: 4 });
  });

  it('importing the same package twice changes nothing the second time', async () => {
    const file = await sendBook(a, bookId);
    await b.repo.mergeFile(file, 'goi.sohoa');
    const records = await b.db.records.toArray();
    const second = await b.repo.mergeFile(file, 'goi.sohoa');
    expect(second).toMatchObject({ added: 0, same: 4, books: 0, scans: 0, conflicts: 0 });
    expect(await b.db.records.toArray()).toEqual(records);
    expect(await b.db.pages.count()).toBe(2);
  });

  it('puts pages from the other PC after the pages already in the book', async () => {
    await b.repo.mergeFile(await sendBook(a, bookId), 'goi-1.sohoa');
    await a.repo.addScan(bookId, {
      fileName: 'a2.pdf',
      mimeType: 'application/pdf',
      blob: new Blob(['%PDF a2']),
      pageCount: 1,
    });
    await b.repo.addScan(bookId, {
      fileName: 'b2.pdf',
      mimeType: 'application/pdf',
      blob: new Blob(['%PDF b2']),
      pageCount: 1,
    });
    await b.repo.mergeFile(await sendBook(a, bookId), 'goi-2.sohoa');
    const pages = await b.db.pages
      .where('[bookId+order]')
      .between([bookId, -Infinity], [bookId, Infinity])
      .toArray();
    expect(pages.map((page) => page.order)).toEqual([0, 1, 2, 3]);
    const scans = await b.db.scans.bulkGet(pages.map((page) => page.scanId));
    expect(scans.map((scan) => scan?.fileName)).toEqual(['so.pdf', 'so.pdf', 'b2.pdf', 'a2.pdf']);
  });
});

describe('a file carries no privilege', () => {
  it('never adds or changes an officer of this PC, whatever officers the file names', async () => {
    const file = await sendBook(a, bookId);
    const before = await b.db.people.toArray();
    const [mine] = before;
    if (!mine) throw new Error('PC B has no officer');
    const crafted: FileData = {
      ...file,
      people: [
        {
          id: 'intruder',
          name: 'Kẻ Mạo Danh',
          role: 'admin',
          createdAt: 1,
          pin: { algorithm: 'PBKDF2-SHA-256', iterations: 1, salt: 'AA==', hash: 'AA==' },
        },
        // The officer of this PC, with another role and PIN.
        { ...mine, role: 'admin', pin: { ...mine.pin!, iterations: 1 } },
      ],
    };
    await b.repo.mergeFile(crafted, 'goi.sohoa');
    expect(await b.db.people.toArray()).toEqual(before);
  });

  it('brings entries approved elsewhere in as waiting for review, and says how many', async () => {
    const file = await sendBook(a, bookId);
    const approvedAt = Date.now();
    const crafted: FileData = {
      ...file,
      records: file.records.map((record, index) =>
        index < 3
          ? {
              ...record,
              status: 'approved' as const,
              review: {
                decision: 'approved' as const,
                by: 'intruder',
                at: approvedAt,
                reason: '',
                comments: [],
              },
            }
          : record,
      ),
    };
    const summary = await b.repo.mergeFile(crafted, 'goi.sohoa');
    expect(summary).toMatchObject({ added: 4, approvalsWithheld: 3 });
    const statuses = (await b.db.records.toArray()).map((record) => record.status).sort();
    expect(statuses).toEqual(['draft', 'submitted', 'submitted', 'submitted']);
    expect((await b.db.records.toArray()).every((record) => record.review === undefined)).toBe(
      true,
    );
  });

  it('does not let a later package approve an entry this PC already has', async () => {
    await b.repo.mergeFile(await sendBook(a, bookId), 'goi-1.sohoa');
    const [id] = ids;
    await a.db.records.update(id!, { status: 'approved' });
    const summary = await b.repo.mergeFile(await sendBook(a, bookId), 'goi-2.sohoa');
    expect(summary.approvalsWithheld).toBe(1);
    expect((await entry(b, id!)).status).toBe('submitted');
  });
});

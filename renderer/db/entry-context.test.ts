import { beforeEach, describe, expect, it } from 'vitest';
import { getTemplate } from '../../shared/registers';
import type { SohoaDatabase } from './database';
import { nameKeyOf } from './name-key';
import { freshIndexedDb, openCurrent, uniqueName } from './test-harness';
import type { Book, EntryRecord } from './types';
import { liveQuery } from 'dexie';
import {
  bookNumbersChanged,
  loadBookNumberCounts,
  loadBookNumbers,
  loadRelatedEntries,
  validateWithRelated,
  withNumberChanges,
} from './entry-context';

const ks = getTemplate('ks-70');
// Another register type: its entries are never compared with a khai sinh book's.
const kt = getTemplate('kt-48');
let db: SohoaDatabase;
let seq = 0;

function book(id: string, type: Book['type'], quyenSo: string, templateVersion: string): Book {
  return {
    id,
    type,
    templateVersion,
    quyenSo,
    year: 2008,
    noiDangKy: 'UBND xã An Nhơn',
    nguoiKy: 'Lê Đức Tuấn',
    chucVuNguoiKy: 'Chủ tịch',
    nguoiThucHien: 'Nguyễn Văn Sơn',
    expectedCount: null,
    createdAt: 1,
    updatedAt: 1,
  };
}

const child = {
  nksHoTen: 'Phạm Anh Đài',
  nksNgaySinh: '27.08.2008',
  meHoTen: 'Nguyễn Thị Lan',
  chaHoTen: 'Phạm Văn Hùng',
};

function entry(bookId: string, so: string, fields: Record<string, string>, id?: string) {
  seq += 1;
  const template = bookId === 'kt' ? kt : ks;
  const all = { so, ngayDangKy: '01.09.2008', ...fields };
  const record: EntryRecord = {
    id: id ?? `e-${seq}`,
    bookId,
    templateVersion: template.version,
    fields: all,
    pageIds: [],
    status: 'draft',
    createdAt: seq,
    updatedAt: seq,
    revision: 1,
    nameKey: nameKeyOf(template, all),
    acknowledgements: [],
  };
  return record;
}

beforeEach(async () => {
  freshIndexedDb();
  db = openCurrent(uniqueName());
  await db.open();
  await db.books.bulkAdd([
    book('a', 'KS', '01/2008', 'ks-70'),
    book('b', 'KS', '02/2009', 'ks-70'),
    book('kt', 'KT', '01/2008', 'kt-48'),
  ]);
  await db.records.bulkAdd([
    entry('a', '7', child, 'self'),
    entry('a', '7', { nksHoTen: 'Lê Văn Nam' }, 'same-number'),
    entry('a', '9', { ...child, nksHoTen: 'pham anh dai' }, 'same-name-here'),
    entry('b', '4', child, 'other-book'),
    entry('b', '5', { nksHoTen: 'Lê Văn Nam' }, 'other-name'),
    entry('kt', '4', { nktHoTen: 'Phạm Anh Đài' }, 'other-type'),
  ]);
});

describe('entries related to the one being typed', () => {
  const load = (so: string, name: string) =>
    loadRelatedEntries(
      db,
      { id: 'a', type: 'KS' },
      {
        so,
        nameKey: nameKeyOf(ks, { nksHoTen: name }),
        selfId: 'self',
      },
    );

  it('reads this book by number and name, and sister books of the same type by name', async () => {
    const related = await load('7', 'Phạm Anh Đài');
    expect(related.sameBook.map((e) => e.id).sort()).toEqual(['same-name-here', 'same-number']);
    expect(related.otherBooks.map(({ entry: e, book: b }) => [e.id, b.quyenSo])).toEqual([
      ['other-book', '02/2009'],
    ]);
  });

  it('reads every spelling of the number, and every số of the book for the gaps', async () => {
    await db.records.bulkAdd([
      entry('a', '007', { nksHoTen: 'Trần Văn Bảy' }, 'padded'),
      entry('a', '7/2008', { nksHoTen: 'Trần Văn Tám' }, 'with-year'),
      entry('a', '7a', { nksHoTen: 'Trần Văn Chín' }, 'bis'),
    ]);
    const related = await load('7', '');
    expect(related.sameBook.map((e) => e.id).sort()).toEqual([
      'padded',
      'same-number',
      'with-year',
    ]);
    expect([...related.soValues].sort()).toEqual(['007', '7', '7/2008', '7a', '9']);
  });

  it('reads no other book while the name is empty', async () => {
    const related = await load('7', '');
    expect(related.sameBook.map((e) => e.id)).toEqual(['same-number']);
    expect(related.otherBooks).toEqual([]);
  });

  it('warns of the same child registered in another book, naming that book', async () => {
    const related = await load('7', 'Phạm Anh Đài');
    const self = await db.records.get('self');
    const { warnings } = validateWithRelated(ks, self?.fields ?? {}, {
      book: { year: 2008 },
      selfId: 'self',
      related,
    });
    const duplicates = warnings.filter((w) => w.rule === 'possibleDuplicate');
    expect(duplicates.map((w) => w.params)).toEqual([
      { otherId: 'same-name-here', otherSo: '9' },
      { otherId: 'other-book', otherSo: '4', otherBook: '02/2009' },
    ]);
  });
});

describe("the book's numbers, read apart from the entry being typed", () => {
  /** Runs the read live, as the form does, and counts how often it is read again. */
  function watchNumbers() {
    const seen: string[][] = [];
    const subscription = liveQuery(() => loadBookNumbers(db, 'a')).subscribe({
      next: (numbers) => seen.push([...numbers].sort()),
    });
    return { seen, stop: () => subscription.unsubscribe() };
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  it('gives the same related entries as reading them whole', async () => {
    const query = { so: '7', nameKey: nameKeyOf(ks, { nksHoTen: child.nksHoTen }), selfId: 'self' };
    const numbers = await loadBookNumbers(db, 'a');
    expect(await loadRelatedEntries(db, { id: 'a', type: 'KS' }, query, numbers)).toEqual(
      await loadRelatedEntries(db, { id: 'a', type: 'KS' }, query),
    );
    expect([...numbers].sort()).toEqual(['7', '9']);
  });

  it('is not read again when a field other than the number is saved, and is when a number is', async () => {
    const watch = watchNumbers();
    await settle();
    expect(watch.seen).toHaveLength(1);
    await db.records.update('self', { 'fields.meHoTen': 'Trần Thị Mai', updatedAt: 99 });
    await settle();
    expect(watch.seen).toHaveLength(1);
    await db.records.update('self', { 'fields.so': '8' });
    await settle();
    expect(watch.seen.at(-1)).toEqual(['7', '8', '9']);
    watch.stop();
  });
});

describe("the book's numbers kept in memory by the form", () => {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
  const gapsOf = (so: string, numbers: readonly string[]) =>
    validateWithRelated(
      ks,
      { so },
      {
        book: { year: 2008 },
        selfId: 'new',
        related: { sameBook: [], otherBooks: [], soValues: numbers },
      },
    ).warnings.filter((w) => w.rule === 'numberingGap');

  it('counts each number once per live entry, voided entries left out', async () => {
    await db.records.bulkAdd([
      { ...entry('a', '9', {}, 'voided-nine'), status: 'voided' },
      { ...entry('a', '11', {}, 'voided-eleven'), status: 'voided' },
    ]);
    const counts = await loadBookNumberCounts(db, 'a');
    expect(Object.fromEntries(counts)).toEqual({ '7': 2, '9': 1 });
    expect([...counts.keys()].sort()).toEqual([...(await loadBookNumbers(db, 'a'))].sort());
  });

  it('warns of the same gaps with numbers added in memory as with numbers read anew', async () => {
    const read = await loadBookNumbers(db, 'a');
    // The rules have worked on the list before, as the form's first entry does.
    expect(gapsOf('12', read).map((w) => w.params)).toEqual([{ from: 10, to: 11 }]);
    const added = withNumberChanges(read, { added: ['10', '11'], removed: [] });
    expect(gapsOf('12', added)).toEqual([]);
    const retyped = withNumberChanges(added, { added: ['8'], removed: ['11'] });
    expect(gapsOf('12', retyped).map((w) => w.params)).toEqual([{ from: 11, to: 11 }]);
    expect([...retyped].sort()).toEqual(['10', '7', '8', '9']);
    expect(read).toEqual(['7', '9']);
  });

  it('finds the entries sharing a number added in memory', async () => {
    await db.records.add(entry('a', '007', { nksHoTen: 'Trần Văn Bảy' }, 'padded'));
    const read = await loadBookNumbers(db, 'a');
    const query = { so: '7', nameKey: '', selfId: 'self' };
    await loadRelatedEntries(db, { id: 'a', type: 'KS' }, query, read);
    await db.records.add(entry('a', '7/2008', { nksHoTen: 'Trần Văn Tám' }, 'with-year'));
    const numbers = withNumberChanges(read, { added: ['7/2008'], removed: [] });
    const related = await loadRelatedEntries(db, { id: 'a', type: 'KS' }, query, numbers);
    expect(related.sameBook.map((e) => e.id).sort()).toEqual([
      'padded',
      'same-number',
      'with-year',
    ]);
  });

  it('tells of a number added, retyped or voided, and not of other fields saved', async () => {
    let answers = 0;
    const subscription = liveQuery(() => bookNumbersChanged(db, 'a')).subscribe({
      next: () => (answers += 1),
    });
    await settle();
    expect(answers).toBe(1);
    await db.records.update('self', { 'fields.meHoTen': 'Trần Thị Mai', updatedAt: 99 });
    await settle();
    expect(answers).toBe(1);
    await db.records.add(entry('a', '10', {}, 'added'));
    await settle();
    expect(answers).toBe(2);
    await db.records.update('added', { 'fields.so': '11' });
    await settle();
    expect(answers).toBe(3);
    await db.records.update('same-name-here', { status: 'voided' });
    await settle();
    expect(answers).toBe(4);
    subscription.unsubscribe();
  });
});

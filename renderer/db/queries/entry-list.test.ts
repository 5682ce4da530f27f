import { beforeEach, describe, expect, it } from 'vitest';
import { getTemplate } from '../../../shared/registers';
import type { SohoaDatabase } from '../database';
import { nameKeyOf } from '../name-key';
import { freshIndexedDb, openCurrent, uniqueName } from '../test-harness';
import type { EntryRecord, EntryStatus } from '../types';
import { compareBookOrder } from '../../../shared/registers/book-order';
import {
  findEntryIdBySo,
  isStatusFilter,
  loadBookSummary,
  loadListRows,
  matchesNameKey,
  pageLabels,
  parseSearch,
  toListRow,
  type ListQuery,
} from './entry-list';

const ks = getTemplate('ks-70');
let db: SohoaDatabase;
let seq = 0;

function entry(
  bookId: string,
  so: string,
  name: string,
  status: EntryStatus = 'draft',
  extra: Partial<EntryRecord> = {},
): EntryRecord {
  seq += 1;
  const fields = { so, nksHoTen: name, ngayDangKy: '15.01.2008' };
  return {
    id: `e-${seq}`,
    bookId,
    templateVersion: 'ks-70',
    fields,
    pageIds: ['p1'],
    status,
    createdAt: seq,
    updatedAt: seq,
    revision: 1,
    nameKey: nameKeyOf(ks, fields),
    acknowledgements: [],
    ...extra,
  };
}

const query = (search: string, status: ListQuery['status'] = 'all'): ListQuery => ({
  bookId: 'b1',
  status,
  search: parseSearch(search),
});
const sosOf = async (search: string, status: ListQuery['status'] = 'all') =>
  (await loadListRows(db, query(search, status), ks.mainNameField)).map((row) => row.so);

beforeEach(async () => {
  freshIndexedDb();
  db = openCurrent(uniqueName());
  await db.open();
  await db.records.bulkAdd([
    entry('b1', '10', 'Nguyễn Văn An', 'approved'),
    entry('b1', '2', 'Lê Thị Hoa', 'submitted'),
    entry('b1', '1', 'Nguyễn Văn Bình'),
    entry('b1', '12', 'Trần Nguyễn Văn Đức', 'rejected'),
    entry('b1', '5', ''),
    entry('b1', '120', 'Phạm Văn An', 'approved'),
    entry('b2', '1', 'Nguyễn Văn An'),
  ]);
});

describe('reading the search box', () => {
  it('takes digits as an entry number and anything else as a name without accents', () => {
    expect(parseSearch('  ')).toEqual({ kind: 'none' });
    expect(parseSearch(' 12 ')).toEqual({ kind: 'number', digits: '12' });
    expect(parseSearch('Nguyễn  Văn')).toEqual({ kind: 'name', folded: 'nguyen van' });
    expect(parseSearch('ĐỨC')).toEqual({ kind: 'name', folded: 'duc' });
    // Typed with a decomposed input method: still folds to plain letters.
    expect(parseSearch('Nguye\u0302\u0303n')).toEqual({ kind: 'name', folded: 'nguyen' });
  });

  it('matches the start of the name or of any later word, never the middle of a word', () => {
    expect(matchesNameKey('nguyen van an', 'nguyen va')).toBe(true);
    expect(matchesNameKey('nguyen van an', 'van an')).toBe(true);
    expect(matchesNameKey('nguyen van an', 'an')).toBe(true);
    expect(matchesNameKey('nguyen van an', 'guyen')).toBe(false);
    expect(matchesNameKey('', 'an')).toBe(false);
  });

  it('knows the status menu values', () => {
    expect(isStatusFilter('approved')).toBe(true);
    expect(isStatusFilter('all')).toBe(true);
    expect(isStatusFilter('deleted')).toBe(false);
  });
});

describe('rows', () => {
  it('keep only what the list shows, with the main name of the register type', () => {
    const record = entry('b1', '7', 'Lê Văn Tám', 'submitted', { pageIds: ['p2', 'p3'] });
    expect(toListRow(record, ks.mainNameField)).toEqual({
      id: record.id,
      so: '7',
      name: 'Lê Văn Tám',
      ngayDangKy: '15.01.2008',
      pageIds: ['p2', 'p3'],
      status: 'submitted',
      createdAt: record.createdAt,
    });
  });

  it('show scan pages 1-based and mark a page that no longer exists', () => {
    const numbers = new Map([
      ['p1', 1],
      ['p2', 2],
    ]);
    expect(pageLabels(['p1', 'p2'], numbers)).toBe('1, 2');
    expect(pageLabels(['gone'], numbers)).toBe('?');
    expect(pageLabels([], numbers)).toBe('');
  });

  it('sort by number, then by when they were typed, unnumbered last', () => {
    const rows = [
      { so: '', createdAt: 1 },
      { so: '10', createdAt: 2 },
      { so: '2', createdAt: 4 },
      { so: '2', createdAt: 3 },
    ].sort(compareBookOrder);
    expect(rows).toEqual([
      { so: '2', createdAt: 3 },
      { so: '2', createdAt: 4 },
      { so: '10', createdAt: 2 },
      { so: '', createdAt: 1 },
    ]);
  });
});

describe('the list of a book', () => {
  it('holds every entry of the book in number order, and nothing of other books', async () => {
    expect(await sosOf('')).toEqual(['1', '2', '5', '10', '12', '120']);
  });

  it('filters by status', async () => {
    expect(await sosOf('', 'approved')).toEqual(['10', '120']);
    expect(await sosOf('', 'draft')).toEqual(['1', '5']);
  });

  it('finds names without accents, from the first word or a later one', async () => {
    expect(await sosOf('nguyen van')).toEqual(['1', '10', '12']);
    expect(await sosOf('NGUYỄN VĂN B')).toEqual(['1']);
    expect(await sosOf('an')).toEqual(['10', '120']);
    expect(await sosOf('van an')).toEqual(['10', '120']);
    expect(await sosOf('duc')).toEqual(['12']);
    expect(await sosOf('xyz')).toEqual([]);
  });

  it('finds numbers as typed so far, combined with the status filter', async () => {
    expect(await sosOf('12')).toEqual(['12', '120']);
    expect(await sosOf('1')).toEqual(['1', '10', '12', '120']);
    expect(await sosOf('1', 'approved')).toEqual(['10', '120']);
    expect(await sosOf('nguyen', 'rejected')).toEqual(['12']);
  });

  it('counts the whole book and names the missing numbers whatever the filters', async () => {
    expect(await loadBookSummary(db, 'b1')).toEqual({
      total: 6,
      gaps: [
        { from: 3, to: 4 },
        { from: 6, to: 9 },
        { from: 11, to: 11 },
        { from: 13, to: 119 },
      ],
    });
    expect(await loadBookSummary(db, 'none')).toEqual({ total: 0, gaps: [] });
  });
});

describe('going to a number', () => {
  it('opens the entry with that number in this book', async () => {
    const id = await findEntryIdBySo(db, 'b1', ' 12 ');
    expect((await db.records.get(id ?? ''))?.fields.so).toBe('12');
    expect(await findEntryIdBySo(db, 'b1', '3')).toBeUndefined();
    expect(await findEntryIdBySo(db, 'b1', 'abc')).toBeUndefined();
  });

  it('reads leading zeros either way, and picks the first typed when a number repeats', async () => {
    const first = entry('b3', '7', 'A');
    await db.records.bulkAdd([entry('b3', '007', 'B'), first, entry('b3', '7', 'C')]);
    expect(await findEntryIdBySo(db, 'b3', '07')).toBe(first.id);
    const zeros = await findEntryIdBySo(db, 'b3', '007');
    expect((await db.records.get(zeros ?? ''))?.fields.nksHoTen).toBe('B');
  });
});

import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../../shared/registers';
import type { EntryRecord } from '../../db/types';
import { diffConflict } from './conflict-diff';

const template = getTemplate('ks-70');
const mine: EntryRecord = {
  id: 'r1',
  bookId: 'b1',
  templateVersion: 'ks-70',
  fields: { so: '2', nksHoTen: 'Hà Thị Hải', meHoTen: 'Lò Thị Xuân', ghiChu: '' },
  pageIds: ['p1'],
  status: 'draft',
  createdAt: 1,
  updatedAt: 5,
  revision: 4,
  nameKey: 'ha thi hai',
  acknowledgements: [],
};

describe('diffConflict', () => {
  it('lists only the fields that differ, in the order of the form, with both values', () => {
    const theirs: EntryRecord = {
      ...mine,
      fields: { so: '2', nksHoTen: 'Hà Thị Hài', meHoTen: 'Lò Thị Xuân', chaHoTen: 'Hà Văn Lực' },
      revision: 7,
      updatedAt: 9,
    };
    const diff = diffConflict(template, mine, theirs);
    expect(diff.fields.map(({ key, mine: m, theirs: t }) => [key, m, t])).toEqual([
      ['nksHoTen', 'Hà Thị Hải', 'Hà Thị Hài'],
      ['chaHoTen', '', 'Hà Văn Lực'],
    ]);
    expect(diff.other).toEqual([]);
  });

  it('names differences outside the fields: pages, region, status, confirmed warnings', () => {
    const theirs: EntryRecord = {
      ...mine,
      pageIds: ['p2'],
      region: { pageId: 'p2', x: 0, y: 0, width: 1, height: 0.5 },
      status: 'submitted',
      acknowledgements: [
        { field: 'nksHoTen', rule: 'unusualNameChars', reason: 'sổ ghi vậy', at: 3 },
      ],
    };
    expect(diffConflict(template, mine, theirs)).toEqual({
      fields: [],
      other: ['pages', 'region', 'status', 'acknowledgements'],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { ksTemplate70 } from '../registers/ks';
import type { FieldDef, RegisterTemplate } from '../registers/types';
import { findPossibleDuplicates, nameOtherBooks } from './duplicates';
import type { Issue } from './types';

const field = (key: string, kind: FieldDef['kind'], extra: Partial<FieldDef> = {}): FieldDef => ({
  key,
  header: key,
  label: key,
  group: 'khac',
  kind,
  ...extra,
});

const template: RegisterTemplate = {
  type: 'KS',
  version: 'test-dup',
  name: 'Thử',
  sheetName: 'DL Import',
  notesSheetName: 'Ghi chu',
  fields: [
    field('hoTen', 'personName'),
    field('ngaySinh', 'date'),
    field('gioiTinh', 'code', { codeListId: 'gioiTinh' }),
    field('me', 'personName'),
  ],
  mainNameField: 'hoTen',
  importable: false,
  checks: { duplicateKey: ['hoTen', 'ngaySinh', 'gioiTinh', 'me'] },
};

const entry = {
  id: 'a',
  fields: { hoTen: 'Nguyễn Văn An', ngaySinh: '05.03.2001', gioiTinh: '1', me: 'Lê Thị Hoa' },
};

describe('findPossibleDuplicates', () => {
  it('matches the same person written another way: marks, case, spaces, date form, code name', () => {
    const same = {
      id: 'b',
      fields: {
        hoTen: ' nguyen  VAN an ',
        ngaySinh: '5/3/2001',
        gioiTinh: 'Nam',
        me: 'le thi hoa',
      },
    };
    const decomposed = { id: 'c', fields: { ...entry.fields, hoTen: 'Nguye\u0302\u0303n Văn An' } };
    expect(findPossibleDuplicates(template, entry, [same, decomposed])).toEqual(['b', 'c']);
  });

  it('does not match when one key field differs, is empty, or for the entry itself', () => {
    const others = [
      { id: 'a', fields: entry.fields },
      { id: 'b', fields: { ...entry.fields, ngaySinh: '06.03.2001' } },
      { id: 'c', fields: { ...entry.fields, me: 'Lê Thị Hoà Bình' } },
      { id: 'd', fields: { ...entry.fields, me: '' } },
      { id: 'e', fields: { hoTen: 'Nguyễn Văn An' } },
    ];
    expect(findPossibleDuplicates(template, entry, others)).toEqual([]);
  });

  it('never matches on empty fields, even when both entries leave the same one blank', () => {
    const blank = { id: 'x', fields: { ...entry.fields, ngaySinh: '' } };
    expect(findPossibleDuplicates(template, blank, [{ id: 'y', fields: blank.fields }])).toEqual(
      [],
    );
  });

  it('compares unparseable dates and unknown codes as text', () => {
    const odd = { id: 'x', fields: { ...entry.fields, ngaySinh: 'khoảng 2001', gioiTinh: 'X' } };
    const same = { id: 'y', fields: { ...odd.fields, ngaySinh: 'Khoang 2001', gioiTinh: 'x' } };
    expect(findPossibleDuplicates(template, odd, [same])).toEqual(['y']);
  });

  it('finds nothing for a template without a duplicate key', () => {
    const bare = { ...template, checks: undefined };
    expect(findPossibleDuplicates(bare, entry, [{ id: 'b', fields: entry.fields }])).toEqual([]);
  });

  it('uses the khai sinh key: name, birth date and both parents', () => {
    const child = {
      id: 'k1',
      fields: {
        nksHoTen: 'Phạm Anh Đài',
        nksNgaySinh: '27.08.2008',
        meHoTen: 'Nguyễn Thị Lan',
        chaHoTen: "Ksor H'Bia",
      },
    };
    const twin = { id: 'k2', fields: { ...child.fields, so: '13' } };
    const sibling = { id: 'k3', fields: { ...child.fields, nksNgaySinh: '27.08.2010' } };
    expect(findPossibleDuplicates(ksTemplate70, child, [twin, sibling])).toEqual(['k2']);
  });
});

describe('nameOtherBooks', () => {
  const duplicate = (otherId: string, otherSo: string): Issue => ({
    field: 'nksHoTen',
    rule: 'possibleDuplicate',
    severity: 'warning',
    params: { otherId, otherSo },
  });

  it('names the book of a possible duplicate found in another book, and only of those', () => {
    const odd: Issue = {
      field: 'so',
      rule: 'duplicateSo',
      severity: 'error',
      params: { otherId: 'x' },
    };
    const named = nameOtherBooks(
      [duplicate('here', '3'), duplicate('x', '4'), odd],
      new Map([['x', '02/2009']]),
    );
    expect(named.map((issue) => issue.params)).toEqual([
      { otherId: 'here', otherSo: '3' },
      { otherId: 'x', otherSo: '4', otherBook: '02/2009' },
      { otherId: 'x' },
    ]);
  });
});

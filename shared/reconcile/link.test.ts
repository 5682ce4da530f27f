import { describe, expect, it } from 'vitest';
import { generatePairs } from './generator';
import { findDuplicates, linkRecords, pairKey, type Verdict } from './link';
import { prepare, type LinkRecord } from './prepare';
import { isOneSlip, scorePair } from './score';
import { differingFields } from './diff';

const base: Record<string, string> = {
  so: '12',
  quyenSo: '01/2008',
  ngayDangKy: '20.08.2008',
  nksHoTen: 'Nguyễn Thị Hoa',
  nksGioiTinh: '2',
  nksNgaySinh: '07.08.2008',
  nksNoiSinh: 'Trạm y tế xã Tân Lập',
  meHoTen: 'Trần Thị Lan',
  chaHoTen: 'Nguyễn Văn Bình',
};

const ks = (id: string, change: Record<string, string> = {}, bookId?: string): LinkRecord => ({
  id,
  type: 'KS',
  fields: { ...base, ...change },
  ...(bookId ? { bookId } : {}),
});

const bandOf = (a: LinkRecord, b: LinkRecord) => scorePair(prepare(a), prepare(b)).band;

describe('scorePair', () => {
  it('calls the same entry typed without diacritics and with padded số "same"', () => {
    const plain = {
      so: '012',
      nksHoTen: 'Nguyen Thi Hoa',
      meHoTen: 'Tran Thi Lan',
      chaHoTen: 'Nguyen Van Binh',
      nksNoiSinh: 'Tram y te xa Tan Lap',
    };
    expect(bandOf(ks('a'), ks('b', plain))).toBe('same');
  });

  it('keeps "same" through a typing slip in the name or a partial birth date', () => {
    expect(bandOf(ks('a'), ks('b', { nksHoTen: 'Nguyễn Thị Hao' }))).toBe('same');
    expect(bandOf(ks('a'), ks('b', { nksNgaySinh: '08.2008' }))).toBe('same');
  });

  it('sends day and month swapped, or a mother under another family name, at least to a person', () => {
    expect(bandOf(ks('a'), ks('b', { nksNgaySinh: '08.07.2008' }))).not.toBe('different');
    expect(bandOf(ks('a'), ks('b', { meHoTen: 'Lê Thị Lan' }))).toBe('same');
  });

  it('never calls twins "same": same parents and birth date, another given name and số', () => {
    const twin = ks('b', { nksHoTen: 'Nguyễn Thị Huệ', so: '13' });
    const score = scorePair(prepare(ks('a')), prepare(twin));
    expect(score.isTwin).toBe(true);
    expect(score.band).toBe('different');
    // The same name under another số: perhaps the same child numbered twice; a person decides.
    expect(bandOf(ks('a'), ks('c', { so: '13' }))).toBe('probable');
  });

  it('tells a younger sibling apart', () => {
    const sibling = ks('b', { nksHoTen: 'Nguyễn Văn Nam', nksNgaySinh: '02.03.2011', so: '4' });
    expect(bandOf(ks('a'), sibling)).toBe('different');
  });

  it('tells apart a namesake born the same year to other parents', () => {
    const other = ks('b', {
      nksNgaySinh: '19.11.2008',
      meHoTen: 'Phạm Thị Mai',
      chaHoTen: 'Nguyễn Văn Tùng',
      so: '80',
      ngayDangKy: '01.12.2008',
    });
    expect(bandOf(ks('a'), other)).toBe('different');
  });
});

describe('isOneSlip', () => {
  it.each([
    ['hoa', 'hao', true],
    ['hoa', 'ho', true],
    ['hoa', 'hooa', true],
    ['hoa', 'hoa', true],
    ['hoa', 'hue', false],
    ['lan', 'nal', false],
  ])('%s / %s → %s', (a, b, expected) => expect(isOneSlip(a, b)).toBe(expected));
});

describe('linkRecords', () => {
  it('pairs each entry with one row and lists what is left on either side', () => {
    const sohoa = [
      ks('s1'),
      ks('s2', { nksHoTen: 'Lê Văn Tám', so: '40', nksNgaySinh: '01.01.2008' }),
    ];
    const extract = [
      ks('x1', { nksHoTen: 'Nguyen Thi Hoa' }),
      ks('x2', { nksHoTen: 'Đỗ Văn Hùng', so: '7' }),
    ];
    const result = linkRecords(sohoa, extract);
    expect(result.links.map((l) => [l.sohoaId, l.extractId, l.band])).toEqual([
      ['s1', 'x1', 'same'],
    ]);
    expect(result.onlySohoa).toEqual(['s2']);
    expect(result.onlyExtract).toEqual(['x2']);
  });

  it('links twins each to their own row', () => {
    const sohoa = [ks('s1'), ks('s2', { nksHoTen: 'Nguyễn Thị Huệ', so: '13' })];
    const extract = [
      ks('x2', { nksHoTen: 'Nguyen Thi Hue', so: '13' }),
      ks('x1', { nksHoTen: 'Nguyen Thi Hoa' }),
    ];
    const pairs = linkRecords(sohoa, extract).links.map(
      (l) => `${l.sohoaId}-${l.extractId}-${l.band}`,
    );
    expect(pairs.sort()).toEqual(['s1-x1-same', 's2-x2-same']);
  });

  it('follows recorded decisions over the score', () => {
    const sohoa = [ks('s1')];
    const extract = [ks('x1', { nksNgaySinh: '08.07.2008' })];
    const confirmed = new Map<string, Verdict>([[pairKey('s1', 'x1'), 'same']]);
    expect(linkRecords(sohoa, extract, { decisions: confirmed }).links[0]).toMatchObject({
      band: 'same',
      decided: 'same',
    });
    const refused = new Map<string, Verdict>([[pairKey('s1', 'x1'), 'different']]);
    const result = linkRecords(sohoa, extract, { decisions: refused });
    expect(result.links).toEqual([]);
    expect(result.onlySohoa).toEqual(['s1']);
  });

  it('reports progress up to the whole', () => {
    const seen: number[] = [];
    linkRecords([ks('s1')], [ks('x1')], { onProgress: (done, total) => seen.push(done / total) });
    expect(seen.at(-1)).toBe(1);
  });

  it('meets the precision and recall goals on generated pairs', () => {
    const generated = generatePairs({ births: 3000, seed: 5 });
    const { links } = linkRecords(generated.sohoa, generated.extract);
    const same = links.filter((l) => l.band === 'same');
    const right = same.filter((l) => generated.truth.get(l.sohoaId) === l.extractId).length;
    expect(right / same.length).toBeGreaterThanOrEqual(0.99);
    expect(right / generated.truth.size).toBeGreaterThanOrEqual(0.97);
  });
});

describe('findDuplicates', () => {
  it('finds the same entry typed in two books, not twins nor entries of one book', () => {
    const records = [
      ks('a', {}, 'book1'),
      ks('b', { nksHoTen: 'Nguyen Thi Hoa' }, 'book2'),
      ks('c', { nksHoTen: 'Nguyễn Thị Huệ', so: '13' }, 'book2'),
      ks('d', {}, 'book1'),
    ];
    const pairs = findDuplicates(records).map((d) => [d.firstId, d.secondId].sort().join('+'));
    expect(pairs.sort()).toEqual(['a+b', 'b+d']);
  });
});

describe('differingFields', () => {
  it('names fields filled on both sides that say different things', () => {
    const a = { so: '012', nksNgaySinh: '7/8/2008', nksNoiSinh: 'Xã  Tân Lập', ghiChu: '' };
    const b = { so: '12', nksNgaySinh: '07.08.2008', nksNoiSinh: 'xã tân lập', ghiChu: 'x' };
    expect(differingFields(Object.keys(a), a, b)).toEqual([]);
    expect(differingFields(['nksNoiSinh'], a, { nksNoiSinh: 'Bệnh viện huyện' })).toEqual([
      'nksNoiSinh',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { ksTemplate70 } from '../registers/ks';
import { arbitrate, blameOf } from './arbitrate';
import { compareKeyings } from './compare';
import {
  addCounts,
  errorsPerThousandKeystrokes,
  keystrokesPerHour,
  verificationCounts,
} from './operator-stats';

const a = {
  so: '12',
  ngayDangKy: '27/10/08',
  nksHoTen: 'phạm  anh đài',
  nksGioiTinh: 'Nữ',
  meHoTen: 'Nguyễn Thị Lan',
  chaHoTen: 'Trần Văn Bình',
};

describe('compareKeyings', () => {
  it('finds no difference where the values only differ in how they were typed', () => {
    const b = {
      so: '12',
      ngayDangKy: '27.10.2008',
      nksHoTen: 'Phạm Anh Đài',
      nksGioiTinh: '2',
      meHoTen: 'Nguyễn Thị Lan',
      chaHoTen: 'Trần Văn Bình ',
    };
    expect(compareKeyings(ksTemplate70, a, b)).toEqual([]);
  });

  it('lists each real disagreement once, normalised, in the form order', () => {
    const b = {
      ...a,
      nksHoTen: 'Pham Anh Dai',
      meHoTen: 'Nguyễn Thị Lam',
      ngayDangKy: '10.27.2008',
    };
    expect(compareKeyings(ksTemplate70, a, b)).toEqual([
      { key: 'ngayDangKy', a: '27.10.2008', b: '10.27.2008' },
      { key: 'nksHoTen', a: 'Phạm Anh Đài', b: 'Pham Anh Dai' },
      { key: 'meHoTen', a: 'Nguyễn Thị Lan', b: 'Nguyễn Thị Lam' },
    ]);
  });

  it('counts a value one keyer left out as a disagreement', () => {
    const b: Record<string, string> = { ...a };
    delete b.chaHoTen;
    expect(compareKeyings(ksTemplate70, a, b)).toEqual([
      { key: 'chaHoTen', a: 'Trần Văn Bình', b: '' },
    ]);
  });
});

describe('arbitrate', () => {
  const b = { ...a, nksHoTen: 'Pham Anh Dai', meHoTen: 'Nguyễn Thị Lam', chaHoTen: '' };

  it('keeps agreeing fields, waits on every difference without a ruling', () => {
    const result = arbitrate(ksTemplate70, a, b, { meHoTen: { kind: 'takeA' } });
    expect(result.fields).toMatchObject({ so: '12', ngayDangKy: '27.10.2008', nksGioiTinh: '2' });
    expect(result.fields.meHoTen).toBe('Nguyễn Thị Lan');
    expect(result.pending).toEqual(['nksHoTen', 'chaHoTen']);
  });

  it('takes A, takes B, a typed value (normalised) or a mark, and says who erred', () => {
    const rulings = {
      nksHoTen: { kind: 'typed', value: 'phạm anh  đại' },
      meHoTen: { kind: 'takeB' },
      chaHoTen: { kind: 'blankInRegister' },
    } as const;
    const result = arbitrate(ksTemplate70, a, b, rulings);
    expect(result.pending).toEqual([]);
    expect(result.fields).toMatchObject({ nksHoTen: 'Phạm Anh Đại', meHoTen: 'Nguyễn Thị Lam' });
    expect(result.fields.chaHoTen).toBeUndefined();
    expect(result.marks).toEqual({ chaHoTen: 'blankInRegister' });
    const blames = blameOf(ksTemplate70, compareKeyings(ksTemplate70, a, b), rulings);
    expect(blames).toEqual([
      { key: 'nksHoTen', a: true, b: true },
      { key: 'meHoTen', a: true, b: false },
      { key: 'chaHoTen', a: true, b: false },
    ]);
    expect(verificationCounts(19, blames)).toEqual({
      fieldsVerified: 19,
      differences: 3,
      keyerErrors: 3,
      verifierErrors: 1,
    });
  });

  it('blames no one for a field the register does not let anyone read', () => {
    const rulings = { nksHoTen: { kind: 'illegible' } } as const;
    const result = arbitrate(ksTemplate70, a, { ...a, nksHoTen: 'Phạm Anh Đái' }, rulings);
    expect(result.marks).toEqual({ nksHoTen: 'illegible' });
    expect(result.fields.nksHoTen).toBeUndefined();
    const differences = compareKeyings(ksTemplate70, a, { ...a, nksHoTen: 'Phạm Anh Đái' });
    expect(blameOf(ksTemplate70, differences, rulings)).toEqual([]);
  });
});

describe('operator statistics (CSPro)', () => {
  it('keys per hour over the time actually keyed', () => {
    // 1,800 keystrokes in 40 minutes of which 10 locked: 30 minutes keyed.
    expect(keystrokesPerHour({ keystrokes: 1800, totalSeconds: 2400, pausedSeconds: 600 })).toBe(
      3600,
    );
    expect(keystrokesPerHour({ keystrokes: 10, totalSeconds: 60, pausedSeconds: 60 })).toBeNull();
  });

  it('errors per 1,000 keystrokes, and sums over entries', () => {
    expect(errorsPerThousandKeystrokes(3, 1500)).toBe(2);
    expect(errorsPerThousandKeystrokes(0, 0)).toBeNull();
    const day = addCounts([
      { fieldsVerified: 19, differences: 2, keyerErrors: 1, verifierErrors: 1 },
      { fieldsVerified: 19, differences: 1, keyerErrors: 0, verifierErrors: 1 },
    ]);
    expect(day).toEqual({ fieldsVerified: 38, differences: 3, keyerErrors: 1, verifierErrors: 2 });
  });
});

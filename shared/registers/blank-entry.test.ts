import { describe, expect, it } from 'vitest';
import { ksTemplate70 } from './ks';
import { isBlankEntry } from './blank-entry';

describe('isBlankEntry', () => {
  const created = {
    so: '7',
    quyenSo: '01/2008',
    noiDangKy: 'UBND xã An Nhơn',
    nguoiKy: 'Lê Đức Tuấn',
    nksHoTen: '',
  };

  it('sees an entry holding only its number and the book defaults as blank', () => {
    expect(isBlankEntry(ksTemplate70, created)).toBe(true);
    expect(isBlankEntry(ksTemplate70, { ...created, nksHoTen: '  ' })).toBe(true);
  });

  it('sees one typed value as an entry being typed', () => {
    expect(isBlankEntry(ksTemplate70, { ...created, trangSo: '1' })).toBe(false);
    expect(isBlankEntry(ksTemplate70, { ...created, nksHoTen: 'Nguyễn Văn An' })).toBe(false);
  });
});

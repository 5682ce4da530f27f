import { describe, expect, it } from 'vitest';
import { fieldByKey, getTemplate } from '../../../shared/registers';
import {
  addBookValues,
  carrySuggestions,
  collectBookValues,
  defaultCarryForward,
  optionsFor,
} from './suggestions';

const ks = getTemplate('ks-70');
const field = (key: string) => fieldByKey(ks, key)!;

describe('carried-forward suggestions', () => {
  it('carry the registration date, page, type and places by default, never the names', () => {
    const keys = defaultCarryForward(ks);
    expect(keys).toEqual(
      expect.arrayContaining(['ngayDangKy', 'trangSo', 'loaiDangKy', 'nksNoiSinh', 'nksDanToc']),
    );
    expect(keys).not.toContain('nksHoTen');
    expect(keys).not.toContain('so');
    // Book defaults are already filled in every new entry.
    expect(keys).not.toContain('noiDangKy');
  });

  it('offer the previous value only where the current entry is still empty', () => {
    const previous = { ngayDangKy: '15.01.2008', trangSo: '3', nksNoiSinh: '' };
    const current = { ngayDangKy: '', trangSo: '4', nksNoiSinh: '' };
    expect(carrySuggestions(['ngayDangKy', 'trangSo', 'nksNoiSinh'], previous, current)).toEqual({
      ngayDangKy: '15.01.2008',
    });
    expect(carrySuggestions(['ngayDangKy'], undefined, current)).toEqual({});
  });
});

describe('options as the officer types', () => {
  const values = collectBookValues(ks, [
    { nksNoiSinh: 'Trạm y tế xã An Nhơn', nguoiKy: 'Lê Đức Tuấn' },
    { nksNoiSinh: 'Trạm y tế xã An Nhơn' },
    { nksNoiSinh: 'Bệnh viện huyện Đạ Tẻh' },
  ]);

  it('find places typed before in this book without accents, most used first', () => {
    expect(optionsFor(field('nksNoiSinh'), 'tram', values).map((o) => o.value)).toEqual([
      'Trạm y tế xã An Nhơn',
    ]);
    // Later words match too, several at a time.
    expect(optionsFor(field('nksNoiSinh'), 'da teh', values).map((o) => o.value)).toEqual([
      'Bệnh viện huyện Đạ Tẻh',
    ]);
    expect(optionsFor(field('nksNoiSinh'), 'huyen', values).map((o) => o.value)).toEqual([
      'Bệnh viện huyện Đạ Tẻh',
    ]);
  });

  it('offer nothing once the typed text is already the value, so Enter keeps free text', () => {
    expect(optionsFor(field('nksNoiSinh'), 'trạm y tế xã an nhơn', values)).toEqual([]);
    expect(optionsFor(field('nksNoiSinh'), 'Nhà văn hóa', values)).toEqual([]);
  });

  it('learn values as entries are saved', () => {
    addBookValues(ks, values, { nguoiKy: 'Lê Văn Hùng' });
    expect(optionsFor(field('nguoiKy'), 'le', values).map((o) => o.value)).toEqual([
      'Lê Đức Tuấn',
      'Lê Văn Hùng',
    ]);
  });

  it("share place values between fields: a mother's residence is offered for the father", () => {
    addBookValues(ks, values, { meNoiCuTru: 'Thôn 1, xã An Nhơn' });
    expect(optionsFor(field('chaNoiCuTru'), 'thon', values).map((o) => o.value)).toEqual([
      'Thôn 1, xã An Nhơn',
    ]);
  });

  it('look codes up by code, name or unaccented name and store what the template wants', () => {
    expect(optionsFor(field('nksGioiTinh'), 'nu', undefined)[0]).toEqual({
      value: '2',
      label: '2 – Nữ',
    });
    expect(optionsFor(field('nksDanToc'), 'kinh', undefined)[0]).toEqual({
      value: 'Kinh',
      label: 'Kinh',
    });
    expect(optionsFor(field('nksDanToc'), '01', undefined)[0]?.value).toBe('Kinh');
    expect(optionsFor(field('nksQuocTich'), 'việt', undefined)[0]?.value).toBe('Việt Nam');
  });
});

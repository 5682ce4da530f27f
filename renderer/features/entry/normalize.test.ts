import { describe, expect, it } from 'vitest';
import { fieldByKey, getTemplate } from '../../../shared/registers';
import { normalizeOnCommit } from './normalize';

const ks = getTemplate('ks-70');
const commit = (key: string, raw: string) => normalizeOnCommit(fieldByKey(ks, key)!, raw);

describe('what a field holds after the officer leaves it', () => {
  it('capitalises names and collapses spaces', () => {
    expect(commit('nksHoTen', '  nguyễn   văn  an ')).toBe('Nguyễn Văn An');
  });

  it('turns shorthand dates into dd.mm.yyyy and keeps partial dates partial', () => {
    expect(commit('ngayDangKy', '15012008')).toBe('15.01.2008');
    expect(commit('meNgaySinh', '8/1985')).toBe('08.1985');
    expect(commit('meNgaySinh', '1985')).toBe('1985');
  });

  it('keeps an unreadable date as typed so validation can point at it', () => {
    expect(commit('ngayDangKy', '31.02.2008')).toBe('31.02.2008');
  });

  it('writes code lists the way the template does: codes as numbers, ethnicity by name', () => {
    expect(commit('nksGioiTinh', 'nữ')).toBe('2');
    expect(commit('nksDanToc', 'ba na')).toBe('Ba Na');
    expect(commit('nksQuocTich', 'viet nam')).toBe('Việt Nam');
    expect(commit('nksDanToc', 'Không có trong danh mục')).toBe('Không có trong danh mục');
  });

  it('composes decomposed Vietnamese input into NFC', () => {
    const decomposed = 'Nguye\u0302\u0303n'; // "Nguyễn" as some input methods send it
    expect(commit('nksNoiSinh', decomposed)).toBe('Nguyễn'.normalize('NFC'));
  });

  it('keeps no invisible control or direction character, which Excel would drop or misread', () => {
    // A pasted name with a right-to-left override shows reversed; a bell code vanishes in Excel.
    expect(commit('nksHoTen', 'Nguyễn \u202Ena Hoa')).toBe('Nguyễn Na Hoa');
    expect(commit('nksNoiSinh', 'Trạm\u0007 y tế\u200B xã\u0000 An Nhơn\uFEFF')).toBe(
      'Trạm y tế xã An Nhơn',
    );
    expect(commit('nksHoTen', '\u2066Lê Văn\u2069 \u200FTám')).toBe('Lê Văn Tám');
  });
});

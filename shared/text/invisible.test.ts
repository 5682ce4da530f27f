import { describe, expect, it } from 'vitest';
import { findInvisibleChars, removeInvisibleChars } from './invisible';

describe('invisible characters', () => {
  it('removes control codes and direction marks, keeps every letter and mark', () => {
    expect(removeInvisibleChars('Ng\u0000uyễn\u202E Thị\u200B Hoa\u0085')).toBe('Nguyễn Thị Hoa');
    expect(removeInvisibleChars('Thôn 3,\txã An\nNhơn')).toBe('Thôn 3, xã An Nhơn');
    const vietnamese = 'Đặng Thị Ngọc Hân, H’Bia K’Ho – 12/3';
    expect(removeInvisibleChars(vietnamese)).toBe(vietnamese);
    expect(findInvisibleChars(vietnamese)).toEqual([]);
  });

  it('names what it removes, once each, leaving out ordinary whitespace', () => {
    expect(findInvisibleChars('\u202EAn\u202E\u0007\t\n')).toEqual(['U+202E', 'U+0007']);
  });
});

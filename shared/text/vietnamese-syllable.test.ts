import { describe, expect, it } from 'vitest';
import { isVietnameseSyllable } from './vietnamese-syllable';

describe('isVietnameseSyllable', () => {
  it.each([
    'a',
    'ở',
    'Nguyễn',
    'THỊ',
    'người',
    'nghĩa',
    'quốc',
    'giữa',
    'gì',
    'khuỷu',
    'ngoài',
    'thuở',
    'tuấn',
    'yến',
    'uyên',
    'huỳnh',
    'hoà',
    'hòa',
    'thuý',
    'thúy',
    'khuya',
    'ăn',
    'Đắk',
    'Lắk',
    'Nguye\u0302\u0303n',
  ])('accepts %j', (word) => {
    expect(isVietnameseSyllable(word)).toBe(true);
  });

  it.each([
    ['café', 'no such cluster'],
    ['Müller', 'not Vietnamese letters'],
    ['hoàn̉', 'two tones'],
    ['kam', 'k before a back vowel'],
    ['ca\u0300t', 'a stop final with the falling tone'],
    ['ă', 'ă needs a final'],
    ['aim', 'a glide cluster with a final'],
    ['leõ', 'the tone on the wrong vowel'],
    ['cé', 'c before a front vowel'],
    ['nghan', 'ngh before a back vowel'],
    ['ngi', 'ng before i'],
    ['ge', 'g before e'],
    ['Đ', 'no vowel'],
    ['xoong', 'a loanword cluster left out on purpose'],
    ['', 'empty'],
  ])('refuses %j (%s)', (word, why) => {
    expect(isVietnameseSyllable(word), why).toBe(false);
  });
});

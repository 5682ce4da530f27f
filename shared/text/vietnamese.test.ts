import { describe, expect, it } from 'vitest';
import {
  collapseSpaces,
  foldAccents,
  hasUnusualNameChars,
  normalizeName,
  stripMarks,
  toNFC,
  unusualNameChars,
} from './vietnamese';

describe('toNFC', () => {
  it('composes decomposed tone marks typed by some input methods', () => {
    const decomposed = 'Nguye\u0302\u0303n';
    expect(decomposed).not.toBe('Nguyễn');
    expect(toNFC(decomposed)).toBe('Nguyễn');
  });
});

describe('collapseSpaces', () => {
  it('trims and keeps one space between words, whatever the whitespace', () => {
    expect(collapseSpaces('  Xã \t An\u00a0 Nhơn\n ')).toBe('Xã An Nhơn');
    expect(collapseSpaces('   ')).toBe('');
  });
});

describe('normalizeName', () => {
  it.each([
    ['nguyễn văn a', 'Nguyễn Văn A'],
    ['  trần   thị   bích  ', 'Trần Thị Bích'],
    ['NGUYỄN VĂN AN', 'Nguyễn Văn An'],
    ['đỗ thị lan', 'Đỗ Thị Lan'],
    ["ksor h'bia", "Ksor H'bia"],
    ["Ksor H'Bia", "Ksor H'Bia"],
    ['y-moan ênuôl', 'Y-moan Ênuôl'],
    ['(không rõ) tên', '(Không Rõ) Tên'],
    ['Nguye\u0302\u0303n văn 2', 'Nguyễn Văn 2'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it('never removes characters, even unusual ones', () => {
    expect(normalizeName('lê văn a.b#')).toBe('Lê Văn A.b#');
  });
});

describe('foldAccents and stripMarks', () => {
  it('drops tone and vowel marks and turns đ into d', () => {
    expect(foldAccents('Nguyễn Văn Đức')).toBe('nguyen van duc');
    expect(foldAccents('Ơ Đu, Ưng, Khơ-me')).toBe('o du, ung, kho-me');
    expect(foldAccents('Nguye\u0302\u0303n')).toBe('nguyen');
  });

  it('keeps letter case when only stripping marks', () => {
    expect(stripMarks('Đạ Tẻh')).toBe('Da Teh');
  });
});

describe('unusual name characters', () => {
  it.each(['Nguyễn Văn A', "H'Mông Giàng", 'Y-Moan Ênuôl', 'K’Ho Liêng', 'Jean-Pierre Müller'])(
    'accepts %j',
    (name) => {
      expect(hasUnusualNameChars(name)).toBe(false);
    },
  );

  it.each([
    ['Nguyễn Văn 2', ['2']],
    ['Lê Thị A.', ['.']],
    ['Trần (Bé)', ['(', ')']],
    ['王小明', ['王', '小', '明']],
  ])('flags %j', (name, chars) => {
    expect(hasUnusualNameChars(name)).toBe(true);
    expect(unusualNameChars(name)).toEqual(chars);
  });

  it('lists a repeated character once', () => {
    expect(unusualNameChars('A1 B1')).toEqual(['1']);
  });
});

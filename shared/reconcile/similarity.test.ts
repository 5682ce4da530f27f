import { describe, expect, it } from 'vitest';
import { similarity } from './similarity';

describe('similarity (Jaro–Winkler)', () => {
  it.each([
    // Winkler (1990) and the usual textbook pairs.
    ['MARTHA', 'MARHTA', 0.961],
    ['DWAYNE', 'DUANE', 0.84],
    ['DIXON', 'DICKSONX', 0.813],
    ['JELLYFISH', 'SMELLYFISH', 0.896],
    ['CRATE', 'TRACE', 0.733],
  ])('%s / %s ≈ %f', (a, b, expected) => {
    expect(similarity(a, b)).toBeCloseTo(expected, 3);
  });

  it('is 1 for equal strings, 0 when nothing is shared', () => {
    expect(similarity('nguyen van an', 'nguyen van an')).toBe(1);
    expect(similarity('', '')).toBe(1);
    expect(similarity('abc', 'xyz')).toBe(0);
    expect(similarity('', 'an')).toBe(0);
  });

  it('is symmetric', () => {
    const pairs = [
      ['tran thi hoa', 'tran thi hoaa'],
      ['le van binh', 'le vna binh'],
      ['pham', 'phamm'],
    ] as const;
    for (const [a, b] of pairs) expect(similarity(a, b)).toBeCloseTo(similarity(b, a), 12);
  });

  it('rewards a shared beginning more than a shared end', () => {
    expect(similarity('hoang', 'hoanh')).toBeGreaterThan(similarity('hoang', 'xoang'));
  });

  it('ranks a typing slip above a different name', () => {
    expect(similarity('nguyen thi lan', 'nguyen thi lna')).toBeGreaterThan(0.95);
    expect(similarity('hoang', 'hoagn')).toBeGreaterThan(0.9);
    expect(similarity('lan', 'mai')).toBeLessThan(0.6);
    // A shared family and middle name lift whole names alike: the linker compares parts too.
    expect(similarity('nguyen thi lan', 'nguyen thi mai')).toBeGreaterThan(0.9);
  });
});

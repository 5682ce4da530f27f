import { describe, expect, it } from 'vitest';
import { findNumberingGaps } from './numbering';

describe('findNumberingGaps', () => {
  it('finds nothing in an unbroken run, in any order, with leading zeros', () => {
    expect(findNumberingGaps(['3', '001', '2', '04'])).toEqual([]);
    expect(findNumberingGaps([])).toEqual([]);
    expect(findNumberingGaps(['7'])).toEqual([]);
  });

  it('lists missing numbers between the smallest and the largest, as ranges', () => {
    expect(findNumberingGaps(['1', '2', '4', '8', '9', '12'])).toEqual([
      { from: 3, to: 3 },
      { from: 5, to: 7 },
      { from: 10, to: 11 },
    ]);
  });

  it('counts số by their number part and ignores blanks, repeats and words', () => {
    expect(findNumberingGaps(['5', ' 7 ', '', '5', 'mười', '-6'])).toEqual([{ from: 6, to: 6 }]);
    expect(findNumberingGaps(['5', ' 7 ', '6a', '04/2008'])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { fitLongSide, MAX_LONG_SIDE } from './import-normalise';

describe('fitLongSide', () => {
  it('leaves images that already fit A4 at 300 dpi alone', () => {
    expect(fitLongSide({ width: 2480, height: 3508 })).toEqual({ width: 2480, height: 3508 });
    expect(fitLongSide({ width: 400, height: 300 })).toEqual({ width: 400, height: 300 });
  });

  it('scales a 48-megapixel phone photo down to a 3508 px long side, keeping its shape', () => {
    const fitted = fitLongSide({ width: 8064, height: 6048 });
    expect(fitted).toEqual({ width: MAX_LONG_SIDE, height: 2631 });
    const portrait = fitLongSide({ width: 6048, height: 8064 });
    expect(portrait).toEqual({ width: 2631, height: MAX_LONG_SIDE });
  });

  it('never makes a side vanish on extreme panoramas', () => {
    expect(fitLongSide({ width: 100_000, height: 10 })).toEqual({
      width: MAX_LONG_SIDE,
      height: 1,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { drawSample, sampleSize } from './sample';

const ids = Array.from({ length: 50 }, (_, i) => `e${String(i).padStart(2, '0')}`);

describe('a keying sample', () => {
  it('takes the share asked for, at least one entry when there are any', () => {
    expect(sampleSize(50, 10)).toBe(5);
    expect(sampleSize(7, 1)).toBe(1);
    expect(sampleSize(0, 10)).toBe(0);
    expect(sampleSize(4, 100)).toBe(4);
    expect(drawSample(ids, 10, 7)).toHaveLength(5);
  });

  it('draws the same entries from the same seed, whatever order they were read in', () => {
    const drawn = drawSample(ids, 20, 12345);
    expect(drawSample([...ids].reverse(), 20, 12345)).toEqual(drawn);
    expect(drawn.every((id) => ids.includes(id))).toBe(true);
    expect(new Set(drawn).size).toBe(drawn.length);
  });

  it('draws other entries from another seed', () => {
    expect(drawSample(ids, 20, 1)).not.toEqual(drawSample(ids, 20, 2));
  });
});

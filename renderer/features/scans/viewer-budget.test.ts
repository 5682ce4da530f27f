import { describe, expect, it } from 'vitest';
import { bytesOfBitmap, renderedByteBudget } from './viewer-budget';
import { LruCache } from './viewer-cache';

/** A stand-in for an ImageBitmap: its size, and whether its pixels were given back. */
class FakeBitmap {
  isClosed = false;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {}
  close() {
    this.isClosed = true;
  }
}

function renderedCache(deviceMemory: number | undefined) {
  return new LruCache<string, FakeBitmap>({
    maxEntries: 8,
    maxCost: renderedByteBudget(deviceMemory),
    costOf: bytesOfBitmap,
    onEvict: (bitmap) => bitmap.close(),
  });
}

// An A4 page fitted to the width of a 1366 × 768 screen's viewer, and the same page at 200 %.
const fitWidth = () => new FakeBitmap(900, 1273);
const zoomed = () => new FakeBitmap(1800, 2546);

describe('memory budget of rendered pages', () => {
  it('gives a 4 GB PC, or one that does not say, half of what a larger PC gets', () => {
    expect(renderedByteBudget(4)).toBe(64_000_000);
    expect(renderedByteBudget(2)).toBe(64_000_000);
    expect(renderedByteBudget(undefined)).toBe(64_000_000);
    expect(renderedByteBudget(8)).toBe(128_000_000);
  });

  it('keeps the shown page, the next and the one before however many pages are turned', () => {
    const cache = renderedCache(4);
    const drawn: FakeBitmap[] = [];
    for (let page = 1; page <= 150; page++) {
      const bitmap = fitWidth();
      drawn.push(bitmap);
      cache.set(`page ${page}`, bitmap);
    }
    expect(cache.size).toBe(8);
    expect(cache.cost).toBeLessThanOrEqual(64_000_000);
    // Every page that left the cache gave its pixels back; the last eight are still there.
    expect(drawn.filter((bitmap) => bitmap.isClosed)).toHaveLength(142);
    expect(drawn.slice(-8).every((bitmap) => !bitmap.isClosed)).toBe(true);
  });

  it('at 200 % on a 4 GB PC keeps three pages and closes the oldest', () => {
    const cache = renderedCache(4);
    const pages = [zoomed(), zoomed(), zoomed(), zoomed()];
    pages.forEach((bitmap, i) => cache.set(`page ${i}`, bitmap));
    expect(cache.size).toBe(3);
    expect(pages.map((bitmap) => bitmap.isClosed)).toEqual([true, false, false, false]);
    expect(cache.cost).toBeLessThanOrEqual(64_000_000);
  });
});

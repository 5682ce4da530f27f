import { describe, expect, it } from 'vitest';
import {
  A4,
  imageBudget,
  MIN_LONG_SIDE,
  placeOnA4,
  searchEncoding,
  START_LONG_SIDE,
} from './pdf-images';

/** A stand-in JPEG encoder: bytes grow with pixel count and quality, like the real one. */
function modelEncoder(bytesPerPixelAtFull: number) {
  const calls: [number, number][] = [];
  const encode = (longSide: number, quality: number) => {
    calls.push([longSide, quality]);
    const pixels = longSide * longSide * 0.707;
    const size = Math.round(pixels * bytesPerPixelAtFull * (0.25 + quality));
    return Promise.resolve(new Uint8Array(size));
  };
  return { encode, calls };
}

describe('searchEncoding', () => {
  it('keeps 200 dpi and the best quality when that already fits', async () => {
    const { encode, calls } = modelEncoder(0.01);
    const bytes = await searchEncoding(3508, 98_000, encode);
    expect(bytes.length).toBeLessThanOrEqual(98_000);
    expect(calls).toEqual([[START_LONG_SIDE, 0.75]]);
  });

  it('lowers quality before size when the gap is small', async () => {
    const { encode, calls } = modelEncoder(0.025);
    const bytes = await searchEncoding(3508, 98_000, encode);
    expect(bytes.length).toBeLessThanOrEqual(98_000);
    expect(calls[0]).toEqual([START_LONG_SIDE, 0.75]);
    expect(calls.every(([side]) => side === START_LONG_SIDE)).toBe(true);
  });

  it('jumps straight to a smaller size when quality alone cannot close the gap', async () => {
    const { encode, calls } = modelEncoder(0.1);
    const bytes = await searchEncoding(3508, 98_000, encode);
    expect(bytes.length).toBeLessThanOrEqual(98_000);
    expect(calls.length).toBeLessThanOrEqual(4);
    expect(calls[1]?.[0]).toBeLessThan(START_LONG_SIDE);
  });

  it('stops at 100 dpi and hands back the smallest try when nothing fits', async () => {
    const { encode, calls } = modelEncoder(1);
    const bytes = await searchEncoding(3508, 98_000, encode);
    const smallest = Math.min(...calls.map(([side, q]) => side * side * 0.707 * (0.25 + q)));
    expect(bytes.length).toBe(Math.round(smallest));
    expect(Math.min(...calls.map(([side]) => side))).toBe(MIN_LONG_SIDE);
    expect(calls.length).toBeLessThan(12);
  });

  it('never enlarges a small photo', async () => {
    const { encode, calls } = modelEncoder(1);
    await searchEncoding(800, 98_000, encode);
    expect(Math.max(...calls.map(([side]) => side))).toBe(800);
  });
});

describe('imageBudget', () => {
  it('leaves room for the PDF around the image', () => {
    expect(imageBudget(100_000)).toBe(98_000);
    expect(imageBudget(1_000)).toBe(10_000);
  });
});

describe('placeOnA4', () => {
  it('fits a portrait photo on a portrait A4 page, centred', () => {
    const { page, image } = placeOnA4(1500, 2000);
    expect(page).toEqual({ width: A4.width, height: A4.height });
    expect(image.width).toBeCloseTo(A4.width);
    expect(image.height).toBeCloseTo((A4.width * 2000) / 1500);
    expect(image.y).toBeCloseTo((A4.height - image.height) / 2);
  });

  it('turns the page for a landscape photo', () => {
    const { page, image } = placeOnA4(4000, 3000);
    expect(page).toEqual({ width: A4.height, height: A4.width });
    expect(image.height).toBeCloseTo(A4.width);
    expect(image.x).toBeCloseTo((A4.height - image.width) / 2);
  });
});

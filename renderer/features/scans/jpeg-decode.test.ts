import { describe, expect, it } from 'vitest';
import { decodeSizeFor } from './jpeg-decode';

const a4At300Dpi = { width: 2480, height: 3508 };

describe('the size a scanned page is decoded at', () => {
  it('is the smallest eighth of the scan that still covers the page shown', () => {
    // Fit to a 650-pixel-wide view: a quarter is too small (620), three eighths cover it.
    expect(decodeSizeFor(a4At300Dpi, { width: 650, height: 919 })).toEqual({
      width: 930,
      height: 1316,
    });
    expect(decodeSizeFor(a4At300Dpi, { width: 620, height: 877 })).toEqual({
      width: 620,
      height: 877,
    });
  });

  it('covers the taller side when the page is shown narrower than the picture', () => {
    const size = decodeSizeFor(a4At300Dpi, { width: 300, height: 1000 });
    expect(size.width).toBeGreaterThanOrEqual(300);
    expect(size.height).toBeGreaterThanOrEqual(1000);
    expect(size).toEqual({ width: 930, height: 1316 });
  });

  it('is a thumbnail-sized eighth for a thumbnail', () => {
    expect(decodeSizeFor(a4At300Dpi, { width: 120, height: 170 })).toEqual({
      width: 310,
      height: 439,
    });
  });

  it('is the whole picture when the page is shown at or above the size it was scanned at', () => {
    expect(decodeSizeFor(a4At300Dpi, { width: 2480, height: 3508 })).toEqual(a4At300Dpi);
    expect(decodeSizeFor(a4At300Dpi, { width: 4960, height: 7016 })).toEqual(a4At300Dpi);
  });
});

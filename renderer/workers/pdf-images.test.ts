import { describe, expect, it } from 'vitest';
import { A4, imageBudget, placeOnA4 } from './pdf-images';

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

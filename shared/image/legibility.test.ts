import { describe, expect, it } from 'vitest';
import { greyFromRgba, inkSsim, LEGIBLE_SSIM, type GreyImage } from './legibility';

const SIZE = 240;

function seeded(seed: number) {
  let state = seed;
  return () => (state = (state * 9301 + 49297) % 233280) / 233280;
}

/** A register page in miniature: paper with optional grain, ruled lines and pen strokes. */
function page({ grain = 0, ink = true } = {}): GreyImage {
  const rand = seeded(7);
  const pixels = new Uint8Array(SIZE * SIZE);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const ruled = y % 24 === 0;
      // Slanted 2-pixel strokes between the rules, like letters.
      const stroke = y % 24 > 6 && y % 24 < 18 && (x + y) % 11 < 2;
      const dark = ink && (ruled || stroke);
      const noise = (rand() - 0.5) * 2 * grain;
      pixels[y * SIZE + x] = Math.max(0, Math.min(255, (dark ? 40 : 230) + noise));
    }
  }
  return { width: SIZE, height: SIZE, pixels };
}

/** What a too-low resolution or quality does to strokes: they smear into the paper. */
function blurred(image: GreyImage, radius: number): GreyImage {
  const { width, height, pixels } = image;
  const out = new Uint8Array(pixels.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      let count = 0;
      for (let dy = -radius; dy <= radius; dy++) {
        for (let dx = -radius; dx <= radius; dx++) {
          const yy = Math.min(height - 1, Math.max(0, y + dy));
          const xx = Math.min(width - 1, Math.max(0, x + dx));
          sum += pixels[yy * width + xx] ?? 0;
          count += 1;
        }
      }
      out[y * width + x] = sum / count;
    }
  }
  return { width, height, pixels: out };
}

describe('inkSsim', () => {
  it('scores an unchanged page as fully legible', () => {
    const original = page({ grain: 8 });
    expect(inkSsim(original, original)).toBeCloseTo(1, 6);
  });

  it('does not hold losing the paper grain against a page whose writing is intact', () => {
    expect(inkSsim(page({ grain: 10 }), page({ grain: 0 }))).toBeGreaterThanOrEqual(LEGIBLE_SSIM);
  });

  it('fails a page whose strokes are smeared', () => {
    const original = page({ grain: 4 });
    expect(inkSsim(original, blurred(original, 2))).toBeLessThan(LEGIBLE_SSIM);
  });

  it('fails a page whose writing is gone', () => {
    expect(inkSsim(page({ grain: 4 }), page({ grain: 4, ink: false }))).toBeLessThan(0.5);
  });

  it('refuses to compare pages of different sizes', () => {
    const small = { width: 8, height: 8, pixels: new Uint8Array(64) };
    expect(() => inkSsim(page(), small)).toThrow(/equal sizes/);
  });
});

describe('greyFromRgba', () => {
  it('weighs green most, as the eye does', () => {
    const rgba = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255]);
    const grey = greyFromRgba(rgba, 3, 1).pixels;
    expect(Array.from(grey)).toEqual([76, 149, 29]);
  });
});

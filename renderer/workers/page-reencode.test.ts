import { describe, expect, it } from 'vitest';
import { LEGIBLE_SSIM } from '../../shared/image/legibility';
import { A4 } from './pdf-images';
import {
  FLOOR_DPI,
  hintFrom,
  pageImageBudget,
  reencodePage,
  START_DPI,
  type PageCodec,
  type PageImageInfo,
} from './page-reencode';

/** An A4 page scanned at 300 dpi in colour, ~1 MB as it comes from the scanner. */
const SCAN: Omit<PageImageInfo, 'budget'> = {
  width: 2480,
  height: 3508,
  dpi: 300,
  bytes: 1_000_000,
};
const BUDGET = pageImageBudget(100_000, A4.width, A4.height);

/**
 * A stand-in for the canvas: bytes grow with pixels and quality like JPEG's, and legibility
 * falls as quality falls, faster on pages with finer writing (`fineness`).
 */
function modelCodec({ bytesPerPixel = 0.02, fineness = 0.5 } = {}) {
  const calls: { dpi: number; quality: number }[] = [];
  const made = new WeakMap<Uint8Array, { quality: number }>();
  const codec: PageCodec = {
    encode: (width, _height, quality) => {
      calls.push({ dpi: Math.round((width / SCAN.width) * SCAN.dpi), quality });
      const bytes = new Uint8Array(Math.round(width * _height * bytesPerPixel * (0.25 + quality)));
      made.set(bytes, { quality });
      return Promise.resolve(bytes);
    },
    score: (encoded) => {
      const quality = made.get(encoded)?.quality ?? 0;
      return Promise.resolve(Math.min(1, 1 - fineness * (1 - quality) * 0.5));
    },
  };
  return { codec, calls };
}

describe('reencodePage', () => {
  it('keeps 200 dpi when the page fits there at good quality', async () => {
    const { codec, calls } = modelCodec({ bytesPerPixel: 0.0055 });
    const out = await reencodePage({ ...SCAN, budget: BUDGET }, codec);
    expect(out).toMatchObject({ kind: 'reencoded', dpi: START_DPI, isOverTarget: false });
    expect(calls).toHaveLength(1);
  });

  it('goes down to the floor resolution, never below, to reach the target', async () => {
    const { codec, calls } = modelCodec({ bytesPerPixel: 0.055, fineness: 0.2 });
    const out = await reencodePage({ ...SCAN, budget: BUDGET }, codec);
    expect(out.kind).toBe('reencoded');
    if (out.kind !== 'reencoded') return;
    expect(out.bytes.length).toBeLessThanOrEqual(BUDGET);
    expect(out.legibility).toBeGreaterThanOrEqual(LEGIBLE_SSIM);
    expect(out.dpi).toBe(FLOOR_DPI);
    expect(calls.every((call) => call.dpi >= FLOOR_DPI)).toBe(true);
  });

  it('goes to low qualities on a grainy page when its writing stays legible, in few tries', async () => {
    // Grain: even 150 dpi needs quality 0.2 or lower to fit; the strokes survive it.
    const { codec, calls } = modelCodec({ bytesPerPixel: 0.1, fineness: 0.1 });
    const out = await reencodePage({ ...SCAN, budget: BUDGET }, codec);
    expect(out).toMatchObject({ kind: 'reencoded', dpi: FLOOR_DPI, isOverTarget: false });
    if (out.kind !== 'reencoded') return;
    expect(out.jpegQuality).toBeLessThanOrEqual(0.2);
    expect(out.bytes.length).toBeLessThanOrEqual(BUDGET);
    expect(calls.length).toBeLessThanOrEqual(6);
  });

  it('starts a page like the one before where that one ended, with the same outcome', async () => {
    const page = { ...SCAN, budget: BUDGET };
    const first = modelCodec({ bytesPerPixel: 0.1, fineness: 0.1 });
    const alone = await reencodePage(page, first.codec);
    const hint = hintFrom(page, alone);
    const next = modelCodec({ bytesPerPixel: 0.1, fineness: 0.1 });
    const hinted = await reencodePage({ ...page, bytes: 1_050_000 }, next.codec, hint);
    expect(hinted).toMatchObject({ dpi: alone.kind === 'reencoded' && alone.dpi });
    expect(hinted).toMatchObject({ jpegQuality: alone.kind === 'reencoded' && alone.jpegQuality });
    expect(next.calls.length).toBeLessThanOrEqual(2);
    expect(next.calls.length).toBeLessThan(first.calls.length);
  });

  it('searches afresh when the hint would give an illegible page', async () => {
    const page = { ...SCAN, budget: BUDGET };
    const grainy = modelCodec({ bytesPerPixel: 0.1, fineness: 0.1 });
    const hint = hintFrom(page, await reencodePage(page, grainy.codec));
    // Same bytes, finer writing: the hinted quality is too low to read.
    const fine = modelCodec({ bytesPerPixel: 0.1, fineness: 1 });
    const out = await reencodePage(page, fine.codec, hint);
    expect(out.kind).toBe('reencoded');
    if (out.kind !== 'reencoded') return;
    expect(out.legibility).toBeGreaterThanOrEqual(LEGIBLE_SSIM);
  });

  it('gives a page that cannot be both small and legible the smallest legible size, flagged', async () => {
    // Fine writing: only quality 0.8 and up stays legible, and that is over budget at 150 dpi.
    const { codec } = modelCodec({ bytesPerPixel: 0.055, fineness: 1 });
    const out = await reencodePage({ ...SCAN, budget: BUDGET }, codec);
    expect(out).toMatchObject({ kind: 'reencoded', dpi: FLOOR_DPI, isOverTarget: true });
    if (out.kind !== 'reencoded') return;
    expect(out.legibility).toBeGreaterThanOrEqual(LEGIBLE_SSIM);
    expect(out.bytes.length).toBeGreaterThan(BUDGET);
    expect(out.jpegQuality).toBe(0.8);
  });

  it('keeps the scan when nothing legible comes out smaller than it', async () => {
    const { codec } = modelCodec({ bytesPerPixel: 0.2, fineness: 1 });
    const out = await reencodePage({ ...SCAN, bytes: 400_000, budget: BUDGET }, codec);
    expect(out).toEqual({ kind: 'kept', isOverTarget: true });
  });

  it('never enlarges a page scanned below the floor', async () => {
    const coarse = { width: 1000, height: 1414, dpi: 121, bytes: 300_000, budget: BUDGET };
    const { codec, calls } = modelCodec({ bytesPerPixel: 0.12, fineness: 0.2 });
    const out = await reencodePage(coarse, codec);
    expect(out.kind).toBe('reencoded');
    expect(calls.every((call) => call.dpi <= 121)).toBe(true);
  });
});

describe('pageImageBudget', () => {
  it('gives an A3 page twice the A4 budget, less the same page overhead', () => {
    const a4 = pageImageBudget(100_000, A4.width, A4.height);
    const a3 = pageImageBudget(100_000, A4.height, A4.width * 2);
    expect(a4).toBe(98_000);
    expect(a3).toBe(198_000);
  });
});

// Scan pages at the Ministry's size: a page image over its budget (~100 kB per A4 page, pro rata
// by area) is re-encoded at the highest resolution and JPEG quality that fit, never below
// FLOOR_DPI and never below LEGIBLE_SSIM. The encoder and the metric are injected, so the search
// is tested in Node and runs on OffscreenCanvas in the export worker.
import { LEGIBLE_SSIM } from '../../shared/image/legibility';
import { A4, imageBudget } from './pdf-images';

/**
 * The resolution floor. 150 dpi keeps the diacritics of handwritten Vietnamese readable on an
 * A4 register page (a 2 mm tone mark is still 12 pixels tall) and is what the Ministry's vendors
 * deliver; pages scanned coarser than this keep their own resolution.
 */
export const FLOOR_DPI = 150;
/** Where the search starts: at ~100 kB an A4 page has no room for more detail than this. */
export const START_DPI = 200;

/**
 * JPEG qualities, best first. The search starts at START_QUALITY and goes up only to stay
 * legible; it goes as low as the legibility metric allows, because the grain of a 300-dpi
 * scan keeps even a 150-dpi page over 100 kB at the qualities photos need.
 */
export const QUALITY_LADDER = [
  0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.25, 0.2, 0.15, 0.1,
] as const;
const START_QUALITY = 2;
const LOWEST_QUALITY = QUALITY_LADDER.length - 1;
/** Above this many times the budget, a lower quality alone will not get there: go smaller. */
const HOPELESS_FACTOR = 2.2;

/** The bytes a page's image may take: the per-A4 target scaled by the page's area. */
export function pageImageBudget(targetPerA4: number, widthPt: number, heightPt: number): number {
  const area = (widthPt * heightPt) / (A4.width * A4.height);
  return imageBudget(Math.round(targetPerA4 * area));
}

/** Pixels per inch of an image that fills a page of the given size in points. */
export function imageDpi(
  image: { width: number; height: number },
  page: { width: number; height: number },
): number {
  const longPx = Math.max(image.width, image.height);
  const longIn = Math.max(page.width, page.height) / 72;
  return longPx / longIn;
}

/** One page image, decoded once, re-encoded as often as the search asks. */
export interface PageCodec {
  encode(width: number, height: number, quality: number): Promise<Uint8Array>;
  /** Legibility of an encoding against the original (see shared/image/legibility.ts), 0–1. */
  score(encoded: Uint8Array): Promise<number>;
}

export interface PageImageInfo {
  width: number;
  height: number;
  dpi: number;
  bytes: number;
  budget: number;
}

/** The page's size at the resolution floor, where legibility is measured. */
export function floorSize(image: PageImageInfo): { width: number; height: number } {
  const dpi = Math.min(FLOOR_DPI, image.dpi);
  return {
    width: Math.max(1, Math.round((image.width * dpi) / image.dpi)),
    height: Math.max(1, Math.round((image.height * dpi) / image.dpi)),
  };
}

/** Where the book's previous page ended up: pages of one book are alike. */
export interface SearchHint {
  dpi: number;
  jpegQuality: number;
  /** That page's scan bytes per pixel: a page unlike it gets the whole search. */
  bytesPerPixel: number;
}

/** How far a page's scan bytes per pixel may be from the hint's for the hint to apply. */
const ALIKE = 0.15;

const bytesPerPixel = (image: PageImageInfo) => image.bytes / (image.width * image.height);

function isAlike(image: PageImageInfo, hint: SearchHint): boolean {
  return Math.abs(bytesPerPixel(image) / hint.bytesPerPixel - 1) <= ALIKE;
}

/** The hint the next page of the book can start from, when this one was re-encoded. */
export function hintFrom(image: PageImageInfo, result: Reencoded): SearchHint | null {
  if (result.kind !== 'reencoded') return null;
  return { dpi: result.dpi, jpegQuality: result.jpegQuality, bytesPerPixel: bytesPerPixel(image) };
}

export type Reencoded =
  | {
      kind: 'reencoded';
      bytes: Uint8Array;
      width: number;
      height: number;
      dpi: number;
      jpegQuality: number;
      legibility: number;
      /** Still over budget: the smallest encoding tried that stayed legible. */
      isOverTarget: boolean;
    }
  /** The scan's own image goes out: nothing tried was both smaller and legible. */
  | { kind: 'kept'; isOverTarget: boolean };

/**
 * At each resolution from START_DPI down, looks for the best quality within budget (bytes fall
 * as quality falls, so by bisection); the first such encoding that scores at least LEGIBLE_SSIM
 * wins. The next resolution is predicted from how far off the smallest try was (JPEG bytes grow
 * roughly with pixel count). At the floor, when nothing is both small and legible, the lowest
 * legible quality goes out: over target, but readable. Few encodings per page: each costs a
 * canvas draw and a JPEG encode of millions of pixels.
 */
export async function reencodePage(
  image: PageImageInfo,
  codec: PageCodec,
  hint: SearchHint | null = null,
): Promise<Reencoded> {
  const floorDpi = Math.min(FLOOR_DPI, image.dpi);
  const encodings = new Map<string, Uint8Array>();
  const scores = new Map<Uint8Array, number>();
  const sized = (dpi: number) => ({
    width: Math.max(1, Math.round((image.width * dpi) / image.dpi)),
    height: Math.max(1, Math.round((image.height * dpi) / image.dpi)),
  });
  const encode = async (dpi: number, step: number) => {
    const key = `${dpi}:${step}`;
    let bytes = encodings.get(key);
    if (!bytes) {
      const { width, height } = sized(dpi);
      bytes = await codec.encode(width, height, QUALITY_LADDER[step] ?? 0.8);
      encodings.set(key, bytes);
    }
    return bytes;
  };
  const isLegible = async (bytes: Uint8Array) => {
    let score = scores.get(bytes);
    if (score === undefined) {
      score = await codec.score(bytes);
      scores.set(bytes, score);
    }
    return score >= LEGIBLE_SSIM;
  };
  const result = async (dpi: number, step: number): Promise<Reencoded> => {
    const bytes = await encode(dpi, step);
    if (bytes.length >= image.bytes) {
      return { kind: 'kept', isOverTarget: image.bytes > image.budget };
    }
    return {
      kind: 'reencoded',
      bytes,
      ...sized(dpi),
      dpi,
      jpegQuality: QUALITY_LADDER[step] ?? 0,
      legibility: scores.get(bytes) ?? 0,
      isOverTarget: bytes.length > image.budget,
    };
  };
  /** The last step in [from, to] where `holds` does, given it holds up to a point and no further. */
  const lastHolding = async (
    from: number,
    to: number,
    holds: (step: number) => Promise<boolean>,
  ) => {
    let found: number | null = null;
    for (let low = from, high = to; low <= high;) {
      const middle = Math.floor((low + high) / 2);
      if (await holds(middle)) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  };

  let dpi = Math.max(floorDpi, Math.min(START_DPI, image.dpi));
  const hintedStep = hint ? QUALITY_LADDER.findIndex((q) => q === hint.jpegQuality) : -1;
  if (hint && hintedStep >= 0 && isAlike(image, hint) && hint.dpi >= floorDpi && hint.dpi <= dpi) {
    // Start where the page before ended, and walk to the best quality within budget from
    // there: one or two encodings instead of a search. Anything off falls back to the search,
    // which reuses what was encoded here.
    const fits = async (step: number) => (await encode(hint.dpi, step)).length <= image.budget;
    let step = hintedStep;
    if (await fits(step)) {
      while (step > START_QUALITY && (await fits(step - 1))) step -= 1;
    } else {
      while (step < LOWEST_QUALITY && !(await fits(step))) step += 1;
    }
    if ((await fits(step)) && (await isLegible(await encode(hint.dpi, step)))) {
      return result(hint.dpi, step);
    }
  }
  for (;;) {
    const isAtFloor = dpi <= floorDpi;
    const first = await encode(dpi, START_QUALITY);
    let fitting: number | null = null;
    if (first.length <= image.budget) {
      fitting = START_QUALITY;
    } else if (isAtFloor || first.length <= image.budget * HOPELESS_FACTOR) {
      // The best quality within budget: the first step, from the top, whose bytes fit.
      const over = await lastHolding(
        START_QUALITY,
        LOWEST_QUALITY,
        async (step) => (await encode(dpi, step)).length > image.budget,
      );
      fitting = over === LOWEST_QUALITY ? null : (over ?? START_QUALITY) + 1;
    }
    if (fitting !== null && (await isLegible(await encode(dpi, fitting)))) {
      return result(dpi, fitting);
    }
    if (isAtFloor) {
      // Nothing small enough stayed legible: the lowest legible quality, over target.
      const legible = await lastHolding(0, (fitting ?? LOWEST_QUALITY + 1) - 1, async (step) =>
        isLegible(await encode(dpi, step)),
      );
      return legible === null ? { kind: 'kept', isOverTarget: true } : result(dpi, legible);
    }
    let smallest = first.length;
    for (const [key, bytes] of encodings) {
      if (key.startsWith(`${dpi}:`)) smallest = Math.min(smallest, bytes.length);
    }
    const predicted = Math.floor(dpi * Math.sqrt(image.budget / Math.max(1, smallest)));
    dpi = Math.max(floorDpi, Math.min(Math.floor(dpi * 0.85), predicted));
  }
}

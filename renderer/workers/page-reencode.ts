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

/** JPEG qualities, best first. The search starts at START_QUALITY and goes up only to stay legible. */
export const QUALITY_LADDER = [0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4] as const;
const START_QUALITY = 2;
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
 * Tries qualities from START_QUALITY down at a resolution, then a lower resolution predicted
 * from how far off the last try was (JPEG bytes grow roughly with pixel count). The first
 * encoding within budget that scores at least LEGIBLE_SSIM wins. At the floor, when none does,
 * qualities go back up to the lowest one that is legible: over target, but readable.
 */
export async function reencodePage(image: PageImageInfo, codec: PageCodec): Promise<Reencoded> {
  const floorDpi = Math.min(FLOOR_DPI, image.dpi);
  const encodings = new Map<string, Uint8Array>();
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
  const result = (bytes: Uint8Array, dpi: number, step: number, legibility: number): Reencoded => {
    if (bytes.length >= image.bytes) {
      return { kind: 'kept', isOverTarget: image.bytes > image.budget };
    }
    return {
      kind: 'reencoded',
      bytes,
      ...sized(dpi),
      dpi,
      jpegQuality: QUALITY_LADDER[step] ?? 0,
      legibility,
      isOverTarget: bytes.length > image.budget,
    };
  };

  let dpi = Math.min(START_DPI, image.dpi);
  for (;;) {
    const isAtFloor = dpi <= floorDpi;
    let lastSize = 0;
    let illegibleStep: number | null = null;
    let lowestStep = START_QUALITY;
    for (let step = START_QUALITY; step < QUALITY_LADDER.length; step++) {
      const bytes = await encode(dpi, step);
      lastSize = bytes.length;
      lowestStep = step;
      if (bytes.length <= image.budget) {
        const legibility = await codec.score(bytes);
        if (legibility >= LEGIBLE_SSIM) return result(bytes, dpi, step, legibility);
        // Lower qualities at this resolution only lose more.
        illegibleStep = step;
        break;
      }
      if (!isAtFloor && bytes.length > image.budget * HOPELESS_FACTOR) break;
    }
    if (!isAtFloor) {
      const predicted = Math.floor(dpi * Math.sqrt(image.budget / Math.max(1, lastSize)));
      dpi = Math.max(floorDpi, Math.min(Math.floor(dpi * 0.85), predicted));
      continue;
    }
    // At the floor nothing fit and stayed legible: climb to the smallest legible encoding.
    let climbFrom = illegibleStep ?? lowestStep;
    if (illegibleStep === null) {
      const bytes = await encode(dpi, lowestStep);
      const legibility = await codec.score(bytes);
      if (legibility >= LEGIBLE_SSIM) return result(bytes, dpi, lowestStep, legibility);
    }
    for (climbFrom -= 1; climbFrom >= 0; climbFrom--) {
      const bytes = await encode(dpi, climbFrom);
      const legibility = await codec.score(bytes);
      if (legibility >= LEGIBLE_SSIM) return result(bytes, dpi, climbFrom, legibility);
    }
    return { kind: 'kept', isOverTarget: true };
  }
}

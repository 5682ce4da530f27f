// Photo pages in the entry PDFs: an A4 page per photo, and a search for the largest, sharpest
// encoding that still fits the Ministry's size budget (~100 kB per A4 page). The encoder is
// injected, so the search is tested in Node and runs on OffscreenCanvas in the worker.

export const DEFAULT_TARGET_BYTES_PER_PAGE = 100_000;

/** What a one-page PDF costs besides its image (page tree, xref, image dictionary). */
export const PDF_PAGE_OVERHEAD_BYTES = 2_000;

/** A4 in PDF points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

/** A4 at 200 dpi: sharper than that is wasted at 100 kB a page. */
export const START_LONG_SIDE = 2339;
/** A4 at 100 dpi: below this, handwriting stops being readable, whatever the budget says. */
export const MIN_LONG_SIDE = 1169;
const QUALITIES = [0.75, 0.6, 0.45] as const;
/** At the smallest size, quality may go lower still before the page is let through large. */
const FLOOR_QUALITIES = [0.75, 0.6, 0.45, 0.35] as const;
/** Above this many times the budget, a lower quality alone will not get there: shrink. */
const HOPELESS_FACTOR = 2.2;

export interface ImageInput {
  bytes: Uint8Array;
  kind: 'jpeg' | 'png';
}

/** Re-encodes an image as JPEG toward `targetBytes`; the result may still be larger. */
export type Recompressor = (image: ImageInput, targetBytes: number) => Promise<Uint8Array>;

/** Encodes the image with its long side at `longSide` pixels and the given JPEG quality. */
export type Encode = (longSide: number, quality: number) => Promise<Uint8Array>;

/** The bytes an image may take so its one-page PDF stays within the page target. */
export function imageBudget(targetBytesPerPage: number): number {
  return Math.max(10_000, targetBytesPerPage - PDF_PAGE_OVERHEAD_BYTES);
}

/**
 * Tries qualities from high to low at a size, then a smaller size predicted from how far off
 * the last try was (JPEG bytes grow roughly with pixel count). Returns the first encoding
 * within budget, or the smallest one tried once the minimum size is reached.
 */
export async function searchEncoding(
  originalLongSide: number,
  targetBytes: number,
  encode: Encode,
): Promise<Uint8Array> {
  const floor = Math.min(MIN_LONG_SIDE, originalLongSide);
  let side = Math.min(originalLongSide, START_LONG_SIDE);
  let smallest: Uint8Array | undefined;
  for (;;) {
    const isAtFloor = side <= floor;
    let lastSize = 0;
    for (const quality of isAtFloor ? FLOOR_QUALITIES : QUALITIES) {
      const bytes = await encode(side, quality);
      if (!smallest || bytes.length < smallest.length) smallest = bytes;
      if (bytes.length <= targetBytes) return bytes;
      lastSize = bytes.length;
      if (!isAtFloor && bytes.length > targetBytes * HOPELESS_FACTOR) break;
    }
    if (isAtFloor && smallest) return smallest;
    const predicted = Math.floor(side * Math.sqrt(targetBytes / lastSize));
    side = Math.max(floor, Math.min(Math.floor(side * 0.85), predicted));
  }
}

export interface Placement {
  page: { width: number; height: number };
  image: { x: number; y: number; width: number; height: number };
}

/** An A4 page turned the way the photo is, with the photo as large as fits, centred. */
export function placeOnA4(imageWidth: number, imageHeight: number): Placement {
  const isLandscape = imageWidth > imageHeight;
  const page = isLandscape
    ? { width: A4.height, height: A4.width }
    : { width: A4.width, height: A4.height };
  const scale = Math.min(page.width / imageWidth, page.height / imageHeight);
  const width = imageWidth * scale;
  const height = imageHeight * scale;
  return {
    page,
    image: { x: (page.width - width) / 2, y: (page.height - height) / 2, width, height },
  };
}

// The canvas side of the export's re-encoding: decode a page image once, then encode it at the
// sizes and qualities the search in page-reencode.ts asks for, and measure each encoding's
// legibility against it. Needs OffscreenCanvas (workers have it; Node not).
import { greyFromRgba, inkSsim, type GreyImage } from '../../shared/image/legibility';
import { placeOnA4, type ImageInput, type Recompressor } from './pdf-images';
import {
  floorSize,
  imageDpi,
  reencodePage,
  type PageCodec,
  type PageImageInfo,
  type Reencoded,
} from './page-reencode';

export function hasCanvas(): boolean {
  return typeof OffscreenCanvas !== 'undefined' && typeof createImageBitmap === 'function';
}

function context2d(canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('2D canvas is not available');
  return context;
}

function draw(bitmap: ImageBitmap, width: number, height: number) {
  const canvas = new OffscreenCanvas(width, height);
  const context = context2d(canvas);
  // JPEG has no transparency: a PNG's clear areas become paper white, not black.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
  return { canvas, context };
}

/**
 * Gives a canvas's pixels back at once rather than at the worker's next garbage collection: a
 * page's search draws several page-sized canvases, and they would otherwise pile up.
 */
function release(canvas: OffscreenCanvas): void {
  canvas.width = 0;
  canvas.height = 0;
}

/** A page's greyscale drawn at the given size, as the legibility metric compares them. */
function greyAt(bitmap: ImageBitmap, width: number, height: number): GreyImage {
  const { canvas, context } = draw(bitmap, width, height);
  const rgba = context.getImageData(0, 0, width, height).data;
  release(canvas);
  return greyFromRgba(rgba, width, height);
}

function decode(bytes: Uint8Array): Promise<ImageBitmap> {
  // Copied into a fresh ArrayBuffer: a Blob part may not be a view on a shared buffer.
  return createImageBitmap(new Blob([bytes.slice()]));
}

type CanvasCodec = PageCodec & { close(): void };

/**
 * Encodings at one size share one canvas; legibility is measured against the original drawn
 * at the floor size, made the first time it is asked for.
 */
function codecOf(bitmap: ImageBitmap, floor: { width: number; height: number }): CanvasCodec {
  let drawn: { width: number; height: number; canvas: OffscreenCanvas } | null = null;
  let reference: GreyImage | null = null;
  return {
    async encode(width, height, quality) {
      if (!drawn || drawn.width !== width || drawn.height !== height) {
        if (drawn) release(drawn.canvas);
        drawn = { width, height, canvas: draw(bitmap, width, height).canvas };
      }
      const blob = await drawn.canvas.convertToBlob({ type: 'image/jpeg', quality });
      return new Uint8Array(await blob.arrayBuffer());
    },
    async score(encoded) {
      reference ??= greyAt(bitmap, floor.width, floor.height);
      const candidate = await decode(encoded);
      try {
        return inkSsim(reference, greyAt(candidate, floor.width, floor.height));
      } finally {
        candidate.close();
      }
    },
    close() {
      bitmap.close();
      if (drawn) release(drawn.canvas);
      drawn = null;
      reference = null;
    },
  };
}

export type PageCodecFactory = (
  jpeg: Uint8Array,
  floor: { width: number; height: number },
) => Promise<CanvasCodec>;

/** A scan page's JPEG, decoded once for the size search. */
export const openCanvasPage: PageCodecFactory = async (jpeg, floor) =>
  codecOf(await decode(jpeg), floor);

/** A photo's re-encoding as the export makes it, with the size it had before. */
export interface PhotoReencoding {
  result: Reencoded;
  info: PageImageInfo;
}

/**
 * Photos go through the same search as scanner pages, at the resolution they have on their A4
 * page. A PNG is always re-encoded: a PDF holds it deflated, several times a JPEG's size.
 * `fallback` encodes the whole photo, for a PNG nothing smaller was found for.
 */
export async function reencodePhoto(
  image: ImageInput,
  targetBytes: number,
): Promise<PhotoReencoding & { fallback: () => Promise<Uint8Array>; close: () => void }> {
  // Decoded as shown: a phone photo's EXIF orientation is applied, as on screen.
  const bitmap = await decode(image.bytes);
  const placed = placeOnA4(bitmap.width, bitmap.height).image;
  const info: PageImageInfo = {
    width: bitmap.width,
    height: bitmap.height,
    dpi: imageDpi(bitmap, placed),
    bytes: image.kind === 'png' ? Number.POSITIVE_INFINITY : image.bytes.length,
    budget: targetBytes,
  };
  const codec = codecOf(bitmap, floorSize(info));
  try {
    const result = await reencodePage(info, codec);
    return {
      result,
      info,
      fallback: () => codec.encode(info.width, info.height, 0.9),
      close: () => codec.close(),
    };
  } catch (error) {
    codec.close();
    throw error;
  }
}

export const canvasRecompressor: Recompressor = async (image: ImageInput, targetBytes: number) => {
  const photo = await reencodePhoto(image, targetBytes);
  try {
    if (photo.result.kind === 'reencoded') return photo.result.bytes;
    return image.kind === 'png' ? await photo.fallback() : image.bytes;
  } finally {
    photo.close();
  }
};

// The recompressors the export worker uses: decode once, then let the size search re-encode
// at the sizes and qualities it asks for. Needs OffscreenCanvas (workers have it; Node not).
import { greyFromRgba, inkSsim, type GreyImage } from '../../shared/image/legibility';
import { searchEncoding, type ImageInput, type Recompressor } from './pdf-images';
import type { PageCodec } from './page-reencode';

export function hasCanvas(): boolean {
  return typeof OffscreenCanvas !== 'undefined' && typeof createImageBitmap === 'function';
}

export const canvasRecompressor: Recompressor = async (image: ImageInput, targetBytes: number) => {
  const type = image.kind === 'png' ? 'image/png' : 'image/jpeg';
  // Copied into a fresh ArrayBuffer: a Blob part may not be a view on a shared buffer.
  const bitmap = await createImageBitmap(new Blob([image.bytes.slice()], { type }));
  try {
    const longSide = Math.max(bitmap.width, bitmap.height);
    return await searchEncoding(longSide, targetBytes, async (side, quality) => {
      const scale = Math.min(1, side / longSide);
      const width = Math.max(1, Math.round(bitmap.width * scale));
      const height = Math.max(1, Math.round(bitmap.height * scale));
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('2D canvas is not available');
      context.fillStyle = '#fff';
      context.fillRect(0, 0, width, height);
      context.imageSmoothingQuality = 'high';
      context.drawImage(bitmap, 0, 0, width, height);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
      return new Uint8Array(await blob.arrayBuffer());
    });
  } finally {
    bitmap.close();
  }
};

function context2d(canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('2D canvas is not available');
  return context;
}

/** A page's greyscale drawn at the given size, as the legibility metric compares them. */
function greyAt(bitmap: ImageBitmap, width: number, height: number): GreyImage {
  const canvas = new OffscreenCanvas(width, height);
  const context = context2d(canvas);
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
  return greyFromRgba(context.getImageData(0, 0, width, height).data, width, height);
}

export type PageCodecFactory = (
  jpeg: Uint8Array,
  floor: { width: number; height: number },
) => Promise<PageCodec & { close(): void }>;

/**
 * A scan page's JPEG, decoded once. Encodings at one size share one canvas; legibility is
 * measured against the original drawn at the floor size, made the first time it is asked for.
 */
export const openCanvasPage: PageCodecFactory = async (jpeg, floor) => {
  const bitmap = await createImageBitmap(new Blob([jpeg.slice()], { type: 'image/jpeg' }));
  let drawn: { width: number; height: number; canvas: OffscreenCanvas } | null = null;
  let reference: GreyImage | null = null;
  return {
    async encode(width, height, quality) {
      if (!drawn || drawn.width !== width || drawn.height !== height) {
        const canvas = new OffscreenCanvas(width, height);
        const context = context2d(canvas);
        context.imageSmoothingQuality = 'high';
        context.drawImage(bitmap, 0, 0, width, height);
        drawn = { width, height, canvas };
      }
      const blob = await drawn.canvas.convertToBlob({ type: 'image/jpeg', quality });
      return new Uint8Array(await blob.arrayBuffer());
    },
    async score(encoded) {
      reference ??= greyAt(bitmap, floor.width, floor.height);
      const candidate = await createImageBitmap(
        new Blob([encoded.slice()], { type: 'image/jpeg' }),
      );
      try {
        return inkSsim(reference, greyAt(candidate, floor.width, floor.height));
      } finally {
        candidate.close();
      }
    },
    close() {
      bitmap.close();
      drawn = null;
      reference = null;
    },
  };
};

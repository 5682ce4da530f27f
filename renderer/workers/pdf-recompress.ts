// The recompressor the export worker uses: decode once, then let the size search re-encode
// at the sizes and qualities it asks for. Needs OffscreenCanvas (workers have it; Node not).
import { searchEncoding, type ImageInput, type Recompressor } from './pdf-images';

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

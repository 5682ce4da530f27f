// Phone photos become scans the rest of the app can trust: upright (EXIF orientation applied),
// no larger than an A4 page at 300 dpi, and re-encoded as plain JPEG without metadata.

/** A4's long side at 300 dpi: more detail than that never reaches the Ministry's PDFs. */
export const MAX_LONG_SIDE = 3508;
export const JPEG_QUALITY = 0.85;

export interface Size {
  width: number;
  height: number;
}

/** The size to store an image at: unchanged when it already fits, else scaled down evenly. */
export function fitLongSide(size: Size, maxLongSide = MAX_LONG_SIDE): Size {
  const longSide = Math.max(size.width, size.height);
  if (longSide <= maxLongSide) return { width: size.width, height: size.height };
  const scale = maxLongSide / longSide;
  return {
    width: Math.max(1, Math.round(size.width * scale)),
    height: Math.max(1, Math.round(size.height * scale)),
  };
}

export type NormaliseResult =
  { ok: true; blob: Blob; width: number; height: number } | { ok: false; problem: 'corruptImage' };

/**
 * Decodes, orients, scales and re-encodes one image. Needs createImageBitmap and
 * OffscreenCanvas, so it runs in the import worker (or a window, as a fallback).
 */
export async function normaliseImage(source: Blob): Promise<NormaliseResult> {
  let bitmap: ImageBitmap;
  try {
    // 'from-image' applies the EXIF orientation phones write instead of rotating pixels.
    bitmap = await createImageBitmap(source, { imageOrientation: 'from-image' });
  } catch {
    return { ok: false, problem: 'corruptImage' };
  }
  try {
    const size = fitLongSide({ width: bitmap.width, height: bitmap.height });
    const canvas = new OffscreenCanvas(size.width, size.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('2D canvas is not available');
    // Transparent PNG areas would turn black in a JPEG: paper is white.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, size.width, size.height);
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
    return { ok: true, blob, width: size.width, height: size.height };
  } finally {
    bitmap.close();
  }
}

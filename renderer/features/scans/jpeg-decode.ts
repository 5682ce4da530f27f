// A JPEG shown smaller than it was scanned is decoded at a fraction of its size: the decoder
// scales it in eighths while it decodes, so a 300-dpi page shown at a quarter of its width costs
// a sixteenth of the pixels, the time and the memory of a full decode. The last step to the
// exact size is a resize of that small picture.
import type { Size } from './viewer-geometry';

/**
 * The size the JPEG decoder is asked for: the smallest eighth of the picture (1/8 … 8/8) that
 * still covers `target` both ways, so the picture is never enlarged after decoding.
 */
export function decodeSizeFor(picture: Size, target: Size): Size {
  const needed = Math.max(target.width / picture.width, target.height / picture.height);
  const eighths = Math.min(8, Math.max(1, Math.ceil(needed * 8 - 1e-9)));
  return {
    width: Math.ceil((picture.width * eighths) / 8),
    height: Math.ceil((picture.height * eighths) / 8),
  };
}

/** The decoder that scales while decoding, where the browser has it (not in Node). */
function scalingDecoder(): typeof ImageDecoder | null {
  return typeof ImageDecoder === 'function' ? ImageDecoder : null;
}

/**
 * The JPEG as a bitmap of `width` × `height` pixels. `picture` is its own size in pixels, as
 * the page says; without a scaling decoder the browser decodes it whole and resizes.
 */
export async function decodeJpeg(
  jpeg: Blob,
  picture: Size,
  width: number,
  height: number,
): Promise<ImageBitmap> {
  const resize = { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' } as const;
  const Decoder = scalingDecoder();
  const desired = decodeSizeFor(picture, { width, height });
  if (!Decoder || desired.width >= picture.width) return createImageBitmap(jpeg, resize);
  const bytes = await jpeg.arrayBuffer();
  const decoder = new Decoder({
    data: bytes,
    transfer: [bytes],
    type: 'image/jpeg',
    desiredWidth: desired.width,
    desiredHeight: desired.height,
  });
  let frame: VideoFrame | null = null;
  try {
    frame = (await decoder.decode()).image;
    return await createImageBitmap(frame, resize);
  } catch {
    // A JPEG this decoder refuses (an unusual colour model) may still decode the usual way.
    return createImageBitmap(jpeg, resize);
  } finally {
    frame?.close();
    decoder.close();
  }
}

// How much decoded picture memory the viewer may keep, in bytes: sized so a 4 GB PC (the
// officers' usual) keeps the shown page, the next and the one before at a reading zoom, and
// nothing grows with the number of pages viewed.

/** A decoded bitmap holds four bytes a pixel, wherever it lives. */
export const bytesOfBitmap = (bitmap: { width: number; height: number }) =>
  bitmap.width * bitmap.height * 4;

const MB = 1_000_000;

/**
 * Bytes of rendered pages to keep, by the PC's memory in GB (`navigator.deviceMemory`, which
 * Chromium rounds and caps at 8): 64 MB up to 4 GB or when unknown, 128 MB above.
 */
export function renderedByteBudget(deviceMemoryGb: number | undefined): number {
  return deviceMemoryGb !== undefined && deviceMemoryGb > 4 ? 128 * MB : 64 * MB;
}

/** Thumbnails are small: a few hundred of them in 24 MB. */
export const THUMBNAIL_BYTE_BUDGET = 24 * MB;

/** The PC's memory as the browser reports it, in GB; undefined where it does not. */
export function deviceMemoryGb(): number | undefined {
  return (globalThis.navigator as { deviceMemory?: number } | undefined)?.deviceMemory;
}

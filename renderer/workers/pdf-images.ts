// Photo pages in the entry PDFs: an A4 page per photo, and the Ministry's size budget (~100 kB
// per A4 page) every page image is re-encoded toward (see page-reencode.ts).

export const DEFAULT_TARGET_BYTES_PER_PAGE = 100_000;

/** What a one-page PDF costs besides its image (page tree, xref, image dictionary). */
export const PDF_PAGE_OVERHEAD_BYTES = 2_000;

/** A4 in PDF points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

export interface ImageInput {
  bytes: Uint8Array;
  kind: 'jpeg' | 'png';
}

/** Re-encodes an image as JPEG toward `targetBytes`; the result may still be larger. */
export type Recompressor = (image: ImageInput, targetBytes: number) => Promise<Uint8Array>;

/** The bytes an image may take so its one-page PDF stays within the page target. */
export function imageBudget(targetBytesPerPage: number): number {
  return Math.max(10_000, targetBytesPerPage - PDF_PAGE_OVERHEAD_BYTES);
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

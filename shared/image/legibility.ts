// How legible a re-encoded page still is, against the scan it came from: SSIM of the greyscale
// page at the export's resolution floor, over the windows that hold ink. Paper grain is left out
// on purpose: JPEG smooths it away, which costs nothing in reading but would sink a plain SSIM.

/** Side of the square windows SSIM is computed over, in pixels at the floor resolution. */
export const SSIM_WINDOW = 8;

/**
 * A window holds ink when the original's grey levels there spread at least this much (standard
 * deviation): stroke edges and ruled lines do, paper grain of a 300-dpi scan does not.
 */
export const INK_CONTRAST = 12;

/** The threshold an exported page must reach: below it strokes blur or break up. */
export const LEGIBLE_SSIM = 0.9;

// The usual SSIM stabilisers for 8-bit images: (0.01 × 255)² and (0.03 × 255)².
const C1 = 6.5025;
const C2 = 58.5225;

export interface GreyImage {
  width: number;
  height: number;
  /** One byte per pixel, row by row. */
  pixels: Uint8Array;
}

/** Luma (ITU-R BT.601) of RGBA pixels, as a canvas's getImageData gives them. */
export function greyFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number) {
  const pixels = new Uint8Array(width * height);
  for (let p = 0, q = 0; p < pixels.length; p++, q += 4) {
    pixels[p] = ((rgba[q] ?? 0) * 299 + (rgba[q + 1] ?? 0) * 587 + (rgba[q + 2] ?? 0) * 114) / 1000;
  }
  return { width, height, pixels } satisfies GreyImage;
}

/**
 * Mean SSIM over the non-overlapping windows where the original holds ink; over all windows
 * when it holds none (a blank page is legible when it stays blank). 1 means identical.
 */
export function inkSsim(original: GreyImage, candidate: GreyImage): number {
  const { width, height } = original;
  if (candidate.width !== width || candidate.height !== height) {
    throw new Error(
      `SSIM needs equal sizes: ${width}×${height} vs ${candidate.width}×${candidate.height}`,
    );
  }
  const a = original.pixels;
  const b = candidate.pixels;
  const n = SSIM_WINDOW * SSIM_WINDOW;
  const inkVariance = INK_CONTRAST * INK_CONTRAST;
  let inkSum = 0;
  let inkWindows = 0;
  let allSum = 0;
  let allWindows = 0;
  for (let y0 = 0; y0 + SSIM_WINDOW <= height; y0 += SSIM_WINDOW) {
    for (let x0 = 0; x0 + SSIM_WINDOW <= width; x0 += SSIM_WINDOW) {
      let sa = 0;
      let sb = 0;
      let saa = 0;
      let sbb = 0;
      let sab = 0;
      for (let y = y0; y < y0 + SSIM_WINDOW; y++) {
        const row = y * width;
        for (let x = x0; x < x0 + SSIM_WINDOW; x++) {
          const va = a[row + x] ?? 0;
          const vb = b[row + x] ?? 0;
          sa += va;
          sb += vb;
          saa += va * va;
          sbb += vb * vb;
          sab += va * vb;
        }
      }
      const ma = sa / n;
      const mb = sb / n;
      const va = saa / n - ma * ma;
      const vb = sbb / n - mb * mb;
      const cov = sab / n - ma * mb;
      const ssim =
        ((2 * ma * mb + C1) * (2 * cov + C2)) / ((ma * ma + mb * mb + C1) * (va + vb + C2));
      allSum += ssim;
      allWindows += 1;
      if (va >= inkVariance) {
        inkSum += ssim;
        inkWindows += 1;
      }
    }
  }
  if (inkWindows > 0) return inkSum / inkWindows;
  return allWindows > 0 ? allSum / allWindows : 1;
}

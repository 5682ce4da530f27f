import { describe, expect, it } from 'vitest';
import { entry, exportPdfs, imageOf, jpegOf, scannerPdf, ks2008 as book } from './export-test-book';
import type { PageCodecFactory } from './pdf-recompress';

/**
 * A stand-in for the canvas: encodings weigh `bytesPerPixel` × (0.25 + quality) per pixel, and
 * are legible from `legibleFrom` quality up. Counts the pages it is asked to open.
 */
function fakeCanvas(bytesPerPixel: number, legibleFrom = 0) {
  const opened: number[] = [];
  const quality = new WeakMap<Uint8Array, number>();
  const openPage: PageCodecFactory = (jpeg) => {
    opened.push(jpeg.length);
    return Promise.resolve({
      encode: (width, height, q) => {
        const bytes = jpegOf(
          width,
          height,
          Math.round(width * height * bytesPerPixel * (0.25 + q)),
        );
        quality.set(bytes, q);
        return Promise.resolve(bytes);
      },
      score: (encoded) => Promise.resolve((quality.get(encoded) ?? 0) >= legibleFrom ? 0.95 : 0.8),
      close: () => undefined,
    });
  };
  return { openPage, opened };
}

describe('scan pages at the size target', () => {
  it('re-encodes a 300-dpi scanner page to within 100 kB, keeping its size and rotation', async () => {
    const scan = await scannerPdf([jpegOf(2480, 3508, 900_000), jpegOf(2480, 3508, 900_000)]);
    const { openPage, opened } = fakeCanvas(0.05);
    const { written, pdfs } = await exportPdfs(
      {
        book,
        scans: [{ id: 's', data: scan }],
        entries: [
          entry(1, [{ scanId: 's', indexInScan: 0, rotation: 90 }], { trangSo: '1' }),
          // Two entries on one page: the page is re-encoded once for both.
          entry(2, [{ scanId: 's', indexInScan: 1 }], { trangSo: '1' }),
          entry(3, [{ scanId: 's', indexInScan: 1 }], { trangSo: '1' }),
        ],
      },
      { openPage },
    );
    expect(opened).toHaveLength(2);
    for (const pdf of pdfs) {
      const image = imageOf(pdf, 0);
      expect(image?.bytes).toBeLessThanOrEqual(98_000);
      // Never below 150 dpi: an A4 page 8.27 in wide keeps at least 1240 pixels.
      expect(image?.width).toBeGreaterThanOrEqual(1240);
      expect(pdf.getPage(0).getSize()).toEqual({ width: 595, height: 842 });
    }
    expect(pdfs[0]!.getPage(0).getRotation().angle).toBe(90);
    expect(written.pageBytes).toMatchObject({
      pagesReencoded: 3,
      pagesOverTarget: 0,
      overTarget: [],
    });
    expect(written.pageBytes.lowestLegibility).toBeGreaterThanOrEqual(0.9);
    expect(written.pageBytes.maxBytesPerPage).toBeLessThanOrEqual(100_000);
  });

  it('passes a page already under the target through untouched', async () => {
    const small = jpegOf(1240, 1754, 80_000);
    const { openPage, opened } = fakeCanvas(0.05);
    const { written, pdfs } = await exportPdfs(
      {
        book,
        scans: [{ id: 's', data: await scannerPdf([small]) }],
        entries: [entry(1, [{ scanId: 's', indexInScan: 0 }], { trangSo: '1' })],
      },
      { openPage },
    );
    expect(opened).toEqual([]);
    expect(imageOf(pdfs[0]!, 0)).toEqual({ width: 1240, bytes: 80_000 });
    expect(written.pageBytes.pagesReencoded).toBe(0);
  });

  it('names a page that cannot be both within the target and legible', async () => {
    // Fine writing: only quality 0.9 and up stays legible, over budget even at 150 dpi.
    const { openPage } = fakeCanvas(0.05, 0.9);
    const { written, pdfs } = await exportPdfs(
      {
        book,
        scans: [{ id: 's', data: await scannerPdf([jpegOf(2480, 3508, 1_200_000)]) }],
        entries: [entry(1, [{ scanId: 's', indexInScan: 0 }], { trangSo: '1' })],
      },
      { openPage },
    );
    const image = imageOf(pdfs[0]!, 0);
    expect(image?.bytes).toBeGreaterThan(98_000);
    expect(image?.bytes).toBeLessThan(1_200_000);
    expect(written.pageBytes).toMatchObject({
      pagesReencoded: 1,
      pagesOverTarget: 1,
      overTarget: [{ fileName: 'KS.2008.01.2008-02-01.001.pdf', page: 1 }],
    });
  });

  it('copies pages as scanned and counts them over target where there is no canvas', async () => {
    const { written, pdfs } = await exportPdfs(
      {
        book,
        scans: [{ id: 's', data: await scannerPdf([jpegOf(2480, 3508, 700_000)]) }],
        entries: [entry(1, [{ scanId: 's', indexInScan: 0 }], { trangSo: '1' })],
      },
      { openPage: null },
    );
    expect(imageOf(pdfs[0]!, 0)).toEqual({ width: 2480, bytes: 700_000 });
    expect(written.pageBytes).toMatchObject({ pagesReencoded: 0, pagesOverTarget: 1 });
  });
});

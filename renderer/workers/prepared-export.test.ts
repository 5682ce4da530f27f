// Pages prepared at import (prepare-core.ts) and the export that uses them: the export copies
// a stored preparation instead of searching, and searches as before when there is none.
import { describe, expect, it } from 'vitest';
import { makePdf } from '../../test/fixtures/make-pdf';
import { entry, exportPdfs, imageOf, jpegOf, scannerPdf, ks2008 as book } from './export-test-book';
import type { PreparedForExport } from './export-protocol';
import type { Reencoded } from './page-reencode';
import type { PageCodecFactory, PhotoReencoding } from './pdf-recompress';
import { preparePage, type PrepareOutcome, type PrepareTools } from './prepare-core';

/**
 * Stands in for the canvas: encodings weigh 0.05 × (0.25 + quality) bytes per pixel and all
 * are legible. Counts the pages it decodes, which is what the search costs.
 */
function fakeCanvas() {
  const opened: number[] = [];
  const openPage: PageCodecFactory = (jpeg) => {
    opened.push(jpeg.length);
    return Promise.resolve({
      encode: (width, height, q) =>
        Promise.resolve(jpegOf(width, height, Math.round(width * height * 0.05 * (0.25 + q)))),
      score: () => Promise.resolve(0.95),
      close: () => undefined,
    });
  };
  const photoResult: Reencoded = {
    kind: 'reencoded',
    bytes: jpegOf(1500, 1000, 70_000),
    width: 1500,
    height: 1000,
    dpi: 150,
    jpegQuality: 0.6,
    legibility: 0.94,
    isOverTarget: false,
  };
  const reencodePhoto: PrepareTools['reencodePhoto'] = (image) => {
    opened.push(image.bytes.length);
    const reencoding: PhotoReencoding & { close(): void } = {
      result: photoResult,
      info: { width: 3000, height: 2000, dpi: 300, bytes: image.bytes.length, budget: 98_000 },
      close: () => undefined,
    };
    return Promise.resolve(reencoding);
  };
  return { openPage, reencodePhoto, opened };
}

/** What the screen stores and hands the export, from what the worker prepared. */
function forExport(
  scanId: string,
  indexInScan: number,
  outcome: PrepareOutcome,
  targetBytesPerPage = 100_000,
): PreparedForExport {
  if (outcome.kind === 'reencoded') {
    return {
      scanId,
      indexInScan,
      targetBytesPerPage,
      result: { ...outcome, jpeg: new Blob([outcome.jpeg]) },
    };
  }
  if (outcome.kind !== 'kept') throw new Error(`nothing to hand over: ${outcome.kind}`);
  return { scanId, indexInScan, targetBytesPerPage, result: outcome };
}

describe('preparing a scan page', () => {
  it('re-encodes a 300-dpi page over the target with the export’s own search', async () => {
    const scan = await scannerPdf([jpegOf(2480, 3508, 900_000)]);
    const canvas = fakeCanvas();
    const outcome = await preparePage(
      { scanId: 's', scan, indexInScan: 0, targetBytesPerPage: 100_000, hint: null },
      canvas,
    );
    expect(outcome.kind).toBe('reencoded');
    if (outcome.kind !== 'reencoded') return;
    expect(outcome.jpeg.length).toBeLessThanOrEqual(98_000);
    expect(outcome.width).toBeGreaterThanOrEqual(1240);
    expect(outcome.source).toEqual({ width: 2480, height: 3508, bytes: 900_000 });
    expect(canvas.opened).toEqual([900_000]);
  });

  it('settles a page within the target by its size alone, without decoding it', async () => {
    const scan = await scannerPdf([jpegOf(1240, 1754, 60_000)]);
    const canvas = fakeCanvas();
    expect(
      await preparePage(
        { scanId: 's2', scan, indexInScan: 0, targetBytesPerPage: 100_000, hint: null },
        canvas,
      ),
    ).toEqual({ kind: 'withinTarget' });
    expect(canvas.opened).toEqual([]);
  });

  it('leaves a page that is not one JPEG to go out as scanned', async () => {
    const scan = new Blob([new Uint8Array(await makePdf(2))]);
    expect(
      await preparePage(
        { scanId: 's3', scan, indexInScan: 1, targetBytesPerPage: 100_000, hint: null },
        fakeCanvas(),
      ),
    ).toEqual({ kind: 'notSingleJpeg' });
  });
});

describe('exporting prepared pages', () => {
  it('copies the stored preparation and runs no search at export', async () => {
    const scan = await scannerPdf([jpegOf(2480, 3508, 900_000), jpegOf(2480, 3508, 900_000)]);
    const preparing = fakeCanvas();
    const prepared = [];
    for (const indexInScan of [0, 1]) {
      const outcome = await preparePage(
        { scanId: 's', scan, indexInScan, targetBytesPerPage: 100_000, hint: null },
        preparing,
      );
      prepared.push(forExport('s', indexInScan, outcome));
    }

    const atExport = fakeCanvas();
    const { written, pdfs } = await exportPdfs(
      {
        book,
        scans: [{ id: 's', data: scan }],
        entries: [
          entry(1, [{ scanId: 's', indexInScan: 0, rotation: 90 }], { trangSo: '1' }),
          entry(2, [{ scanId: 's', indexInScan: 1 }], { trangSo: '1' }),
        ],
        prepared,
      },
      { openPage: atExport.openPage },
    );

    expect(atExport.opened).toEqual([]);
    for (const [i, pdf] of pdfs.entries()) {
      const made = prepared[i]!.result;
      expect(imageOf(pdf, 0)?.bytes).toBe(made.kind === 'reencoded' ? made.jpeg.size : -1);
      expect(pdf.getPage(0).getSize()).toEqual({ width: 595, height: 842 });
    }
    expect(pdfs[0]!.getPage(0).getRotation().angle).toBe(90);
    expect(written.pageBytes).toMatchObject({
      pagesReencoded: 2,
      pagesPrepared: 2,
      pagesOverTarget: 0,
    });
    expect(written.pageBytes.maxBytesPerPage).toBeLessThanOrEqual(100_000);
  });

  it('never reads the scan’s image of a page it copies the preparation of', async () => {
    const pages = [jpegOf(2480, 3508, 900_000), jpegOf(2480, 3508, 900_000)];
    const scan = await scannerPdf(pages);
    const prepared = [];
    for (const indexInScan of [0, 1]) {
      const outcome = await preparePage(
        { scanId: 's', scan, indexInScan, targetBytesPerPage: 100_000, hint: null },
        fakeCanvas(),
      );
      prepared.push(forExport('s', indexInScan, outcome));
    }
    /** The scan as the export reads it, counting the bytes it reads. */
    class CountedScan extends Blob {
      static bytesRead = 0;
      override slice(start?: number, end?: number, type?: string): Blob {
        const part = super.slice(start, end, type);
        CountedScan.bytesRead += part.size;
        return part;
      }
    }
    const { written, pdfs } = await exportPdfs(
      {
        book,
        scans: [{ id: 's', data: new CountedScan([await scan.arrayBuffer()]) }],
        entries: [
          entry(1, [{ scanId: 's', indexInScan: 0 }], { trangSo: '1' }),
          entry(2, [{ scanId: 's', indexInScan: 1 }], { trangSo: '1' }),
          entry(3, [{ scanId: 's', indexInScan: 1 }], { trangSo: '1' }),
        ],
        prepared,
      },
      { openPage: fakeCanvas().openPage },
    );
    expect(CountedScan.bytesRead).toBeLessThan(pages[0]!.length);
    for (const [i, pdf] of pdfs.entries()) {
      const made = prepared[Math.min(i, 1)]!.result;
      expect(imageOf(pdf, 0)?.bytes).toBe(made.kind === 'reencoded' ? made.jpeg.size : -1);
    }
    expect(written.pageBytes).toMatchObject({ pagesReencoded: 3, pagesPrepared: 3 });
  });

  it('re-encodes at export a page with no preparation, or one made for another target', async () => {
    const scan = await scannerPdf([jpegOf(2480, 3508, 900_000), jpegOf(2480, 3508, 900_000)]);
    const outcome = await preparePage(
      { scanId: 's', scan, indexInScan: 0, targetBytesPerPage: 200_000, hint: null },
      fakeCanvas(),
    );
    const atExport = fakeCanvas();
    const { written, pdfs } = await exportPdfs(
      {
        book,
        scans: [{ id: 's', data: scan }],
        entries: [
          entry(1, [{ scanId: 's', indexInScan: 0 }], { trangSo: '1' }),
          entry(2, [{ scanId: 's', indexInScan: 1 }], { trangSo: '1' }),
        ],
        prepared: [forExport('s', 0, outcome, 200_000)],
      },
      { openPage: atExport.openPage },
    );
    expect(atExport.opened).toEqual([900_000, 900_000]);
    for (const pdf of pdfs) expect(imageOf(pdf, 0)?.bytes).toBeLessThanOrEqual(98_000);
    expect(written.pageBytes).toMatchObject({ pagesReencoded: 2, pagesPrepared: 0 });
  });

  it('does not use a preparation made from another image', async () => {
    const scan = await scannerPdf([jpegOf(2480, 3508, 900_000)]);
    const atExport = fakeCanvas();
    const stale: PreparedForExport = {
      scanId: 's',
      indexInScan: 0,
      targetBytesPerPage: 100_000,
      result: {
        kind: 'reencoded',
        jpeg: new Blob([jpegOf(100, 100, 5_000)]),
        legibility: 0.99,
        isOverTarget: false,
        source: { width: 2480, height: 3508, bytes: 800_000 },
      },
    };
    const { pdfs } = await exportPdfs(
      {
        book,
        scans: [{ id: 's', data: scan }],
        entries: [entry(1, [{ scanId: 's', indexInScan: 0 }], { trangSo: '1' })],
        prepared: [stale],
      },
      { openPage: atExport.openPage },
    );
    expect(atExport.opened).toEqual([900_000]);
    expect(imageOf(pdfs[0]!, 0)?.width).toBeGreaterThanOrEqual(1240);
  });

  it('embeds a prepared photo without recompressing it at export', async () => {
    const photo = new Blob([jpegOf(3000, 2000, 400_000)]);
    const canvas = fakeCanvas();
    const outcome = await preparePage(
      { scanId: 'p', scan: photo, indexInScan: 0, targetBytesPerPage: 100_000, hint: null },
      canvas,
    );
    expect(canvas.opened).toEqual([400_000]);
    let recompressed = 0;
    const { written, pdfs } = await exportPdfs(
      {
        book,
        scans: [{ id: 'p', data: photo }],
        entries: [entry(1, [{ scanId: 'p', indexInScan: 0 }], { trangSo: '1' })],
        prepared: [forExport('p', 0, outcome)],
      },
      {
        recompress: (image) => {
          recompressed += 1;
          return Promise.resolve(image.bytes);
        },
      },
    );
    expect(recompressed).toBe(0);
    expect(imageOf(pdfs[0]!, 0)).toEqual({ width: 1500, bytes: 70_000 });
    expect(written.pageBytes).toMatchObject({
      imagePages: 1,
      pagesPrepared: 1,
      pagesOverTarget: 0,
    });
  });
});

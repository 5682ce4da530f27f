// Runs inside Chromium for `npm run bench`: prepares realistic 300-dpi scanner pages for export
// with the preparation worker's own code (prepare-core.ts with the canvas codec), one page
// after another with the previous page's hint, as the app does in the background after import.
import { PDFDocument } from 'pdf-lib';
import { A4 } from '../../renderer/workers/pdf-images';
import type { SearchHint } from '../../renderer/workers/page-reencode';
import { openCanvasPage, reencodePhoto } from '../../renderer/workers/pdf-recompress';
import { preparePage } from '../../renderer/workers/prepare-core';
import { makeScanJpegBytes } from './scan-page';

export interface PrepareBenchResult {
  /** Seconds to prepare each page, in order. */
  seconds: number[];
  scanBytes: number[];
  /** The export-ready image of each page (0 where it was kept as scanned). */
  preparedBytes: number[];
  legibility: number[];
}

export async function runPrepareBench(pages: number): Promise<PrepareBenchResult> {
  const scans: Uint8Array[] = [];
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) {
    // Seeds apart from the scan-size bench's, so the pages are new to this run too.
    const jpeg = await makeScanJpegBytes(101 + i);
    scans.push(jpeg);
    const image = await doc.embedJpg(jpeg);
    doc.addPage([A4.width, A4.height]).drawImage(image, {
      x: 0,
      y: 0,
      width: A4.width,
      height: A4.height,
    });
  }
  const scan = new Blob([(await doc.save()).slice()]);
  const result: PrepareBenchResult = {
    seconds: [],
    scanBytes: [],
    preparedBytes: [],
    legibility: [],
  };
  let hint: SearchHint | null = null;
  for (let i = 0; i < pages; i++) {
    const start = performance.now();
    const outcome = await preparePage(
      { scanId: 'bench', scan, indexInScan: i, targetBytesPerPage: 100_000, hint },
      { openPage: openCanvasPage, reencodePhoto },
    );
    result.seconds.push((performance.now() - start) / 1000);
    result.scanBytes.push(scans[i]?.length ?? 0);
    if (outcome.kind === 'reencoded') {
      result.preparedBytes.push(outcome.jpeg.length);
      result.legibility.push(outcome.legibility);
      // Where this page ended up, as the app's queue hands it to the next page.
      const { source } = outcome;
      hint = {
        dpi: outcome.dpi,
        jpegQuality: outcome.jpegQuality,
        bytesPerPixel: source.bytes / (source.width * source.height),
      };
    } else {
      result.preparedBytes.push(0);
    }
  }
  return result;
}

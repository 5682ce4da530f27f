// Runs inside Chromium for `npm run bench`: exports a book over realistic 300-dpi scanner pages
// with the export's own code and canvas, then checks every exported page against its scan with
// the legibility metric, independently of what the export reported about itself.
import { BlobReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { greyFromRgba, inkSsim, type GreyImage } from '../../shared/image/legibility';
import { gateBundle, writeBundle } from '../../renderer/workers/export-core';
import type { ExportRequest, PageBytesStats } from '../../renderer/workers/export-protocol';
import { A4 } from '../../renderer/workers/pdf-images';
import { FLOOR_DPI } from '../../renderer/workers/page-reencode';
import { entryFields } from '../export-fixture';
import { makeScanJpegBytes } from './scan-page';

export interface ScanSizeResult {
  /** The scanner's JPEG per page, as imported. */
  scanBytes: number[];
  /** The image each exported page carries. */
  exportedBytes: number[];
  /** Each exported page against its scan: SSIM of ink, greyscale at the floor resolution. */
  legibility: number[];
  writeSeconds: number;
  pageBytes: PageBytesStats;
}

async function greyAtFloor(jpeg: Uint8Array): Promise<GreyImage> {
  const bitmap = await createImageBitmap(new Blob([jpeg.slice()], { type: 'image/jpeg' }));
  // The floor size of the A4 page, whatever the image's own resolution.
  const width = Math.round((A4.width / 72) * FLOOR_DPI);
  const height = Math.round((A4.height / 72) * FLOOR_DPI);
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2d context');
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return greyFromRgba(context.getImageData(0, 0, width, height).data, width, height);
}

function firstImage(doc: PDFDocument): Uint8Array {
  const xObjects = doc.getPage(0).node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  const [ref] = xObjects?.values() ?? [];
  const stream = ref && doc.context.lookup(ref);
  if (!(stream instanceof PDFRawStream)) throw new Error('exported page has no image');
  return stream.contents;
}

export async function runScanSizeBench(pages: number): Promise<ScanSizeResult> {
  const scans: Uint8Array[] = [];
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) {
    const jpeg = await makeScanJpegBytes(i + 1);
    scans.push(jpeg);
    const image = await doc.embedJpg(jpeg);
    doc.addPage([A4.width, A4.height]).drawImage(image, {
      x: 0,
      y: 0,
      width: A4.width,
      height: A4.height,
    });
  }
  const request: ExportRequest = {
    book: { type: 'KS', year: 2008, quyenSo: '01/2008', templateVersion: 'ks-70' },
    scans: [{ id: 'scan', data: new Blob([(await doc.save()).slice()]) }],
    entries: scans.map((_, i) => ({
      id: `e${i}`,
      pages: [{ scanId: 'scan', indexInScan: i }],
      acknowledgements: [],
      fields: entryFields(i, pages, pages),
    })),
  };
  const { gate, plan } = gateBundle(request);
  if (!gate.ok || !plan) throw new Error(`export refused: ${JSON.stringify(gate).slice(0, 300)}`);
  const zip: Uint8Array[] = [];
  const start = performance.now();
  const written = await writeBundle(request, plan, {
    write: (kind, chunk) => {
      if (kind === 'zip') zip.push(chunk);
      return Promise.resolve();
    },
  });
  const writeSeconds = (performance.now() - start) / 1000;

  const reader = new ZipReader(new BlobReader(new Blob(zip as BlobPart[])));
  const files = await reader.getEntries();
  const exportedBytes: number[] = [];
  const legibility: number[] = [];
  for (const [k, file] of files.entries()) {
    if (file.directory) continue;
    const page = Number(written.pdfs[k]?.entryId.slice(1));
    const scan = scans[page];
    if (!scan) throw new Error(`no scan page for ${file.filename}`);
    const pdf = await PDFDocument.load(await file.getData(new Uint8ArrayWriter()));
    const image = firstImage(pdf);
    exportedBytes.push(image.length);
    legibility.push(inkSsim(await greyAtFloor(scan), await greyAtFloor(image)));
  }
  await reader.close();
  return {
    scanBytes: scans.map((scan) => scan.length),
    exportedBytes,
    legibility,
    writeSeconds,
    pageBytes: written.pageBytes,
  };
}

// Makes one scan page ready for export, in the background after import: the same size search
// the export runs (reencodePage, the book's target, the previous page's hint), once, so the
// export only has to copy the result. Runs in the preparation worker; the canvas side is
// injected so it is tested in Node.
import { PDFDocument } from 'pdf-lib';
import { SNIFF_BYTES, sniffKind } from './import-sniff';
import { floorSize, reencodePage, type Reencoded, type SearchHint } from './page-reencode';
import { imageBudget } from './pdf-images';
import { scanImageOf } from './pdf-pages';
import { PageNotInScanError, RangePdf, blobSource } from './pdf-range';
import type { PageCodecFactory, PhotoReencoding } from './pdf-recompress';
import { scanPageInfo } from './scan-page-size';
import type { PreparedSourceImage } from './export-protocol';

export interface PrepareInput {
  scanId: string;
  scan: Blob;
  indexInScan: number;
  targetBytesPerPage: number;
  /** Where the book's previous re-encoded page ended up. */
  hint: SearchHint | null;
}

/** What preparing found; the screen stores it with the page. */
export type PrepareOutcome =
  | {
      kind: 'reencoded';
      jpeg: Uint8Array<ArrayBuffer>;
      width: number;
      height: number;
      dpi: number;
      jpegQuality: number;
      legibility: number;
      isOverTarget: boolean;
      source: PreparedSourceImage;
    }
  | { kind: 'kept'; isOverTarget: boolean; source: PreparedSourceImage }
  /** Within its budget: goes out as scanned, and needed no decoding to know it. */
  | { kind: 'withinTarget' }
  | { kind: 'notSingleJpeg' };

export interface PrepareTools {
  /** Decodes a scan page for the search; the canvas one in the worker. */
  openPage: PageCodecFactory;
  /** The export's photo search; the canvas one in the worker. */
  reencodePhoto: (
    image: { bytes: Uint8Array; kind: 'jpeg' },
    budget: number,
  ) => Promise<PhotoReencoding & { close(): void }>;
}

function fromSearch(result: Reencoded, source: PreparedSourceImage): PrepareOutcome {
  if (result.kind === 'kept') return { kind: 'kept', isOverTarget: result.isOverTarget, source };
  return {
    kind: 'reencoded',
    // A buffer of its own, so it can be transferred to the screen.
    jpeg: result.bytes.slice(),
    width: result.width,
    height: result.height,
    dpi: result.dpi,
    jpegQuality: result.jpegQuality,
    legibility: result.legibility,
    isOverTarget: result.isOverTarget,
    source,
  };
}

/**
 * Reads pages of the scan last asked about by byte range, so a 150 MB scan is not read whole
 * for each page; a file the range reader cannot follow is parsed whole, once.
 */
class ScanReader {
  private range: RangePdf | null = null;
  private whole: PDFDocument | null = null;

  private constructor(
    readonly scanId: string,
    private readonly data: Blob,
  ) {}

  static async open(scanId: string, data: Blob): Promise<ScanReader> {
    const reader = new ScanReader(scanId, data);
    reader.range = await RangePdf.open(blobSource(data)).catch(() => null);
    return reader;
  }

  async copyPage(out: PDFDocument, index: number) {
    if (this.range) {
      try {
        return (await this.range.copyPage(out, index)).page;
      } catch (error) {
        if (error instanceof PageNotInScanError) throw error;
        this.range = null;
      }
    }
    this.whole ??= await PDFDocument.load(new Uint8Array(await this.data.arrayBuffer()), {
      updateMetadata: false,
    });
    const [page] = await out.copyPages(this.whole, [index]);
    if (!page) throw new PageNotInScanError(index);
    return page;
  }
}

let lastScan: ScanReader | null = null;

/** The scan page's own image, as it would go out unchanged; null when it is not one JPEG. */
export async function scanPageImage(
  scanId: string,
  scan: Blob,
  indexInScan: number,
): Promise<{
  jpeg: Uint8Array;
  width: number;
  height: number;
  pageSize: { width: number; height: number };
} | null> {
  const kind = sniffKind(new Uint8Array(await scan.slice(0, SNIFF_BYTES).arrayBuffer()));
  if (kind === 'jpeg') return null;
  if (kind !== 'pdf') return null;
  if (lastScan?.scanId !== scanId) lastScan = await ScanReader.open(scanId, scan);
  const out = await PDFDocument.create();
  const page = await lastScan.copyPage(out, indexInScan);
  out.addPage(page);
  const image = scanImageOf(out, page);
  if (!image) return null;
  return { jpeg: image.jpeg, width: image.width, height: image.height, pageSize: page.getSize() };
}

export async function preparePage(
  input: PrepareInput,
  tools: PrepareTools,
): Promise<PrepareOutcome> {
  const { scan, targetBytesPerPage } = input;
  const kind = sniffKind(new Uint8Array(await scan.slice(0, SNIFF_BYTES).arrayBuffer()));
  if (kind === 'jpeg') {
    // A photo: placed on an A4 page at export, with the whole page's budget.
    const budget = imageBudget(targetBytesPerPage);
    if (scan.size <= budget) return { kind: 'withinTarget' };
    const photo = await tools.reencodePhoto(
      { bytes: new Uint8Array(await scan.arrayBuffer()), kind: 'jpeg' },
      budget,
    );
    try {
      const { info, result } = photo;
      return fromSearch(result, { width: info.width, height: info.height, bytes: info.bytes });
    } finally {
      photo.close();
    }
  }
  if (kind !== 'pdf') return { kind: 'notSingleJpeg' };
  const page = await scanPageImage(input.scanId, scan, input.indexInScan);
  if (!page) return { kind: 'notSingleJpeg' };
  const info = scanPageInfo(page, page.pageSize, targetBytesPerPage);
  // The cheap check first: a page within its budget needs no decoding.
  if (info.bytes <= info.budget) return { kind: 'withinTarget' };
  const codec = await tools.openPage(page.jpeg, floorSize(info));
  try {
    const result = await reencodePage(info, codec, input.hint);
    return fromSearch(result, { width: info.width, height: info.height, bytes: info.bytes });
  } finally {
    codec.close();
  }
}

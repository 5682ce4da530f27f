// The scans as the export reads them: a PDF's pages copied by byte range (or from the file
// loaded whole when the range reader gives up), or a photo ready to embed, its size settled at
// import or recompressed here toward the page budget.
import { PDFDocument, type PDFPage } from 'pdf-lib';
import { SNIFF_BYTES, sniffKind } from './import-sniff';
import type { PreparedForExport } from './export-protocol';
import type { ImageInput, Recompressor } from './pdf-images';
import { trimSharedImages } from './pdf-pages';
import { PageNotInScanError, RangePdf, blobSource, type ImageStandIn } from './pdf-range';

interface CopiedPage {
  page: PDFPage;
  rebuilt: boolean;
  /** The page draws the stand-in JPEG it was given instead of the scan's image. */
  isStandIn: boolean;
}

/** Copies pages of one scan PDF into entry PDFs. */
interface PdfPages {
  copyPage(out: PDFDocument, index: number, standIn?: ImageStandIn): Promise<CopiedPage>;
}

/** The whole file parsed at once: for PDFs the range reader cannot follow. */
class WholePdf implements PdfPages {
  private readonly rebuilt = new Set<number>();

  constructor(private readonly doc: PDFDocument) {}

  static async load(data: Blob): Promise<WholePdf> {
    const bytes = new Uint8Array(await data.arrayBuffer());
    return new WholePdf(await PDFDocument.load(bytes, { updateMetadata: false }));
  }

  async copyPage(out: PDFDocument, index: number) {
    if (!this.rebuilt.has(index) && trimSharedImages(this.doc, index)) this.rebuilt.add(index);
    const [page] = await out.copyPages(this.doc, [index]);
    if (!page) throw new PageNotInScanError(index);
    return { page, rebuilt: this.rebuilt.has(index), isStandIn: false };
  }
}

/**
 * Pages read by byte range, so the worker holds one page of a 150 MB scan at a time; a file
 * the range reader gives up on is loaded whole from then on.
 */
class ScanPdf implements PdfPages {
  private whole: Promise<WholePdf> | null = null;

  constructor(
    private readonly data: Blob,
    private range: RangePdf | null,
  ) {}

  static async open(data: Blob): Promise<ScanPdf> {
    const range = await RangePdf.open(blobSource(data)).catch((error: unknown) => {
      console.warn('Scan read whole: its cross-reference could not be followed', error);
      return null;
    });
    return new ScanPdf(data, range);
  }

  async copyPage(out: PDFDocument, index: number, standIn?: ImageStandIn): Promise<CopiedPage> {
    if (this.range) {
      try {
        return await this.range.copyPage(out, index, standIn);
      } catch (error) {
        if (error instanceof PageNotInScanError) throw error;
        console.warn(`Scan read whole from page ${index + 1} on`, error);
        this.range = null;
      }
    }
    this.whole ??= WholePdf.load(this.data);
    return (await this.whole).copyPage(out, index);
  }
}

/** A scan as the export uses it: a PDF's pages, or one photo ready to embed. */
export type LoadedScan =
  | { kind: 'pdf'; pages: PdfPages }
  | { kind: 'image'; image: ImageInput; isOverTarget: boolean; isPrepared?: boolean };

export async function loadScanData(
  data: Blob,
  budget: number,
  recompress: Recompressor | null,
  prepared: PreparedForExport['result'] | undefined,
): Promise<LoadedScan> {
  const kind = sniffKind(new Uint8Array(await data.slice(0, SNIFF_BYTES).arrayBuffer()));
  if (kind !== 'jpeg' && kind !== 'png') return { kind: 'pdf', pages: await ScanPdf.open(data) };
  const bytes = new Uint8Array(await data.arrayBuffer());
  let image: ImageInput = { bytes, kind };
  // A photo prepared at import from these very bytes: its encoding, or itself, as settled then.
  if (
    prepared &&
    kind === 'jpeg' &&
    bytes.length > budget &&
    prepared.source.bytes === bytes.length
  ) {
    if (prepared.kind === 'reencoded') {
      image = { bytes: new Uint8Array(await prepared.jpeg.arrayBuffer()), kind: 'jpeg' };
    }
    return { kind: 'image', image, isOverTarget: image.bytes.length > budget, isPrepared: true };
  }
  // A photo already within budget is embedded untouched: every re-encode loses detail.
  if (recompress && (kind === 'png' || bytes.length > budget)) {
    const result = await recompress(image, budget);
    // pdf-lib reads JPEG headers from the view's whole buffer: give it a buffer of its own.
    const smaller =
      result.byteOffset === 0 && result.byteLength === result.buffer.byteLength
        ? result
        : result.slice();
    if (kind === 'png' || smaller.length < bytes.length) image = { bytes: smaller, kind: 'jpeg' };
  }
  return { kind: 'image', image, isOverTarget: image.bytes.length > budget };
}

// Brings each page copied from a PDF scan to the book's size target: a page that is one JPEG
// over its budget gets the smaller encoding the search picks; the scan itself is never touched
// (this works on the export's copy of the page). A page used by two entries is re-encoded once.
import type { PDFDocument, PDFPage } from 'pdf-lib';
import {
  floorSize,
  hintFrom,
  imageDpi,
  pageImageBudget,
  reencodePage,
  type PageImageInfo,
  type Reencoded,
  type SearchHint,
} from './page-reencode';
import { replaceScanImage, scanImageOf } from './pdf-pages';
import type { PageCodecFactory } from './pdf-recompress';
import type { PreparedForExport } from './export-protocol';
import type { ImageStandIn } from './pdf-range';

export interface PageSizeOutcome {
  /** Whether the page's image was swapped for a smaller encoding. */
  isReencoded: boolean;
  /** The page's image is still over its budget. */
  isOverTarget: boolean;
  /** Legibility of the encoding that went out, when one was measured. */
  legibility: number | null;
  /** Settled at import: the stored preparation was used, no search ran. */
  isPrepared?: boolean;
}

/** The preparations of one export's target, by page key (`scanId#indexInScan`). */
export type PreparedPages = ReadonlyMap<string, PreparedForExport['result']>;

/** Whether a preparation was made from this very image (scans never change, but be sure). */
export function isPreparedFrom(
  prepared: PreparedForExport['result'],
  image: { width: number; height: number; bytes: number },
): boolean {
  const source = prepared.source;
  return (
    source.bytes === image.bytes && source.width === image.width && source.height === image.height
  );
}

/** A page that is not a single JPEG (vector pages, several images) goes out as scanned. */
const AS_SCANNED: PageSizeOutcome = { isReencoded: false, isOverTarget: false, legibility: null };

/** A scan page's image as the size search sees it: pixels, resolution, bytes and budget. */
export function scanPageInfo(
  image: { width: number; height: number; jpeg: Uint8Array },
  size: { width: number; height: number },
  targetBytesPerPage: number,
): PageImageInfo {
  return {
    width: image.width,
    height: image.height,
    dpi: imageDpi(image, size),
    bytes: image.jpeg.length,
    budget: pageImageBudget(targetBytesPerPage, size.width, size.height),
  };
}

export class ScanPageSizer {
  private readonly results = new Map<string, Promise<Reencoded>>();
  /** Where the last re-encoded page ended up; the next one starts there. */
  private hint: SearchHint | null = null;

  /**
   * @param usesLeft how many more times each page (by key) will be copied, so a result is kept
   *   only until its last use.
   * @param open decodes a page for re-encoding; null where there is no canvas (Node), which
   *   leaves pages as scanned and reports those over target.
   */
  constructor(
    private readonly targetBytesPerPage: number,
    private readonly open: PageCodecFactory | null,
    private readonly usesLeft: Map<string, number>,
    private readonly prepared: PreparedPages = new Map(),
  ) {}

  /**
   * The prepared encoding of the page under `key`, for the range reader to draw instead of the
   * scan's image when that image is the one it was made from: the scan's image is then never
   * read. A prepared encoding exists only for an image over its budget (prepare-core.ts).
   */
  standInFor(key: string): ImageStandIn | undefined {
    const ready = this.prepared.get(key);
    if (ready?.kind !== 'reencoded') return undefined;
    return async (image) =>
      isPreparedFrom(ready, image) ? new Uint8Array(await ready.jpeg.arrayBuffer()) : null;
  }

  /** The outcome of a page copied with its stand-in (see standInFor). */
  fitStandIn(key: string): PageSizeOutcome {
    const ready = this.prepared.get(key);
    this.usesLeft.set(key, (this.usesLeft.get(key) ?? 1) - 1);
    if (ready?.kind !== 'reencoded') throw new Error(`page ${key} has no prepared encoding`);
    return {
      isReencoded: true,
      isOverTarget: ready.isOverTarget,
      legibility: ready.legibility,
      isPrepared: true,
    };
  }

  async fit(out: PDFDocument, page: PDFPage, key: string): Promise<PageSizeOutcome> {
    const image = scanImageOf(out, page);
    const left = (this.usesLeft.get(key) ?? 1) - 1;
    this.usesLeft.set(key, left);
    if (!image) return AS_SCANNED;
    const info = scanPageInfo(image, page.getSize(), this.targetBytesPerPage);
    // Already within budget: every re-encode loses detail.
    if (info.bytes <= info.budget) return AS_SCANNED;
    const ready = this.prepared.get(key);
    if (ready && isPreparedFrom(ready, info)) {
      if (ready.kind === 'kept') {
        return {
          isReencoded: false,
          isOverTarget: ready.isOverTarget,
          legibility: null,
          isPrepared: true,
        };
      }
      const embedded = await out.embedJpg(new Uint8Array(await ready.jpeg.arrayBuffer()));
      replaceScanImage(out, page, image, embedded.ref);
      return {
        isReencoded: true,
        isOverTarget: ready.isOverTarget,
        legibility: ready.legibility,
        isPrepared: true,
      };
    }
    if (!this.open) return { isReencoded: false, isOverTarget: true, legibility: null };
    const open = this.open;
    let pending = this.results.get(key);
    if (!pending) {
      pending = (async () => {
        const codec = await open(image.jpeg, floorSize(info));
        try {
          const result = await reencodePage(info, codec, this.hint);
          this.hint = hintFrom(info, result) ?? this.hint;
          return result;
        } finally {
          codec.close();
        }
      })();
      this.results.set(key, pending);
    }
    if (left <= 0) this.results.delete(key);
    const result = await pending;
    if (result.kind === 'kept') {
      return { isReencoded: false, isOverTarget: result.isOverTarget, legibility: null };
    }
    const embedded = await out.embedJpg(result.bytes);
    replaceScanImage(out, page, image, embedded.ref);
    return {
      isReencoded: true,
      isOverTarget: result.isOverTarget,
      legibility: result.legibility,
    };
  }
}

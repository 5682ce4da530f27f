// What the screen and the page preparation worker say to each other: one page at a time.
import type { SearchHint } from './page-reencode';
import type { PrepareOutcome } from './prepare-core';

export type ToPrepareWorker =
  | {
      type: 'prepare';
      id: number;
      scanId: string;
      scan: Blob;
      indexInScan: number;
      targetBytesPerPage: number;
      hint: SearchHint | null;
    }
  /** The page's own image, for the preview of a page that goes out as scanned. */
  | { type: 'image'; id: number; scanId: string; scan: Blob; indexInScan: number };

export type FromPrepareWorker =
  | { type: 'prepared'; id: number; outcome: PrepareOutcome }
  | { type: 'image'; id: number; jpeg: Uint8Array | null }
  | { type: 'failed'; id: number; message: string };

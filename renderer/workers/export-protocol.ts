import type { BundleProblem } from '../../shared/bundle/plan';
import type { Acknowledgement } from '../../shared/validation/acknowledgements';

export interface ExportEntry {
  id: string;
  fields: Record<string, string>;
  /** The entry's pages, in order, as (scan, page index inside the scan). */
  pages: { scanId: string; indexInScan: number }[];
  /** Warnings kept with a reason; other warnings hold the bundle back. */
  acknowledgements: Acknowledgement[];
}

export interface ExportRequest {
  book: { type: string; year: number; quyenSo: string; templateVersion: string };
  entries: ExportEntry[];
  scans: { id: string; data: Blob }[];
  /** Size the entry PDFs aim for per page; photos are recompressed toward it (default 100 kB). */
  targetBytesPerPage?: number;
}

/** How large the entry PDFs came out, per page: the Ministry asks for about 100 kB. */
export interface PageBytesStats {
  targetBytesPerPage: number;
  /** Pages across all entry PDFs. */
  pages: number;
  /** All entry PDFs' bytes divided by their pages. */
  meanBytesPerPage: number;
  /** The entry PDF with the most bytes per page. */
  maxBytesPerPage: number;
  /** Pages made from photos rather than copied from a PDF scan. */
  imagePages: number;
  /** Photo pages still above the target at the smallest size and quality allowed. */
  imagePagesOverTarget: number;
}

export interface BuiltBundle {
  stem: string;
  xlsx: { name: string; data: Uint8Array<ArrayBuffer> };
  zip: { name: string; data: Uint8Array<ArrayBuffer> };
  pdfNames: string[];
  pageBytes: PageBytesStats;
}

export type ExportResult =
  { ok: true; bundle: BuiltBundle } | { ok: false; problems: BundleProblem[] };

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; result: ExportResult }
  | { type: 'failed'; message: string };

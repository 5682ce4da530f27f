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
}

export interface BuiltBundle {
  stem: string;
  xlsx: { name: string; data: Uint8Array<ArrayBuffer> };
  zip: { name: string; data: Uint8Array<ArrayBuffer> };
  pdfNames: string[];
}

export type ExportResult =
  { ok: true; bundle: BuiltBundle } | { ok: false; problems: BundleProblem[] };

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; result: ExportResult }
  | { type: 'failed'; message: string };

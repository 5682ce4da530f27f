// What the export screen and the export worker say to each other. The worker owns the heavy
// work (gate, PDFs, zip, re-reading); the screen owns the destination and answers the worker's
// write and read requests one at a time, so memory stays bounded by one entry's PDF.
import type { PdfNaming } from '../../shared/bundle/names';
import type { BundleProblem } from '../../shared/bundle/plan';
import type { RuleId } from '../../shared/validation/types';
import type { Acknowledgement } from '../../shared/validation/acknowledgements';

export type PageRotation = 0 | 90 | 180 | 270;

export interface ExportEntry {
  id: string;
  fields: Record<string, string>;
  /** The entry's pages, in order, as (scan, page index inside the scan, saved rotation). */
  pages: { scanId: string; indexInScan: number; rotation?: PageRotation }[];
  /** Warnings kept with a reason; other warnings hold the bundle back. */
  acknowledgements: Acknowledgement[];
}

export interface ExportRequest {
  book: {
    type: string;
    year: number;
    quyenSo: string;
    templateVersion: string;
    /** The book's naming conventions (shared/bundle/names.ts); absent: the defaults. */
    pdfNaming?: PdfNaming;
  };
  entries: ExportEntry[];
  /**
   * The book's entries this export leaves out: not written, but seen by the rules across
   * entries (repeated số, gaps), so the gate agrees with the form.
   */
  leftOut?: { id: string; fields: Record<string, string> }[];
  scans: { id: string; data: Blob }[];
  /** Size the entry PDFs aim for per page; photos are recompressed toward it (default 100 kB). */
  targetBytesPerPage?: number;
  /**
   * Pages made ready at import (prepare-core.ts). One is used only when it was made for this
   * export's target from the same scan image; other pages are re-encoded at export.
   */
  prepared?: PreparedForExport[];
}

/** The scan image a preparation was made from: the export checks the page still has it. */
export interface PreparedSourceImage {
  width: number;
  height: number;
  bytes: number;
}

/** A scan page (or photo, index 0) as prepared at import. */
export interface PreparedForExport {
  scanId: string;
  indexInScan: number;
  targetBytesPerPage: number;
  result:
    | {
        kind: 'reencoded';
        jpeg: Blob;
        legibility: number;
        isOverTarget: boolean;
        source: PreparedSourceImage;
      }
    | { kind: 'kept'; isOverTarget: boolean; source: PreparedSourceImage };
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
  /** Scan pages re-encoded to come within the target. */
  pagesReencoded: number;
  /** Pages still above the target: nothing smaller was legible, or there was no canvas. */
  pagesOverTarget: number;
  /** The over-target pages, by entry PDF and page number in it (from 1). */
  overTarget: { fileName: string; page: number }[];
  /** The lowest legibility (SSIM of ink at the floor resolution) among re-encoded pages. */
  lowestLegibility: number | null;
  /** PDF pages rebuilt because their scan shared one set of images between all pages. */
  pagesRebuilt: number;
  /** Pages (scan pages and photos) whose size was settled at import, not searched at export. */
  pagesPrepared?: number;
}

export type BundleFileKind = 'xlsx' | 'zip';

/** The gate passed: what will be written. */
export interface BundleOutline {
  stem: string;
  files: Record<BundleFileKind, string>;
  entryCount: number;
  pageCount: number;
  /**
   * The naming conventions used, and the entries named by them (no số, partial date), for the
   * report; the writing steps do not need them.
   */
  naming?: PdfNaming;
  byConvention?: { entryId: string; so: string; fileName: string; rule: RuleId }[];
}

export type GateResult =
  { ok: true; outline: BundleOutline } | { ok: false; problems: BundleProblem[] };

export interface WrittenFile {
  kind: BundleFileKind;
  name: string;
  bytes: number;
  /** Hex SHA-256 of the bytes as written. */
  sha256: string;
}

export interface WrittenBundle {
  stem: string;
  files: WrittenFile[];
  /** Each entry's PDF, in zip order, with its page count. */
  pdfs: { entryId: string; fileName: string; pages: number }[];
  pageBytes: PageBytesStats;
}

/** One thing the re-read found different from what was meant to be written. */
export interface VerifyProblem {
  check: 'workbook' | 'rowCount' | 'header' | 'zip' | 'pdfNames' | 'pageCount';
  params?: Record<string, string | number>;
}

export interface Verification {
  ok: boolean;
  rows: number;
  pdfs: number;
  pages: number;
  problems: VerifyProblem[];
}

/** What the re-read checks the written files against: the gate's plan. */
export interface VerifyPlan {
  rows: string[][];
}

export type ToWorker =
  | { type: 'gate'; request: ExportRequest }
  | { type: 'write' }
  /** To a fresh worker: the writing worker has ended, and its memory with it. */
  | { type: 'verify'; plan: VerifyPlan; written: WrittenBundle }
  | { type: 'ack'; id: number }
  | { type: 'read-result'; id: number; bytes: Uint8Array }
  | { type: 'io-failed'; id: number; message: string };

export type FromWorker =
  | { type: 'gated'; result: GateResult }
  | { type: 'progress'; phase: 'write' | 'verify'; done: number; total: number }
  | { type: 'chunk'; id: number; kind: BundleFileKind; bytes: Uint8Array }
  | { type: 'written'; bundle: WrittenBundle; plan: VerifyPlan }
  | { type: 'read'; id: number; kind: BundleFileKind; offset: number; length: number }
  | { type: 'verified'; verification: Verification }
  | { type: 'failed'; message: string };

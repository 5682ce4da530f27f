import type { PdfNaming } from '../../shared/bundle/names';
import type { RegisterTypeCode } from '../../shared/registers/types';
import type { Acknowledgement } from '../../shared/validation/acknowledgements';
import type { AuditAction } from '../../shared/workflow/audit-actions';
import type { EntryStatus, OfficerRole } from '../../shared/workflow/roles';
import type { StatusAfter, StatusFrom } from '../../shared/workflow/workflow';
import type { PinDigest } from './pin';

export type { AuditAction, EntryStatus, OfficerRole };

export interface Book {
  id: string;
  type: RegisterTypeCode;
  templateVersion: string;
  /** Book number as written on the cover, e.g. "01/2017". */
  quyenSo: string;
  /** Year the book was opened. */
  year: number;
  /** Defaults copied into every new entry. */
  noiDangKy: string;
  nguoiKy: string;
  chucVuNguoiKy: string;
  nguoiThucHien: string;
  expectedCount: number | null;
  /** Fields offered from the previous entry; absent: the template's usual ones. */
  carryForward?: string[];
  /** Size each exported PDF page aims for, in bytes; absent: 100 kB, as the Ministry asks. */
  exportTargetBytesPerPage?: number;
  /** Export entries still waiting for review too; absent or false: approved entries only. */
  exportSubmitted?: boolean;
  /** How PDFs are named and số written in the rows (shared/bundle/names.ts); absent: defaults. */
  pdfNaming?: Partial<PdfNaming>;
  /** Put away by an administrator: hidden from the book list and read-only until restored. */
  archived?: { by: string; at: number; reason?: string };
  createdAt: number;
  updatedAt: number;
}

export interface Scan {
  id: string;
  bookId: string;
  fileName: string;
  mimeType: string;
  size: number;
  /** The original file, kept as imported. */
  blob: Blob;
  pageCount: number;
  importedAt: number;
}

export interface Page {
  id: string;
  bookId: string;
  scanId: string;
  /** 0-based page index inside the scan file. */
  indexInScan: number;
  /** 0-based position of the page in the book's page sequence. */
  order: number;
  rotation: 0 | 90 | 180 | 270;
  /** The page number printed in the book, when the officer has mapped it ("12", "12a"). */
  bookPageNumber?: string;
}

/** A box around the entry on its page, as fractions of the page's width and height. */
export interface PageRegion {
  pageId: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface EntryRecord {
  id: string;
  bookId: string;
  templateVersion: string;
  /** Values keyed by the Ministry's field names; always strings, '' when empty. */
  fields: Record<string, string>;
  /** Pages holding this entry, in order. */
  pageIds: string[];
  /** Where the entry is on its page, drawn by the officer; shown whenever it is open. */
  region?: PageRegion;
  status: EntryStatus;
  createdAt: number;
  updatedAt: number;
  /** Bumped on every saved change; used later to merge work between PCs. */
  revision: number;
  /** The main person's name, accent-folded: an index for duplicate checks and search. */
  nameKey: string;
  /** Warnings the officer confirmed, each with the reason given. */
  acknowledgements: Acknowledgement[];
  /** Officer ids; absent on entries typed before officers existed. */
  createdBy?: string;
  updatedBy?: string;
  submittedBy?: string;
  submittedAt?: number;
  /** The latest review decision; kept when the entry is fixed and submitted again. */
  review?: ReviewDecision;
  /** Taken back to a draft from submitted or approved, by whom and why; cleared by approval. */
  reopened?: Reopening;
  /** Why the entry was voided (status 'voided'), or restored since; kept for the record. */
  voided?: Voiding;
}

/** An entry voided: the status it had, who voided it, when and why; and its restoring. */
export interface Voiding {
  from: StatusFrom<'void'>;
  by: string;
  at: number;
  reason: string;
  /** Set when a supervisor restored the entry (it is a draft again). */
  restored?: { by: string; at: number; reason: string };
}

export interface Reopening {
  from: StatusFrom<'reopen'>;
  by: string;
  at: number;
  reason: string;
}

/** A reviewer's note on one field, shown beside it when the entry comes back. */
export interface FieldComment {
  field: string;
  text: string;
}

export interface ReviewDecision {
  decision: StatusAfter<'approve' | 'reject'>;
  by: string;
  at: number;
  /** Why it was rejected; empty for an approval. */
  reason: string;
  comments: FieldComment[];
}

/**
 * One line of the append-only audit log. Each event carries the hash of the one before it, so
 * editing, removing or reordering any event breaks the chain (see audit-chain.ts).
 */
export interface AuditEvent {
  seq?: number;
  at: number;
  entity: 'book' | 'scan' | 'record' | 'officer' | 'setting' | 'database';
  entityId: string;
  action: AuditAction;
  field?: string;
  oldValue?: string;
  newValue?: string;
  /** The officer who did it; '' for events from before officers existed. */
  by: string;
  /** Why, where the app asked (a rejection, a kept warning). */
  reason?: string;
  prevHash: string;
  hash: string;
}

/** An officer: Nhập liệu, Rà soát or Quản trị. */
export interface Person {
  id: string;
  name: string;
  role: OfficerRole;
  createdAt: number;
  pin?: PinDigest;
  /** Reviewers may check a sample of a trusted officer's entries instead of every one. */
  trusted?: boolean;
  /** A former officer stays in the trail but can no longer sign in. */
  active?: boolean;
}

export interface Setting {
  key: string;
  value: unknown;
}

export interface ExportRun {
  id: string;
  bookId: string;
  at: number;
  /** The officer who exported, once sign-in exists. */
  by?: string;
  entryIds: string[];
  /** Each entry's revision as it went out, so a later export can take only what is new. */
  revisions?: Record<string, number>;
  /** Whole book, entries ready then, or entries not yet exported; absent: whole book. */
  scope?: 'whole' | 'ready' | 'notExported';
  /** Entries of the book left out of this bundle (not ready then), by id. */
  heldBack?: string[];
  /** As written; sha256 (hex) from exports that streamed the bundle. */
  files: { name: string; bytes: number; sha256?: string }[];
  /** Where the files went: a folder path, or '' for the browser's downloads. */
  folder?: string;
  /** What the re-read after writing found. */
  verified?: { rows: number; pdfs: number; pages: number };
  /** The audit chain's length and last hash just after the export (audit-anchors.ts). */
  auditHead?: { count: number; hash: string };
}

/** An entry's content when it last went out in, or came in from, a work package. */
export interface ExchangeState {
  /** The entry's id. */
  id: string;
  bookId: string;
  /** Content hash (see work-package-merge.ts) at the last exchange. */
  hash: string;
  at: number;
}

/** An entry changed on this PC and on another since they last exchanged it. */
export interface EntryConflict {
  /** The entry's id. */
  id: string;
  bookId: string;
  /** The other PC's version, as it arrived. */
  theirs: EntryRecord;
  theirsHash: string;
  /** File the other version came from, for the supervisor. */
  source: string;
  receivedAt: number;
}

/**
 * A scan page made ready for export in the background after import, so the export need not
 * search for its size: the export-ready JPEG, or why the page goes out as scanned. Kept per
 * page of a scan; the scan's own file is never changed.
 */
/** A person's decision on an entry and an extract row (reconciliation, issue 17). */
export interface ReconcileDecision {
  /** `${sohoaId}|${extractKey}`. */
  id: string;
  sohoaId: string;
  /** The extract row's key (reconcile-extract.ts): the same for the same row in a later extract. */
  extractKey: string;
  verdict: 'same' | 'different';
  by: string;
  at: number;
}

export interface PreparedPage {
  /** `${scanId}#${indexInScan}`. */
  id: string;
  bookId: string;
  scanId: string;
  indexInScan: number;
  /** The book's per-page target it was made for; a changed target prepares the page again. */
  targetBytesPerPage: number;
  preparedAt: number;
  result: PreparedResult;
}

export type PreparedResult =
  /** A smaller encoding of the page's image, found by the same search the export runs. */
  | {
      kind: 'reencoded';
      jpeg: Blob;
      width: number;
      height: number;
      dpi: number;
      jpegQuality: number;
      legibility: number;
      isOverTarget: boolean;
      /** The scan image it was made from, so the export can tell it still matches. */
      source: PreparedSource;
    }
  /** The scan's own image goes out: within the target, or nothing smaller stayed legible. */
  | { kind: 'kept'; isOverTarget: boolean; source: PreparedSource }
  /** Within its budget (told by sizes alone, no decoding): goes out as scanned. */
  | { kind: 'withinTarget' }
  /** Not one plain JPEG (vector page, several images): goes out as scanned. */
  | { kind: 'notSingleJpeg' }
  /** Preparing failed; the export re-encodes this page itself. */
  | { kind: 'failed'; message: string };

export interface PreparedSource {
  width: number;
  height: number;
  bytes: number;
}

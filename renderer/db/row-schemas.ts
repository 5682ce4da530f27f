// The shape of every stored row, declared once as zod: the row types (types.ts) are inferred
// from these schemas, and every row read back from a file is checked against them (backup-rows.ts).
// Defaults fill what older files did not store; a value this code would not write is refused.
// Rows keep fields they do not name, so data written by newer code of the same schema survives.
import { z } from 'zod';
import type { PdfNaming } from '../../shared/bundle/names';
import { getTemplate, registerTypes } from '../../shared/registers';
import type { RegisterTypeCode } from '../../shared/registers/types';
import type { RuleId } from '../../shared/validation/types';
import type { AuditAction } from '../../shared/workflow/audit-actions';
import { officerRoles } from '../../shared/workflow/roles';
import {
  entryStatuses,
  entryWorkflow,
  type EntryEvent,
  type StatusAfter,
  type StatusFrom,
} from '../../shared/workflow/workflow';
import { nameKeyOf } from './name-key';
import { keyingMarks } from './row-schemas-keying';

export { arbitrationRow, keyingMarks, keyingRow, keyingSampleRow } from './row-schemas-keying';

const id = z.string().min(1);
const time = z.number().finite();
const text = z.string();

const knownTemplate = z.string().refine((version) => {
  try {
    getTemplate(version);
    return true;
  } catch {
    return false;
  }
}, 'unknown register template');

const registerType = z.custom<RegisterTypeCode>(
  (value) => registerTypes.some((info) => info.type === value),
  'unknown register type',
);

/** A status an entry may leave by `event`, read from the workflow table. */
function statusFrom<E extends EntryEvent>(event: E) {
  // An event may have several rows (reopening, guarded apart while an entry is double keyed).
  const from: readonly string[] = entryWorkflow.transitions
    .filter((transition) => transition.event === event)
    .flatMap((transition) => transition.from);
  return z.custom<StatusFrom<E>>((value) => typeof value === 'string' && from.includes(value));
}

/** A status `events` lead to, read from the workflow table. */
function statusAfter<E extends EntryEvent>(...events: E[]) {
  const to = entryWorkflow.transitions
    .filter((transition) => (events as readonly string[]).includes(transition.event))
    .map((transition) => transition.to as string);
  return z.custom<StatusAfter<E>>((value) => typeof value === 'string' && to.includes(value));
}

// Rule ids and audit actions are kept as written: an event or a confirmed warning of a rule
// since renamed stays readable, so the log and the entry still come back whole.
const ruleId = z.custom<RuleId>((value) => typeof value === 'string');
const auditAction = z.custom<AuditAction>((value) => typeof value === 'string');

const pdfNaming = z.object({
  so: z.enum(['pad3', 'asWritten']),
  partialDate: z.enum(['zeros', 'firstDay']),
  missingSo: z.enum(['zeros', 'null']),
}) satisfies z.ZodType<PdfNaming>;

export const bookRow = z.looseObject({
  id,
  type: registerType,
  templateVersion: knownTemplate,
  /** Book number as written on the cover, e.g. "01/2017". */
  quyenSo: text,
  /** Year the book was opened. */
  year: z.number().int(),
  /** Defaults copied into every new entry. */
  noiDangKy: text.default(''),
  nguoiKy: text.default(''),
  chucVuNguoiKy: text.default(''),
  nguoiThucHien: text.default(''),
  expectedCount: z.number().int().nullable().default(null),
  /** Fields offered from the previous entry; absent: the template's usual ones. */
  carryForward: z.array(text).optional(),
  /**
   * Size each exported PDF page aims for, in bytes; absent: 100 kB, as the Ministry asks. A size
   * that means nothing (an emptied field saved as 0) is read back as absent, not refused.
   */
  exportTargetBytesPerPage: z.number().positive().optional().catch(undefined),
  /** Export entries still waiting for review too; absent or false: approved entries only. */
  exportSubmitted: z.boolean().optional(),
  /** How PDFs are named and số written in the rows (shared/bundle/names.ts); absent: defaults. */
  pdfNaming: pdfNaming.partial().optional(),
  /**
   * How its entries are checked: 'single' (absent) one keying and a reviewer's look; 'double'
   * blind double keying, a third officer settling the fields the two keyings disagree on.
   */
  checking: z.enum(['single', 'double']).optional(),
  /** In a double-keyed book, arbitrated entries still wait for a reviewer; absent: approved. */
  reviewAfterArbitration: z.boolean().optional(),
  /** Put away by an administrator: hidden from the book list and read-only until restored. */
  archived: z.object({ by: text, at: time, reason: text.optional() }).optional(),
  createdAt: time,
  updatedAt: time,
});

export const scanRow = z.looseObject({
  id,
  bookId: id,
  fileName: text,
  mimeType: text,
  size: z.number().int().nonnegative(),
  /** The original file, kept as imported. */
  blob: z.instanceof(Blob),
  pageCount: z.number().int().nonnegative(),
  importedAt: time,
});

export const pageRow = z.looseObject({
  id,
  bookId: id,
  scanId: id,
  /** 0-based page index inside the scan file. */
  indexInScan: z.number().int().nonnegative(),
  /** 0-based position of the page in the book's page sequence. */
  order: z.number().int().nonnegative(),
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  /** The page number printed in the book, when the officer has mapped it ("12", "12a"). */
  bookPageNumber: text.optional(),
});

/** A box around the entry on its page, as fractions of the page's width and height. */
export const pageRegion = z.object({
  pageId: id,
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
});

export const acknowledgement = z.object({
  field: text,
  rule: ruleId,
  /** The subject, when it has one (see Issue.subject). */
  subject: text.optional(),
  reason: text,
  at: time,
  by: text.optional(),
});

/** An entry voided: the status it had, who voided it, when and why; and its restoring. */
export const voiding = z.object({
  from: statusFrom('void'),
  by: text,
  at: time,
  reason: text,
  /** Set when a supervisor restored the entry (it is a draft again). */
  restored: z.object({ by: text, at: time, reason: text }).optional(),
});

export const reopening = z.object({
  from: statusFrom('reopen'),
  by: text,
  at: time,
  reason: text,
});

/** A reviewer's note on one field, shown beside it when the entry comes back. */
export const fieldComment = z.object({ field: text, text });

export const reviewDecision = z.object({
  decision: statusAfter('approve', 'reject'),
  by: text,
  at: time,
  /** Why it was rejected; empty for an approval. */
  reason: text,
  comments: z.array(fieldComment),
});

export const recordRow = z
  .looseObject({
    id,
    bookId: id,
    templateVersion: knownTemplate,
    /** Values keyed by the Ministry's field names; always strings, '' when empty. */
    fields: z.record(text, text),
    /** Pages holding this entry, in order. */
    pageIds: z.array(text).default([]),
    /** Where the entry is on its page, drawn by the officer; shown whenever it is open. */
    region: pageRegion.optional(),
    status: z.enum(entryStatuses),
    createdAt: time,
    updatedAt: time,
    /** Bumped on every saved change; used to merge work between PCs. */
    revision: z.number().int().positive(),
    /** The main person's name, accent-folded: an index for duplicate checks and search. */
    nameKey: text.optional(),
    /** Warnings the officer confirmed, each with the reason given. */
    acknowledgements: z.array(acknowledgement).default([]),
    /** Officer ids; absent on entries typed before officers existed. */
    createdBy: text.optional(),
    updatedBy: text.optional(),
    submittedBy: text.optional(),
    submittedAt: time.optional(),
    /** The latest review decision; kept when the entry is fixed and submitted again. */
    review: reviewDecision.optional(),
    /** Taken back to a draft from submitted or approved, by whom and why; cleared by approval. */
    reopened: reopening.optional(),
    /** Why the entry was voided (status 'voided'), or restored since; kept for the record. */
    voided: voiding.optional(),
    /** Blind double keying: who keyed it first (a) and second (b), and who settled it. */
    keying: keyingMarks.optional(),
  })
  .transform((record) => ({
    ...record,
    // Derived data: recomputed, so an old or edited file cannot make search miss an entry.
    nameKey: nameKeyOf(getTemplate(record.templateVersion), record.fields),
  }));

const pinDigest = z.object({
  algorithm: z.literal('PBKDF2-SHA-256'),
  iterations: z.number().int().positive(),
  /** Base64. */
  salt: text,
  /** Base64. */
  hash: text,
});

/** An officer: Nhập liệu, Rà soát or Quản trị. */
export const personRow = z.looseObject({
  id,
  name: text,
  role: z.enum(officerRoles),
  createdAt: time,
  pin: pinDigest.optional(),
  /** Reviewers may check a sample of a trusted officer's entries instead of every one. */
  trusted: z.boolean().optional(),
  /** A former officer stays in the trail but can no longer sign in. */
  active: z.boolean().optional(),
});

/**
 * One line of the append-only audit log. Each event carries the hash of the one before it, so
 * editing, removing or reordering any event breaks the chain (see audit-chain.ts).
 */
export const auditRow = z.looseObject({
  seq: z.number().int().optional(),
  at: time,
  entity: z.enum(['book', 'scan', 'record', 'officer', 'setting', 'database']),
  entityId: text,
  action: auditAction,
  field: text.optional(),
  oldValue: text.optional(),
  newValue: text.optional(),
  /** The officer who did it; '' for events from before officers existed. */
  by: text,
  /** Why, where the app asked (a rejection, a kept warning). */
  reason: text.optional(),
  /**
   * The PC that wrote it (its installation id), so two PCs' logs put side by side never mix up
   * their events; absent on events written before v7 and where the PC's id could not be read.
   */
  pc: text.optional(),
  prevHash: text,
  hash: text,
});

export const settingRow = z.looseObject({ key: id, value: z.unknown() });

export const exportRow = z.looseObject({
  id,
  bookId: id,
  at: time,
  /** The officer who exported. */
  by: text.optional(),
  entryIds: z.array(text),
  /** Each entry's revision as it went out, so a later export can take only what is new. */
  revisions: z.record(text, z.number()).optional(),
  /** Whole book, entries ready then, or entries not yet exported; absent: whole book. */
  scope: z.enum(['whole', 'ready', 'notExported']).optional(),
  /** Entries of the book left out of this bundle (not ready then), by id. */
  heldBack: z.array(text).optional(),
  /** As written; sha256 (hex) from exports that streamed the bundle. */
  files: z.array(z.object({ name: text, bytes: z.number(), sha256: text.optional() })),
  /** Where the files went: a folder path, or '' for the browser's downloads. */
  folder: text.optional(),
  /** What the re-read after writing found. */
  verified: z.object({ rows: z.number(), pdfs: z.number(), pages: z.number() }).optional(),
  /** The audit chain's length and last hash just after the export (audit-anchors.ts). */
  auditHead: z.object({ count: z.number().int(), hash: text }).optional(),
});

/** An entry's content when it last went out in, or came in from, a work package. */
export const exchangeRow = z.looseObject({
  /** The entry's id. */
  id,
  bookId: id,
  /** Content hash (see work-package-merge.ts) at the last exchange. */
  hash: z.string().min(1),
  at: time,
});

/** An entry changed on this PC and on another since they last exchanged it. */
export const conflictRow = z.looseObject({
  /** The entry's id. */
  id,
  bookId: id,
  /** The other PC's version, as it arrived. */
  theirs: recordRow,
  theirsHash: z.string().min(1),
  /** File the other version came from, for the supervisor. */
  source: text,
  receivedAt: time,
});

export const preparedSource = z.object({
  width: z.number(),
  height: z.number(),
  bytes: z.number(),
});

export const preparedResult = z.discriminatedUnion('kind', [
  /** A smaller encoding of the page's image, found by the same search the export runs. */
  z.object({
    kind: z.literal('reencoded'),
    jpeg: z.instanceof(Blob),
    width: z.number(),
    height: z.number(),
    dpi: z.number(),
    jpegQuality: z.number(),
    legibility: z.number(),
    isOverTarget: z.boolean(),
    /** The scan image it was made from, so the export can tell it still matches. */
    source: preparedSource,
  }),
  /** The scan's own image goes out: within the target, or nothing smaller stayed legible. */
  z.object({ kind: z.literal('kept'), isOverTarget: z.boolean(), source: preparedSource }),
  /** Within its budget (told by sizes alone, no decoding): goes out as scanned. */
  z.object({ kind: z.literal('withinTarget') }),
  /** Not one plain JPEG (vector page, several images): goes out as scanned. */
  z.object({ kind: z.literal('notSingleJpeg') }),
  /** Preparing failed; the export re-encodes this page itself. */
  z.object({ kind: z.literal('failed'), message: text }),
]);

/**
 * A scan page made ready for export in the background after import, so the export need not
 * search for its size: the export-ready JPEG, or why the page goes out as scanned. Kept per
 * page of a scan; the scan's own file is never changed.
 */
export const preparedPageRow = z.looseObject({
  /** `${scanId}#${indexInScan}`. */
  id,
  bookId: id,
  scanId: id,
  indexInScan: z.number().int().nonnegative(),
  /** The book's per-page target it was made for; a changed target prepares the page again. */
  targetBytesPerPage: z.number(),
  preparedAt: time,
  result: preparedResult,
});

/** A reviewer's verdict on an entry and an extract row the linker was unsure of. */
export const reconcileDecisionRow = z.looseObject({
  /** `${sohoaId}|${extractKey}`. */
  id,
  sohoaId: id,
  /** The extract row's key: the same for the same row in a later extract. */
  extractKey: z.string(),
  verdict: z.enum(['same', 'different']),
  by: z.string(),
  at: time,
});

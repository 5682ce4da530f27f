// How an entry arriving from another PC meets the one here. Each side remembers, per entry, the
// content it last sent or received (its "base"); a package carries the sender's base too. An
// entry is taken over only when the other side's version was built on exactly what is here;
// it is kept when the other side sent back what was last exchanged; anything else is a
// conflict for a supervisor. Nothing is overwritten silently.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { EntryRecord } from './types';

/** JSON with object keys sorted at every level, so equal content gives equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * What an officer typed or decided about an entry. Bookkeeping (revision, timestamps, derived
 * name key, who saved it) is left out: two PCs reaching the same content agree.
 */
export function contentOf(record: EntryRecord): Record<string, unknown> {
  const fields = Object.fromEntries(Object.entries(record.fields).filter(([, v]) => v !== ''));
  return {
    bookId: record.bookId,
    templateVersion: record.templateVersion,
    fields,
    pageIds: record.pageIds,
    region: record.region ?? null,
    status: record.status,
    acknowledgements: record.acknowledgements.map(({ field, rule, reason }) => ({
      field,
      rule,
      reason,
    })),
  };
}

/** Synchronous, so it can run inside a Dexie transaction without ending it. */
export function contentHash(record: EntryRecord): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(contentOf(record)))));
}

export type MergeDecision =
  /** Not here yet: added. */
  | 'add'
  /** Same content on both sides: nothing to do. */
  | 'same'
  /** Only the other side changed it since: their version replaces this one. */
  | 'take-theirs'
  /** Only this side changed it since: ours stays. */
  | 'keep-mine'
  /** Both changed it: a supervisor chooses. */
  | 'conflict';

export interface MergeInput {
  /** The entry here, if any. */
  mine: EntryRecord | undefined;
  /** Content hash of the entry here at its last exchange, if it was ever exchanged. */
  myBase: string | undefined;
  theirs: EntryRecord;
  /** The sender's base for the entry when it packed it, if the sender had one. */
  theirBase: string | undefined;
}

export function decideMerge({ mine, myBase, theirs, theirBase }: MergeInput): MergeDecision {
  if (!mine) return 'add';
  const mineHash = contentHash(mine);
  const theirsHash = contentHash(theirs);
  if (mineHash === theirsHash) return 'same';
  if (theirBase !== undefined && theirBase === mineHash) return 'take-theirs';
  if (myBase !== undefined && myBase === theirsHash) return 'keep-mine';
  return 'conflict';
}

/**
 * An entry as another PC sent it, without an approval this PC cannot verify: a file can be
 * edited by anyone, so "approved" in it proves nothing. Such an entry arrives waiting for
 * review here; a rejection, which only asks for more work, arrives as it was.
 */
export function withoutForeignApproval(record: EntryRecord): EntryRecord {
  if (record.status !== 'approved' && record.review?.decision !== 'approved') return record;
  const { review, ...rest } = record;
  return {
    ...rest,
    status: record.status === 'approved' ? 'submitted' : record.status,
    ...(review && review.decision !== 'approved' ? { review } : {}),
  };
}

export interface MergeSummary {
  /** Entries approved on the other PC that arrived waiting for review here. */
  approvalsWithheld: number;
  added: number;
  same: number;
  tookTheirs: number;
  keptMine: number;
  conflicts: number;
  /**
   * Entries of books archived here, left as they are: the file is merged again once an
   * administrator restores the book.
   */
  inArchivedBooks: number;
  books: number;
  scans: number;
}

export const emptySummary = (): MergeSummary => ({
  approvalsWithheld: 0,
  added: 0,
  same: 0,
  tookTheirs: 0,
  keptMine: 0,
  conflicts: 0,
  inArchivedBooks: 0,
  books: 0,
  scans: 0,
});

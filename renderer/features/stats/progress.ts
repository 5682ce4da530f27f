// Progress and statistics from the stored books, entries and audit log. Pure: the screen reads
// the tables and hands them over, so every number here is tested without a database.
import { getTemplate } from '../../../shared/registers';
import {
  entryWorkflow,
  isSetAside,
  ruleOf,
  type Workflow,
} from '../../../shared/workflow/workflow';
import type { AuditAction, AuditEvent, Book, EntryRecord, Person } from '../../db/types';
import { isBlankEntry } from '../../../shared/registers/blank-entry';

/** Two actions further apart than this are two sittings, not one hour of work. */
export const IDLE_GAP_MS = 15 * 60 * 1000;
/** Below this much work a pace says more about chance than about the officer. */
export const MIN_MEASURED_MS = 10 * 60 * 1000;

export interface BookProgress {
  bookId: string;
  type: string;
  /** What the book should hold once done; null when nobody said. */
  expected: number | null;
  /** Entries with something typed in; blank ones are counted apart. */
  entered: number;
  draft: number;
  /** Waiting for review. */
  submitted: number;
  approved: number;
  rejected: number;
  /** Double keying: waiting for the second keying, for arbitration, and settled (for review). */
  keyedOnce: number;
  keyedTwice: number;
  arbitrated: number;
  /** Entries nothing was typed into (blank-entry.ts): not work done, whatever their status. */
  blank: number;
  /** Entries voided with a reason: kept, but not work done, typed or not. */
  voided: number;
  /** Approved share of the expected count, 0–100; null when the book has none to measure by. */
  percentDone: number | null;
}

export interface OfficerStats {
  officerId: string;
  name: string;
  /** Entries this officer created that hold something typed. */
  created: number;
  /** Entries this officer created that are still blank. */
  blank: number;
  /** Entries this officer created that were voided since. */
  voided: number;
  submitted: number;
  /** Review decisions this officer took, on anyone's entries. */
  approved: number;
  rejected: number;
  /** Time between their actions, leaving out pauses longer than IDLE_GAP_MS. */
  activeMs: number;
  /** null until there is MIN_MEASURED_MS of work to measure. */
  entriesPerHour: number | null;
  /** Review decisions on their own entries, whoever took them, and how many were rejections. */
  decisions: number;
  rejections: number;
  /** Rejections out of decisions, 0–100; null before any decision. */
  rejectionRate: number | null;
}

export interface DayStats {
  /** YYYY-MM-DD in local time. */
  day: string;
  /** Entries created that day that hold something typed; blank and voided ones are apart. */
  created: number;
  blank: number;
  /** Entries created that day and voided since: no typed work, whatever they hold. */
  voided: number;
  submitted: number;
  /** Double keying: first keyings sent on, second keyings finished, entries settled. */
  sentToSecondKeying: number;
  secondKeyed: number;
  arbitrated: number;
  approved: number;
  rejected: number;
}

/** What the books of one type did, the books with an expected count apart from the others. */
export interface TypeProgress {
  type: string;
  /** Books with an expected count: what they should hold, and progress measured against it. */
  targeted: { books: number; expected: number; entered: number; approved: number };
  /** Approved out of the targeted books' expected count, 0–100; null without such books. */
  percentDone: number | null;
  /** Books nobody gave a count: what was done there, with nothing to measure it against. */
  untargeted: { books: number; entered: number; approved: number };
  blank: number;
  voided: number;
}

/** The entries nothing was typed into, by id. */
export function blankEntryIds(records: readonly EntryRecord[]): Set<string> {
  const ids = new Set<string>();
  for (const record of records) {
    if (isBlankEntry(getTemplate(record.templateVersion), record.fields)) ids.add(record.id);
  }
  return ids;
}

function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}

/**
 * A book's entries counted by status, as the workflow table lists them: entries set apart
 * (voided) under `setAside` whatever their content, blank ones under `blank`, the rest under
 * their status; `entered` is every entry of work with something typed.
 */
export function statusCounts(
  bookId: string,
  records: readonly Pick<EntryRecord, 'id' | 'bookId' | 'status'>[],
  blankIds: ReadonlySet<string>,
  workflow: Workflow = entryWorkflow,
): { byStatus: Record<string, number>; entered: number; blank: number; setAside: number } {
  const byStatus = Object.fromEntries(workflow.statuses.map((status) => [status, 0]));
  let blank = 0;
  let setAside = 0;
  for (const record of records) {
    if (record.bookId !== bookId) continue;
    if (isSetAside(record.status, workflow)) setAside += 1;
    else if (blankIds.has(record.id)) blank += 1;
    else byStatus[record.status] = (byStatus[record.status] ?? 0) + 1;
  }
  const entered = workflow.statuses
    .filter((status) => ruleOf(status, workflow).tally === 'work')
    .reduce((sum, status) => sum + (byStatus[status] ?? 0), 0);
  return { byStatus, entered, blank, setAside };
}

export function bookProgress(
  book: Book,
  records: readonly EntryRecord[],
  blankIds: ReadonlySet<string>,
  workflow: Workflow = entryWorkflow,
): BookProgress {
  const { byStatus, entered, blank, setAside } = statusCounts(book.id, records, blankIds, workflow);
  const counts = {
    draft: byStatus.draft ?? 0,
    submitted: byStatus.submitted ?? 0,
    approved: byStatus.approved ?? 0,
    rejected: byStatus.rejected ?? 0,
    keyedOnce: byStatus.keyedOnce ?? 0,
    keyedTwice: byStatus.keyedTwice ?? 0,
    arbitrated: byStatus.arbitrated ?? 0,
  };
  return {
    bookId: book.id,
    type: book.type,
    expected: book.expectedCount,
    entered,
    ...counts,
    blank,
    voided: setAside,
    percentDone: book.expectedCount === null ? null : percent(counts.approved, book.expectedCount),
  };
}

/**
 * The provinces' report: one line per register type, books of a type added together. Books
 * without an expected count are added apart: counting what they hold as their target would
 * make them look done and the type's share look larger than it is.
 */
export function progressByType(books: readonly BookProgress[]): TypeProgress[] {
  const byType = new Map<string, TypeProgress>();
  for (const book of books) {
    const line = byType.get(book.type) ?? {
      type: book.type,
      targeted: { books: 0, expected: 0, entered: 0, approved: 0 },
      percentDone: null,
      untargeted: { books: 0, entered: 0, approved: 0 },
      blank: 0,
      voided: 0,
    };
    if (book.expected === null) {
      line.untargeted.books += 1;
      line.untargeted.entered += book.entered;
      line.untargeted.approved += book.approved;
    } else {
      line.targeted.books += 1;
      line.targeted.expected += book.expected;
      line.targeted.entered += book.entered;
      line.targeted.approved += book.approved;
    }
    line.blank += book.blank;
    line.voided += book.voided;
    byType.set(book.type, line);
  }
  return [...byType.values()].map((line) => ({
    ...line,
    percentDone:
      line.targeted.books > 0 ? percent(line.targeted.approved, line.targeted.expected) : null,
  }));
}

/** Sum of the gaps between consecutive actions, pauses longer than IDLE_GAP_MS left out. */
export function activeTime(times: readonly number[], idleGapMs = IDLE_GAP_MS): number {
  const sorted = [...times].sort((a, b) => a - b);
  let total = 0;
  for (let i = 1; i < sorted.length; i += 1) {
    const gap = sorted[i]! - sorted[i - 1]!;
    if (gap <= idleGapMs) total += gap;
  }
  return total;
}

const isRecordEvent = (event: AuditEvent) => event.entity === 'record';

/**
 * Each action is credited to whoever took it, as the audit log says: entries created and
 * submitted to their keyer, approvals and rejections to their reviewer. The rejection rate is
 * the one figure about others' actions, and says so: decisions on this officer's entries.
 */
export function officerStats(
  people: readonly Person[],
  records: readonly EntryRecord[],
  events: readonly AuditEvent[],
  blankIds: ReadonlySet<string>,
  workflow: Workflow = entryWorkflow,
): OfficerStats[] {
  const ownerOf = new Map(records.map((record) => [record.id, record.createdBy]));
  const voidedIds = new Set(
    records.filter((record) => isSetAside(record.status, workflow)).map((record) => record.id),
  );
  return people.map((person) => {
    const own = events.filter((event) => event.by === person.id && isRecordEvent(event));
    const count = (action: AuditAction) => own.filter((e) => e.action === action).length;
    const creations = own.filter((e) => e.action === 'create');
    const voided = creations.filter((e) => voidedIds.has(e.entityId)).length;
    const blank = creations.filter(
      (e) => blankIds.has(e.entityId) && !voidedIds.has(e.entityId),
    ).length;
    const created = creations.length - blank - voided;
    const submitted = count('submit');
    const decisions = events.filter(
      (e) =>
        isRecordEvent(e) &&
        (e.action === 'approve' || e.action === 'reject') &&
        ownerOf.get(e.entityId) === person.id,
    );
    const rejections = decisions.filter((e) => e.action === 'reject').length;
    const activeMs = activeTime(own.map((e) => e.at));
    return {
      officerId: person.id,
      name: person.name,
      created,
      blank,
      voided,
      submitted,
      approved: count('approve'),
      rejected: count('reject'),
      activeMs,
      entriesPerHour:
        activeMs >= MIN_MEASURED_MS
          ? Math.round((created / (activeMs / 3_600_000)) * 10) / 10
          : null,
      decisions: decisions.length,
      rejections,
      rejectionRate: decisions.length > 0 ? percent(rejections, decisions.length) : null,
    };
  });
}

export function localDay(at: number): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const dayColumn: Partial<Record<AuditAction, keyof Omit<DayStats, 'day'>>> = {
  create: 'created',
  submit: 'submitted',
  'key-first': 'sentToSecondKeying',
  'key-second': 'secondKeyed',
  arbitrate: 'arbitrated',
  approve: 'approved',
  reject: 'rejected',
};

/** What happened to entries each day, newest day first; blank and voided entries apart. */
export function dailyStats(
  events: readonly AuditEvent[],
  blankIds: ReadonlySet<string>,
  voidedIds: ReadonlySet<string>,
  dayOf = localDay,
): DayStats[] {
  const byDay = new Map<string, DayStats>();
  for (const event of events) {
    let column = isRecordEvent(event) ? dayColumn[event.action] : undefined;
    if (!column) continue;
    if (column === 'created' && voidedIds.has(event.entityId)) column = 'voided';
    else if (column === 'created' && blankIds.has(event.entityId)) column = 'blank';
    const day = dayOf(event.at);
    const line = byDay.get(day) ?? {
      day,
      created: 0,
      blank: 0,
      voided: 0,
      submitted: 0,
      sentToSecondKeying: 0,
      secondKeyed: 0,
      arbitrated: 0,
      approved: 0,
      rejected: 0,
    };
    line[column] += 1;
    byDay.set(day, line);
  }
  return [...byDay.values()].sort((a, b) => b.day.localeCompare(a.day));
}

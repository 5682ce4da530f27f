// Progress and statistics from the stored books, entries and audit log. Pure: the screen reads
// the tables and hands them over, so every number here is tested without a database.
import type { AuditEvent, Book, EntryRecord, Person } from '../../db/types';

/** Two actions further apart than this are two sittings, not one hour of work. */
export const IDLE_GAP_MS = 15 * 60 * 1000;
/** Below this much work a pace says more about chance than about the officer. */
export const MIN_MEASURED_MS = 10 * 60 * 1000;

export interface BookProgress {
  bookId: string;
  type: string;
  /** What the book should hold once done; null when nobody said. */
  expected: number | null;
  entered: number;
  draft: number;
  /** Waiting for review. */
  submitted: number;
  approved: number;
  rejected: number;
  /** Approved share of the expected count (of the entered count when none was given), 0–100. */
  percentDone: number;
}

export interface OfficerStats {
  officerId: string;
  name: string;
  /** Entries this officer created. */
  created: number;
  submitted: number;
  /** Time between their actions, leaving out pauses longer than IDLE_GAP_MS. */
  activeMs: number;
  /** null until there is MIN_MEASURED_MS of work to measure. */
  entriesPerHour: number | null;
  /** Review decisions on their entries, and how many of them were rejections. */
  decisions: number;
  rejections: number;
  /** Rejections out of decisions, 0–100; null before any decision. */
  rejectionRate: number | null;
}

export interface DayStats {
  /** YYYY-MM-DD in local time. */
  day: string;
  created: number;
  submitted: number;
  approved: number;
  rejected: number;
}

export interface TypeProgress {
  type: string;
  expected: number;
  entered: number;
  approved: number;
  /** Approved out of expected, 0–100. */
  percentDone: number;
}

function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}

export function bookProgress(book: Book, records: readonly EntryRecord[]): BookProgress {
  const counts = { draft: 0, submitted: 0, approved: 0, rejected: 0 };
  for (const record of records) {
    if (record.bookId === book.id) counts[record.status] += 1;
  }
  const entered = counts.draft + counts.submitted + counts.approved + counts.rejected;
  return {
    bookId: book.id,
    type: book.type,
    expected: book.expectedCount,
    entered,
    ...counts,
    percentDone: percent(counts.approved, book.expectedCount ?? entered),
  };
}

/** The provinces' report: one line per register type, books of a type added together. */
export function progressByType(books: readonly BookProgress[]): TypeProgress[] {
  const byType = new Map<string, TypeProgress>();
  for (const book of books) {
    const line = byType.get(book.type) ?? {
      type: book.type,
      expected: 0,
      entered: 0,
      approved: 0,
      percentDone: 0,
    };
    line.expected += book.expected ?? book.entered;
    line.entered += book.entered;
    line.approved += book.approved;
    byType.set(book.type, line);
  }
  return [...byType.values()].map((line) => ({
    ...line,
    percentDone: percent(line.approved, line.expected),
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

export function officerStats(
  people: readonly Person[],
  records: readonly EntryRecord[],
  events: readonly AuditEvent[],
): OfficerStats[] {
  const ownerOf = new Map(records.map((record) => [record.id, record.createdBy]));
  return people.map((person) => {
    const own = events.filter((event) => event.by === person.id);
    const created = own.filter((e) => isRecordEvent(e) && e.action === 'create').length;
    const submitted = own.filter((e) => isRecordEvent(e) && e.action === 'submit').length;
    const decisions = events.filter(
      (e) =>
        isRecordEvent(e) &&
        (e.action === 'approve' || e.action === 'reject') &&
        ownerOf.get(e.entityId) === person.id,
    );
    const rejections = decisions.filter((e) => e.action === 'reject').length;
    const activeMs = activeTime(own.filter(isRecordEvent).map((e) => e.at));
    return {
      officerId: person.id,
      name: person.name,
      created,
      submitted,
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

const dayColumn: Partial<Record<string, keyof Omit<DayStats, 'day'>>> = {
  create: 'created',
  submit: 'submitted',
  approve: 'approved',
  reject: 'rejected',
};

/** What happened to entries each day, newest day first. */
export function dailyStats(events: readonly AuditEvent[], dayOf = localDay): DayStats[] {
  const byDay = new Map<string, DayStats>();
  for (const event of events) {
    const column = isRecordEvent(event) ? dayColumn[event.action] : undefined;
    if (!column) continue;
    const day = dayOf(event.at);
    const line = byDay.get(day) ?? { day, created: 0, submitted: 0, approved: 0, rejected: 0 };
    line[column] += 1;
    byDay.set(day, line);
  }
  return [...byDay.values()].sort((a, b) => b.day.localeCompare(a.day));
}

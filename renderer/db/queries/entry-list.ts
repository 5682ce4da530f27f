// The entry list reads a book through its indexes ([bookId+status], [bookId+nameKey],
// [bookId+fields.so]) and keeps light rows only, so a 10,000-entry book stays cheap to hold.
import Dexie, { type IndexableType } from 'dexie';
import { collapseSpaces, foldAccents } from '../../../shared/text/vietnamese';
import { findNumberingGaps, type NumberRange } from '../../../shared/validation/numbering';
import type { SohoaDatabase } from '../database';
import { withoutVoided } from '../entry-context';
import type { EntryRecord, EntryStatus } from '../types';
import {
  entryStatuses,
  entryWorkflow,
  isSetAside,
  setAsideStatuses,
  type Workflow,
} from '../../../shared/workflow/workflow';
import { compareBookOrder } from '../../../shared/registers/book-order';

export type StatusFilter = EntryStatus | 'all';

/**
 * In the order the status menu offers them: the whole book first, then the life of an entry as
 * the workflow table lists its statuses.
 */
export function statusFiltersOf(workflow: Workflow = entryWorkflow): readonly string[] {
  return ['all', ...workflow.statuses];
}

export const statusFilters: readonly StatusFilter[] = ['all', ...entryStatuses];

export function isStatusFilter(value: string): value is StatusFilter {
  return (statusFilters as readonly string[]).includes(value);
}

export type SearchTerm =
  { kind: 'none' } | { kind: 'number'; digits: string } | { kind: 'name'; folded: string };

export interface ListQuery {
  bookId: string;
  status: StatusFilter;
  search: SearchTerm;
  /**
   * The officer looking. An entry waiting for its blind second keying is listed only to its
   * first keyer: anyone else may be the one to key it again and must not see its values.
   */
  viewerId?: string;
}

/** Whether an entry's values are hidden from this officer: a first keying awaiting a second. */
export function isBlindTo(record: EntryRecord, viewerId: string | undefined): boolean {
  return record.status === 'keyedOnce' && (record.keying?.a ?? record.createdBy) !== viewerId;
}

/** What one line of the list shows; the rest of the record stays in the database. */
export interface ListRow {
  id: string;
  so: string;
  name: string;
  ngayDangKy: string;
  pageIds: readonly string[];
  status: EntryStatus;
  createdAt: number;
  /** Taken back from submitted or approved, and not approved again since. */
  reopened?: { from: EntryStatus; reason: string };
  /** Why the entry was voided, while it is. */
  voidReason?: string;
}

export interface BookSummary {
  total: number;
  gaps: NumberRange[];
}

/** Digits alone look up the entry number; anything else is a name, compared without accents. */
export function parseSearch(text: string): SearchTerm {
  const tidy = collapseSpaces(text);
  if (tidy === '') return { kind: 'none' };
  if (/^\d+$/u.test(tidy)) return { kind: 'number', digits: tidy };
  return { kind: 'name', folded: foldAccents(tidy) };
}

/**
 * True when the folded query starts the name or one of its later words: officers know a
 * person by the given name ("an", "van an") as often as by the family name.
 */
export function matchesNameKey(nameKey: string, folded: string): boolean {
  return nameKey.startsWith(folded) || nameKey.includes(` ${folded}`);
}

export function toListRow(record: EntryRecord, mainNameField: string): ListRow {
  return {
    id: record.id,
    so: record.fields.so ?? '',
    name: record.fields[mainNameField] ?? '',
    ngayDangKy: record.fields.ngayDangKy ?? '',
    pageIds: record.pageIds,
    status: record.status,
    createdAt: record.createdAt,
    ...(record.reopened && record.status !== 'approved'
      ? { reopened: { from: record.reopened.from, reason: record.reopened.reason } }
      : {}),
    ...(isSetAside(record.status) ? { voidReason: record.voided?.reason ?? '' } : {}),
  };
}

/** Scan page numbers as the officer sees them in the viewer (1-based); '?' for a lost page. */
export function pageLabels(pageIds: readonly string[], pageNumbers: Map<string, number>): string {
  return pageIds.map((id) => pageNumbers.get(id) ?? '?').join(', ');
}

/** The entries the filters let through, as rows in book order. */
export async function loadListRows(
  db: SohoaDatabase,
  query: ListQuery,
  mainNameField: string,
): Promise<ListRow[]> {
  const records = await readMatching(db, query);
  const { status } = query;
  return records
    .filter((record) => status === 'all' || record.status === status)
    .filter((record) => !isBlindTo(record, query.viewerId))
    .map((record) => toListRow(record, mainNameField))
    .sort(compareBookOrder);
}

function readMatching(db: SohoaDatabase, { bookId, status, search }: ListQuery) {
  switch (search.kind) {
    case 'none':
      return status === 'all'
        ? db.records.where('bookId').equals(bookId).toArray()
        : db.records.where('[bookId+status]').equals([bookId, status]).toArray();
    case 'number':
      // Prefix on the stored text: "12" finds 12, 120–129, 1200… which is how a number is
      // typed digit by digit; the exact one sorts first.
      return db.records
        .where('[bookId+fields.so]')
        .between([bookId, search.digits], [bookId, `${search.digits}\uffff`])
        .toArray();
    case 'name':
      return readByName(db, bookId, search.folded);
  }
}

function readByName(db: SohoaDatabase, bookId: string, folded: string): Promise<EntryRecord[]> {
  return db.transaction('r', db.records, async () => {
    const starts = await db.records
      .where('[bookId+nameKey]')
      .between([bookId, folded], [bookId, `${folded}\uffff`])
      .toArray();
    // A later word ("van an" in "nguyen van an") has no index of its own: walk the book's
    // name keys without loading records, then fetch only the hits.
    const laterIds: string[] = [];
    await db.records
      .where('[bookId+nameKey]')
      .between([bookId, Dexie.minKey], [bookId, Dexie.maxKey])
      .eachKey((key, cursor) => {
        const nameKey = secondPart(key);
        if (nameKey && !nameKey.startsWith(folded) && matchesNameKey(nameKey, folded)) {
          laterIds.push(cursor.primaryKey);
        }
      });
    const later = await db.records.bulkGet(laterIds);
    return [...starts, ...later.filter((record) => record !== undefined)];
  });
}

/** How many entries the book holds and which numbers are missing, whatever the filters. */
export function loadBookSummary(db: SohoaDatabase, bookId: string): Promise<BookSummary> {
  return db.transaction('r', db.records, async () => {
    const total = await db.records.where('bookId').equals(bookId).count();
    // Index keys only: the numbers without reading 10,000 records.
    const keys = await db.records
      .where('[bookId+fields.so]')
      .between([bookId, Dexie.minKey], [bookId, Dexie.maxKey])
      .keys();
    const soValues = keys.map(secondPart).filter((so) => so !== undefined);
    // A voided entry's số is out of the numbering: it neither fills nor stretches it.
    const voided = await db.records
      .where('[bookId+status]')
      .anyOf(setAsideStatuses().map((status) => [bookId, status]))
      .toArray();
    const live = withoutVoided(
      soValues,
      voided.map((record) => record.fields.so ?? ''),
    );
    return { total, gaps: findNumberingGaps(live) };
  });
}

/**
 * The entry a typed number names, the first typed when the book repeats it. "007" and "7"
 * name the same entry, and the book may hold either spelling.
 */
export async function findEntryIdBySo(
  db: SohoaDatabase,
  bookId: string,
  typed: string,
): Promise<string | undefined> {
  const digits = typed.trim();
  if (!/^\d+$/u.test(digits)) return undefined;
  const spellings = [...new Set([digits, digits.replace(/^0+(?=\d)/u, '')])];
  for (const so of spellings) {
    const hits = await db.records.where('[bookId+fields.so]').equals([bookId, so]).toArray();
    const first = hits.sort((a, b) => a.createdAt - b.createdAt)[0];
    if (first) return first.id;
  }
  return undefined;
}

function secondPart(key: IndexableType): string | undefined {
  if (!Array.isArray(key)) return undefined;
  const part: unknown = key[1];
  return typeof part === 'string' ? part : undefined;
}

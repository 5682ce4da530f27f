// The one way the screens, their hooks and feature logic read the database. Queries live in
// renderer/db/queries, one module per area, each taking the database first so tests run them on
// a fresh one; here they are bound to the app's database and grouped by area
// (`bookReads.bookById(id)`, `entryReads.newestEntry(bookId)` …). A component keeps a read live with
// `useLiveQuery(() => bookReads.bookById(bookId), [bookId])`: it re-runs when a table it read
// changes. Only renderer/db imports Dexie or the database itself (lint-enforced in
// eslint.config.mjs); writes go through `repo` (renderer/db/repositories.ts).
import { buildBackup, buildWorkPackage } from './backup';
import { db, type SohoaDatabase } from './database';
import {
  bookNumbersChanged,
  loadBookNumberCounts,
  loadBookNumbers,
  loadRelatedEntries,
} from './entry-context';
import { syncOfficersFromMain } from './officer-sync';
import { preparationProgress, preparePending } from './prepared-pages';
import * as auditQueries from './queries/audit';
import * as bookQueries from './queries/books';
import * as conflictQueries from './queries/conflicts';
import * as entryQueries from './queries/entries';
import * as keyingQueries from './queries/keying';
import { findEntryIdBySo, loadBookSummary, loadListRows } from './queries/entry-list';
import * as officerQueries from './queries/officers';
import * as pageQueries from './queries/pages';
import * as preparationQueries from './queries/preparation';
import * as reviewQueries from './queries/review';
import * as settingQueries from './queries/settings';
import * as statsQueries from './queries/stats';
import * as exportQueries from './queries/exports';
import { recallFocus, rememberFocus, rememberRoute, routeToRestore } from './session-memory';
import { entriesChangedSinceExchange } from './work-package-select';

export { useLiveQuery } from 'dexie-react-hooks';

type Query = (db: SohoaDatabase, ...args: never[]) => unknown;
type Bound<T extends Record<string, Query>> = {
  [K in keyof T]: T[K] extends (db: SohoaDatabase, ...args: infer A) => infer R
    ? (...args: A) => R
    : never;
};

/** The area's queries, run against the app's database. */
function bound<T extends Record<string, Query>>(queries: T): Bound<T> {
  return Object.fromEntries(
    Object.entries(queries).map(([name, query]) => [
      name,
      (...args: never[]) => query(db, ...args),
    ]),
  ) as Bound<T>;
}

export const auditReads = bound(auditQueries);
export const bookReads = bound(bookQueries);
export const conflictReads = bound(conflictQueries);
export const entryReads = bound({
  ...entryQueries,
  bookNumbersChanged,
  loadBookNumberCounts,
  loadBookNumbers,
  loadRelatedEntries,
});
export const entryList = bound({ loadListRows, loadBookSummary, findEntryIdBySo });
export const exportReads = bound(exportQueries);
export const keyingReads = bound(keyingQueries);
export const officerReads = bound({ ...officerQueries, syncOfficersFromMain });
export const pageReads = bound(pageQueries);
export const preparationReads = bound({
  ...preparationQueries,
  preparationProgress,
  preparePending,
});
export const reviewReads = bound(reviewQueries);
/** What this PC remembers (idle time, backup schedule, viewer settings): read and written here. */
export const localSettings = bound(settingQueries);
export const statsReads = bound(statsQueries);
/** Where the officer was (screen, field): kept on this PC so a restart reopens it. */
export const sessionMemory = bound({ rememberRoute, routeToRestore, rememberFocus, recallFocus });
/** Backup files and work packages, built from what the database holds now. */
export const files = bound({ buildBackup, buildWorkPackage, entriesChangedSinceExchange });

// Rules and shapes the queries share with the screens (pure: no database behind them).
export { withNumberChanges } from './entry-context';
export {
  isBlindTo,
  isStatusFilter,
  matchesNameKey,
  pageLabels,
  parseSearch,
  statusFilters,
  statusFiltersOf,
  toListRow,
  type BookSummary,
  type ListQuery,
  type ListRow,
  type SearchTerm,
  type StatusFilter,
} from './queries/entry-list';
export { returnedKeys, reviewQueueKeys } from './queries/review-filters';
export {
  preparedPageId,
  targetOf,
  type PrepareFn,
  type PreparationRun,
  type PrepareOptions,
} from './prepared-pages';
export { FOCUS_SAVE_DELAY_MS } from './session-memory';
export type { SyncResult } from './officer-sync';
export type { ArbitrationCase, KeyingSlot } from './queries/keying';

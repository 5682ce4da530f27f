// The row types, inferred from the one declaration of each table (tables.ts, row-schemas.ts),
// so what is stored, what a file may hold and what the code reads cannot drift apart.
import type { z } from 'zod';
import type { AuditAction } from '../../shared/workflow/audit-actions';
import type { EntryStatus, OfficerRole } from '../../shared/workflow/roles';
import type {
  fieldComment,
  keyingMarks,
  pageRegion,
  preparedResult,
  preparedSource,
  reopening,
  reviewDecision,
  voiding,
} from './row-schemas';
import type { Named, RowOf } from './tables';

export type { AuditAction, EntryStatus, OfficerRole };

export type Book = RowOf<'books'>;
export type Scan = RowOf<'scans'>;
export type Page = RowOf<'pages'>;
export type EntryRecord = RowOf<'records'>;
export type Person = RowOf<'people'>;
export type AuditEvent = RowOf<'audit'>;
export type Setting = RowOf<'settings'>;
export type LocalSetting = RowOf<'localSettings'>;
export type ExportRun = RowOf<'exports'>;
export type ExchangeState = RowOf<'exchanges'>;
export type EntryConflict = RowOf<'conflicts'>;
export type PreparedPage = RowOf<'preparedPages'>;

export type PageRegion = Named<z.output<typeof pageRegion>>;
export type Voiding = Named<z.output<typeof voiding>>;
export type Reopening = Named<z.output<typeof reopening>>;
export type FieldComment = Named<z.output<typeof fieldComment>>;
export type ReviewDecision = Named<z.output<typeof reviewDecision>>;
export type PreparedResult = Named<z.output<typeof preparedResult>>;
export type PreparedSource = Named<z.output<typeof preparedSource>>;
export type ReconcileDecision = RowOf<'reconcileDecisions'>;
export type Arbitration = RowOf<'arbitrations'>;
export type Keying = RowOf<'keyings'>;
export type KeyingSample = RowOf<'keyingSamples'>;
export type KeyingMarks = Named<z.output<typeof keyingMarks>>;
export type KeyingTime = RowOf<'keyingTime'>;

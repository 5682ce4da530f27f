// What the reconciliation screen and its worker say to each other: read an extract, link it
// against SoHoa's entries (with progress; the screen cancels by ending the worker), write the report.
import type { SavedColumns } from '../../shared/reconcile/columns';
import type { ReconcileInput, ReconcileResult } from './reconcile-core';
import type { ExtractResult } from './reconcile-extract';
import type { ReportSheet } from './reconcile-report';

export type ReconcileRequest =
  /** With `saved`, the sheet is read through the officer's column mapping. */
  | { kind: 'read'; bytes: ArrayBuffer; saved?: SavedColumns }
  | { kind: 'link'; input: ReconcileInput }
  | { kind: 'report'; sheets: ReportSheet[] };

export type ReconcilePhase = 'open' | 'rows' | 'check' | 'prepare' | 'link' | 'duplicates';

export type ReconcileWorkerMessage =
  | { type: 'progress'; phase: ReconcilePhase; done: number; total: number }
  | { type: 'extract'; result: ExtractResult }
  | { type: 'linked'; result: ReconcileResult }
  | { type: 'report'; data: Uint8Array<ArrayBuffer> }
  | { type: 'failed'; message: string };

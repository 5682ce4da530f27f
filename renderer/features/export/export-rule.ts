// Which entries a book's export takes: approved ones, so nothing unchecked reaches the Ministry.
// A book setting lets entries still waiting for review go too, for teams without a reviewer.
//
// The officer also picks a scope. "Whole book" is all or nothing: one entry not ready stops it,
// since a partial bundle would be imported as if it were the book. "Ready now" leaves out what
// is not ready and lists each such entry with why; "not yet exported" also leaves out entries
// that already went out, unchanged since, in an earlier bundle.
import type { BundleProblem } from '../../../shared/bundle/plan';
import {
  entryWorkflow,
  exportsStatus,
  isSetAside,
  type Workflow,
} from '../../../shared/workflow/workflow';
import type { Book, EntryRecord, EntryStatus, ExportRun } from '../../db/types';
import type { GateResult } from '../../workers/export-protocol';

export type ExportScope = 'whole' | 'ready' | 'notExported';

export const exportScopes: readonly ExportScope[] = ['whole', 'ready', 'notExported'];

export type HoldReason =
  | { kind: 'status'; status: EntryStatus }
  | { kind: 'problem'; problem: BundleProblem }
  /** Stored as approved, but the audit log shows no approval (audit-status.ts). */
  | { kind: 'approvalNotInLog' }
  /** Taken back to a draft from submitted or approved, with the officer's reason. */
  | { kind: 'reopened'; from: EntryStatus; reason: string }
  /** Voided with a reason: never exported, and no reason to stop the rest of the book. */
  | { kind: 'voided'; reason: string };

/** Whether an entry is left out only because it was voided: it does not stop a whole-book export. */
export function isVoidedOnly(held: Pick<HeldBack, 'reasons'>): boolean {
  return held.reasons.length > 0 && held.reasons.every((reason) => reason.kind === 'voided');
}

/** An entry of the book left out of this bundle, and why. */
export interface HeldBack {
  entryId: string;
  so: string;
  reasons: HoldReason[];
}

/** What the workflow table says of the entry's status, with the book's setting. */
export function isExportable(
  book: Pick<Book, 'exportSubmitted'>,
  record: Pick<EntryRecord, 'status'>,
  workflow: Workflow = entryWorkflow,
): boolean {
  return exportsStatus(record.status, book.exportSubmitted === true, workflow);
}

export function exportableEntries<T extends EntryRecord>(
  book: Pick<Book, 'exportSubmitted'>,
  records: readonly T[],
): T[] {
  return records.filter((record) => isExportable(book, record));
}

/**
 * Which revision of each entry went out in an earlier bundle. Runs from before revisions were
 * kept count their entries as exported whatever changed since.
 */
export function exportedRevisions(
  runs: readonly Pick<ExportRun, 'entryIds' | 'revisions'>[],
): Map<string, Set<number> | 'any'> {
  const out = new Map<string, Set<number> | 'any'>();
  for (const run of runs) {
    for (const id of run.entryIds) {
      const revision = run.revisions?.[id];
      const known = out.get(id);
      if (revision === undefined) out.set(id, 'any');
      else if (known === undefined) out.set(id, new Set([revision]));
      else if (known !== 'any') known.add(revision);
    }
  }
  return out;
}

/** Whether this entry, as it is now, already went out in an earlier bundle. */
export function isAlreadyExported(
  exported: ReadonlyMap<string, ReadonlySet<number> | 'any'>,
  record: Pick<EntryRecord, 'id' | 'revision'>,
): boolean {
  const revisions = exported.get(record.id);
  return revisions === 'any' || (revisions?.has(record.revision) ?? false);
}

export interface ScopeSelection<T> {
  /** Entries the export will try, before the bundle check. */
  candidates: T[];
  /** Entries left out for their status; for "whole book", each one stops the export. */
  held: HeldBack[];
  /** Entries left out because they already went out unchanged ("not yet exported" only). */
  alreadyExported: number;
}

/** Splits the book's entries for a scope, before the bundle check looks at their content. */
export function selectForScope<T extends EntryRecord>(
  book: Pick<Book, 'exportSubmitted'>,
  records: readonly T[],
  scope: ExportScope,
  runs: readonly Pick<ExportRun, 'entryIds' | 'revisions'>[] = [],
  approvalsNotInLog: ReadonlySet<string> = new Set(),
  workflow: Workflow = entryWorkflow,
): ScopeSelection<T> {
  const exported = exportedRevisions(runs);
  const candidates: T[] = [];
  const held: HeldBack[] = [];
  let alreadyExported = 0;
  for (const record of records) {
    if (isSetAside(record.status, workflow)) {
      held.push({
        entryId: record.id,
        so: record.fields.so ?? '',
        reasons: [{ kind: 'voided', reason: record.voided?.reason ?? '' }],
      });
    } else if (scope === 'notExported' && isAlreadyExported(exported, record)) {
      alreadyExported += 1;
    } else if (approvalsNotInLog.has(record.id)) {
      held.push({
        entryId: record.id,
        so: record.fields.so ?? '',
        reasons: [{ kind: 'approvalNotInLog' }],
      });
    } else if (isExportable(book, record, workflow)) {
      candidates.push(record);
    } else {
      held.push({
        entryId: record.id,
        so: record.fields.so ?? '',
        reasons: [
          { kind: 'status', status: record.status },
          ...(record.reopened
            ? [
                {
                  kind: 'reopened' as const,
                  from: record.reopened.from,
                  reason: record.reopened.reason,
                },
              ]
            : []),
        ],
      });
    }
  }
  return { candidates, held, alreadyExported };
}

export type ReadyGate =
  | { ok: true; result: Extract<GateResult, { ok: true }>; entryIds: string[]; held: HeldBack[] }
  | { ok: false; problems: BundleProblem[]; held: HeldBack[] };

/**
 * Runs the bundle check, leaving out every entry it finds a problem with and checking again
 * until the rest passes: leaving an entry out can clear another's problem (a duplicate number)
 * or reveal none new, so each round only shrinks the set. A problem of the whole book (no
 * entry to leave out) stops it, as does having nothing left.
 */
export async function gateReadyEntries<T extends { id: string; fields: Record<string, string> }>(
  entries: readonly T[],
  gate: (entries: T[]) => Promise<GateResult>,
): Promise<ReadyGate> {
  let remaining = [...entries];
  const held: HeldBack[] = [];
  for (;;) {
    const result = await gate(remaining);
    if (result.ok) return { ok: true, result, entryIds: remaining.map((e) => e.id), held };
    const byEntry = new Map<string, BundleProblem[]>();
    const ofBook: BundleProblem[] = [];
    for (const problem of result.problems) {
      if (problem.entryId === '') ofBook.push(problem);
      else byEntry.set(problem.entryId, [...(byEntry.get(problem.entryId) ?? []), problem]);
    }
    const next = remaining.filter((entry) => !byEntry.has(entry.id));
    if (ofBook.length > 0 || next.length === remaining.length) {
      return { ok: false, problems: result.problems, held };
    }
    for (const entry of remaining) {
      const problems = byEntry.get(entry.id);
      if (!problems) continue;
      held.push({
        entryId: entry.id,
        so: entry.fields.so ?? '',
        reasons: problems.map((problem) => ({ kind: 'problem', problem })),
      });
    }
    if (next.length === 0) return { ok: false, problems: [], held };
    remaining = next;
  }
}

/** Whether leaving entries out would let the rest go: some problem belongs to one entry. */
export const canLeaveOut = (phase: { problems: BundleProblem[]; held: HeldBack[] }) =>
  phase.held.length > 0 || phase.problems.some((problem) => problem.entryId !== '');

const soRank = (so: string) => {
  const n = Number.parseInt(so, 10);
  return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
};
export const inBookOrder = (held: HeldBack[]) =>
  [...held].sort((a, b) => soRank(a.so) - soRank(b.so));

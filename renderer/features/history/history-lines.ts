// An entry's story from the audit log: who did what, when, oldest first. Autosave writes one
// event per changed field, so a burst of edits by one officer is folded into one step.
import { entryEvents } from '../../../shared/workflow/workflow';
import type { AuditAction, AuditEvent } from '../../db/types';

export interface HistoryChange {
  field: string;
  oldValue: string;
  newValue: string;
}

export interface HistoryStep {
  at: number;
  by: string;
  action: AuditAction;
  /** Field changes (edit) or the notes left on fields (comment). */
  changes: HistoryChange[];
  reason?: string;
  oldValue?: string;
  newValue?: string;
}

/** Edits by the same officer this close together read as one step. */
export const EDIT_BURST_MS = 60_000;

/**
 * Whether a step moved the entry from one status to another and reads "from … to …": every
 * event of the workflow table but submitting, whose event keeps only the status it led to.
 */
export function showsStatusChange(
  action: string,
  events: readonly string[] = entryEvents,
): boolean {
  return action !== 'submit' && events.includes(action);
}

export function historySteps(events: readonly AuditEvent[]): HistoryStep[] {
  const ordered = [...events].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0) || a.at - b.at);
  const steps: HistoryStep[] = [];
  for (const event of ordered) {
    const last = steps[steps.length - 1];
    const change: HistoryChange = {
      field: event.field ?? '',
      oldValue: event.oldValue ?? '',
      newValue: event.newValue ?? '',
    };
    const joinsEdit =
      event.action === 'edit' &&
      last?.action === 'edit' &&
      last.by === event.by &&
      event.at - last.at <= EDIT_BURST_MS;
    // A reviewer's field notes belong to the decision written with them.
    const joinsDecision =
      event.action === 'comment' &&
      (last?.action === 'approve' || last?.action === 'reject') &&
      last.by === event.by &&
      last.at === event.at;
    if (last && (joinsEdit || joinsDecision)) {
      const same = last.changes.find((c) => c.field === change.field);
      // Typing the same field twice in a burst shows as one change, first value to last.
      if (same && joinsEdit) same.newValue = change.newValue;
      else last.changes.push(change);
      if (joinsEdit) last.at = event.at;
      continue;
    }
    steps.push({
      at: event.at,
      by: event.by,
      action: event.action,
      changes: event.action === 'edit' || event.action === 'comment' ? [change] : [],
      ...(event.reason ? { reason: event.reason } : {}),
      ...(event.oldValue !== undefined && event.action !== 'edit'
        ? { oldValue: event.oldValue }
        : {}),
      ...(event.newValue !== undefined && event.action !== 'edit'
        ? { newValue: event.newValue }
        : {}),
    });
  }
  return steps;
}

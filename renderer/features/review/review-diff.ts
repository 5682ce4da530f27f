// What changed since the entry was last sent back: for each field, its value when the reviewer
// rejected it and its value now, read from the entry's audit events.
import type { AuditEvent } from '../../db/types';

export interface FieldDiff {
  field: string;
  then: string;
  now: string;
}

export interface SinceRejection {
  /** When it was last rejected; null when it never was. */
  rejectedAt: number | null;
  changes: FieldDiff[];
}

/** Field changes, from the officer's typing or taken over from another PC's work package. */
const EDIT_ACTIONS = new Set(['edit', 'edit-from-file']);

export function changesSinceRejection(events: readonly AuditEvent[]): SinceRejection {
  const ordered = [...events].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0) || a.at - b.at);
  let last = -1;
  ordered.forEach((event, index) => {
    if (event.action === 'reject') last = index;
  });
  if (last === -1) return { rejectedAt: null, changes: [] };
  const byField = new Map<string, FieldDiff>();
  for (const event of ordered.slice(last + 1)) {
    if (!EDIT_ACTIONS.has(event.action) || event.field === undefined) continue;
    const seen = byField.get(event.field);
    if (seen) seen.now = event.newValue ?? '';
    else {
      byField.set(event.field, {
        field: event.field,
        then: event.oldValue ?? '',
        now: event.newValue ?? '',
      });
    }
  }
  return {
    rejectedAt: ordered[last]?.at ?? null,
    // A value typed over and back again is no change.
    changes: [...byField.values()].filter((diff) => diff.then !== diff.now),
  };
}

// An approval counts only if the audit log shows it. An entry whose stored status says
// "approved" while the log has no approval of it since its last submission, rejection,
// withdrawal or reopening was set behind the app's back (or came in a file before approvals
// from files were dropped); the audit check names it.
import { entryEvents } from '../../shared/workflow/workflow';
import type { SohoaDatabase } from './database';
import type { EntryRecord } from './types';

/** The events that set an entry's review status; any other event leaves it as it was. */
const STATUS_EVENTS: ReadonlySet<string> = new Set(entryEvents);

/** Approved entries the audit log does not show approved, in book and number order. */
export async function approvalsWithoutEvent(db: SohoaDatabase): Promise<EntryRecord[]> {
  const approved = await db.records.filter((record) => record.status === 'approved').toArray();
  if (approved.length === 0) return [];
  const wanted = new Set(approved.map((record) => record.id));
  /** The last status event of each approved entry, read in the log's order. */
  const lastStatusEvent = new Map<string, string>();
  await db.audit.orderBy('seq').each((event) => {
    if (event.entity === 'record' && wanted.has(event.entityId) && STATUS_EVENTS.has(event.action))
      lastStatusEvent.set(event.entityId, event.action);
  });
  return approved
    .filter((record) => lastStatusEvent.get(record.id) !== 'approve')
    .sort(
      (a, b) =>
        a.bookId.localeCompare(b.bookId) ||
        Number.parseInt(a.fields.so ?? '', 10) - Number.parseInt(b.fields.so ?? '', 10),
    );
}

// The entry's way through the workflow table (shared/workflow): submitted, approved or
// rejected, reopened, voided and restored. Each step is the table's transition, with its
// permission and guard, written with its audit event in one transaction.
import { canSubmit } from '../../../shared/workflow/roles';
import type { StatusFrom } from '../../../shared/workflow/workflow';
import type { EntryRecord, FieldComment, ReviewDecision } from '../types';
import { WorkflowError, type WorkflowErrorCode } from '../workflow-error';
import { checkedTransition, getBook, getRecord, permissionOf, verdictFor } from './guards';
import type { AuditLine, CommandContext } from './run';

type ReasonEvent = 'reopen' | 'void' | 'restore';

interface ReasonStep<E extends ReasonEvent> {
  event: E;
  reasonRequired: WorkflowErrorCode;
  /** What the entry keeps of the change, beside its new status. */
  keep: (
    record: EntryRecord,
    mark: { from: StatusFrom<E>; by: string; at: number; reason: string },
  ) => Partial<EntryRecord>;
}

export function reviewCommands({ db, run }: CommandContext) {
  /**
   * One status change that needs a reason (reopen, void, restore): the reason is required, the
   * officer must hold the transition's permission, and the entry, its new status and the audit
   * event carrying the reason are written in one transaction.
   */
  const changeStatusWithReason = <E extends ReasonEvent>(
    recordId: string,
    reason: string,
    step: ReasonStep<E>,
  ): Promise<EntryRecord> => {
    const text = reason.trim();
    if (!text) return Promise.reject(new WorkflowError(step.reasonRequired));
    return run(permissionOf(step.event), ['books', 'records'], async (tx) => {
      const record = await getRecord(db, recordId);
      const transition = await checkedTransition(db, step.event, record, tx.officer);
      // The table has a transition for this event from this status, so it is one of its sources.
      const from = record.status as StatusFrom<E>;
      const mark = { from, by: tx.officer.id, at: tx.now, reason: text };
      const changed = tx.revise(record, {
        ...step.keep(record, mark),
        status: transition.to,
        updatedBy: tx.officer.id,
      });
      await db.records.put(changed);
      tx.audit({
        entity: 'record',
        entityId: recordId,
        action: step.event,
        oldValue: record.status,
        newValue: changed.status,
        reason: text,
      });
      return changed;
    });
  };

  /** Reviewers decide only on entries someone else typed and submitted. */
  const review = (
    recordId: string,
    decision: Omit<ReviewDecision, 'by' | 'at'>,
  ): Promise<EntryRecord> => {
    const event = decision.decision === 'approved' ? 'approve' : 'reject';
    return run(permissionOf(event), ['records', 'books'], async (tx) => {
      const record = await getRecord(db, recordId);
      const transition = await checkedTransition(db, event, record, tx.officer);
      // Approved again: what went back to draft is back in the export.
      const { reopened, ...rest } = record;
      const kept = decision.decision === 'approved' || !reopened ? rest : { ...rest, reopened };
      const reviewed = tx.revise(kept, {
        status: transition.to,
        review: { ...decision, by: tx.officer.id, at: tx.now },
      });
      await db.records.put(reviewed);
      tx.audit(
        {
          entity: 'record',
          entityId: recordId,
          action: event,
          oldValue: record.status,
          newValue: transition.to,
          ...(decision.reason ? { reason: decision.reason } : {}),
        },
        ...decision.comments.map((comment): AuditLine => ({
          entity: 'record',
          entityId: recordId,
          action: 'comment',
          field: comment.field,
          newValue: comment.text,
        })),
      );
      return reviewed;
    });
  };

  /**
   * Submits the given entries as the signed-in officer; all of them or none. In a double-keyed
   * book an entry not yet settled by arbitration goes to its second keying instead, with its
   * first keyer recorded.
   */
  const submit = (recordIds: readonly string[]): Promise<EntryRecord[]> =>
    run(permissionOf('submit'), ['records', 'books'], async (tx) => {
      const submitted: EntryRecord[] = [];
      const lines: AuditLine[] = [];
      for (const recordId of recordIds) {
        const record = await getRecord(db, recordId);
        const book = await getBook(db, record.bookId);
        const event = book.checking === 'double' && !record.keying ? 'key-first' : 'submit';
        const transition = await checkedTransition(db, event, record, tx.officer);
        const keyerA = record.createdBy ?? tx.officer.id;
        submitted.push(
          tx.revise(record, {
            status: transition.to,
            submittedBy: tx.officer.id,
            submittedAt: tx.now,
            ...(event === 'key-first' ? { keying: { a: keyerA } } : {}),
          }),
        );
        lines.push({
          entity: 'record',
          entityId: recordId,
          action: event,
          newValue: transition.to,
        });
      }
      await db.records.bulkPut(submitted);
      tx.audit(...lines);
      return submitted;
    });

  return {
    /**
     * Sends entries for review. Entries with errors or unconfirmed warnings, or not
     * draft/rejected, stop the lot.
     */
    submitEntries: submit,

    /**
     * Submits every draft or rejected entry of the book that is ready (no errors, every warning
     * confirmed); the rest stay where they are. Returns how many went and how many were held
     * back.
     */
    async submitComplete(bookId: string): Promise<{ submitted: number; withErrors: number }> {
      const ready: EntryRecord[] = [];
      let candidates = 0;
      await db.transaction('r', db.records, db.books, async () => {
        const drafts = await db.records
          .where('bookId')
          .equals(bookId)
          .filter((record) => canSubmit(record.status))
          .toArray();
        candidates = drafts.length;
        for (const record of drafts) {
          if ((await verdictFor(db, record)) === 'ready') ready.push(record);
        }
      });
      if (ready.length > 0) await submit(ready.map((record) => record.id));
      return { submitted: ready.length, withErrors: candidates - ready.length };
    },

    async approveEntry(recordId: string, comments: FieldComment[] = []): Promise<EntryRecord> {
      return review(recordId, { decision: 'approved', reason: '', comments });
    },

    /** Sends the entry back to its officer with a reason and, optionally, notes on fields. */
    async rejectEntry(
      recordId: string,
      reason: string,
      comments: FieldComment[] = [],
    ): Promise<EntryRecord> {
      if (!reason.trim()) throw new WorkflowError('reason-required');
      return review(recordId, { decision: 'rejected', reason: reason.trim(), comments });
    },

    /**
     * Takes a submitted or approved entry back to a draft so it can be changed, with the officer's
     * reason; the status and its audit event are written together.
     */
    reopenEntry(recordId: string, reason: string): Promise<EntryRecord> {
      return changeStatusWithReason(recordId, reason, {
        event: 'reopen',
        reasonRequired: 'reopen-reason-required',
        keep: (_record, mark) => ({ reopened: mark }),
      });
    },

    /**
     * Voids an entry with the officer's reason: it stays in the database and the audit log, read
     * only, out of the export, the numbering checks and the statistics. Status and audit event
     * are written together. Any officer who types may void; restoring takes a supervisor.
     */
    voidEntry(recordId: string, reason: string): Promise<EntryRecord> {
      return changeStatusWithReason(recordId, reason, {
        event: 'void',
        reasonRequired: 'void-reason-required',
        keep: (_record, mark) => ({ voided: mark }),
      });
    },

    /**
     * Brings a voided entry back as a draft, with a supervisor's (reviewer or administrator)
     * reason: whatever it was before, it is checked and submitted again before it can go out.
     */
    restoreEntry(recordId: string, reason: string): Promise<EntryRecord> {
      return changeStatusWithReason(recordId, reason, {
        event: 'restore',
        reasonRequired: 'void-reason-required',
        keep: (record, { by, at, reason }) =>
          record.voided ? { voided: { ...record.voided, restored: { by, at, reason } } } : {},
      });
    },
  };
}

// Refusals from the data layer, by code; the screens word them through i18n (workflow.errors.*).
export const workflowErrorCodes = [
  /** Nobody is signed in. */
  'not-signed-in',
  /** The officer's role does not allow this. */
  'not-allowed',
  /** A reviewer may not decide on an entry they typed or submitted. */
  'own-entry',
  /** The second keying is never the first keyer's, and the arbitrator is neither keyer. */
  'same-keyer',
  /** An entry being keyed twice is not reopened by either of its keyers. */
  'keying-in-progress',
  /** Every field the two keyings disagree on needs a ruling before the entry goes on. */
  'arbitration-pending',
  /** The entry is not in a state where this makes sense (e.g. approving a draft). */
  'wrong-status',
  /** The entry still has errors, which must be fixed before it is submitted. */
  'has-errors',
  /** A warning of the entry has not been confirmed with a reason yet. */
  'unconfirmed-warnings',
  /** A rejection needs a reason. */
  'reason-required',
  /** A submitted or approved entry is changed only after it is reopened with a reason. */
  'reopen-required',
  /** Reopening an entry needs a reason. */
  'reopen-reason-required',
  /** Voiding or restoring an entry needs a reason. */
  'void-reason-required',
  /** A voided entry is read-only until a supervisor restores it. */
  'entry-voided',
  /** An archived book is read-only until an administrator restores it. */
  'book-archived',
  /** PIN is not 4–8 digits. */
  'invalid-pin',
  'easy-pin',
  /** Officers already exist: the first-run administrator can only be created once. */
  'already-set-up',
  /** A backup restored on a new PC names no administrator with a PIN: nobody could sign in. */
  'backup-without-admin-pin',
  /** The last active administrator cannot lose that role. */
  'last-admin',
  /** On the desktop: the app keeps no PIN for this officer (an administrator sets one). */
  'pin-not-set',
] as const;

export type WorkflowErrorCode = (typeof workflowErrorCodes)[number];

export class WorkflowError extends Error {
  constructor(readonly code: WorkflowErrorCode) {
    super(code);
    this.name = 'WorkflowError';
  }
}

export function isWorkflowError(error: unknown): error is WorkflowError {
  return error instanceof WorkflowError;
}

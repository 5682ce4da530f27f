// Which entries the review screens show, read from the workflow table: the queue holds the
// statuses a decision starts from, the returned list the status a rejection leads to, and a
// reviewer sees only the entries the decision's guard lets them decide on.
import {
  awaitingReview,
  entryWorkflow,
  mayDecide,
  returnedStatuses,
  type GuardedEntry,
  type Workflow,
} from '../../../shared/workflow/workflow';

/** [bookId, status] keys of the book's entries waiting for a decision. */
export function reviewQueueKeys(bookId: string, workflow: Workflow = entryWorkflow) {
  return awaitingReview(workflow).map((status): [string, string] => [bookId, status]);
}

/** [bookId, status] keys of the book's entries sent back to their officer. */
export function returnedKeys(bookId: string, workflow: Workflow = entryWorkflow) {
  return returnedStatuses(workflow).map((status): [string, string] => [bookId, status]);
}

/**
 * The entries this reviewer may decide on, and how many wait for someone else (their own
 * work). Before anyone is signed in, every entry is listed.
 */
export function splitQueue<T extends GuardedEntry & { status: string }>(
  entries: readonly T[],
  officerId: string | null,
  workflow: Workflow = entryWorkflow,
): { queue: T[]; ownCount: number } {
  const queue = entries.filter(
    (entry) => officerId === null || mayDecide(entry, officerId, workflow),
  );
  return { queue, ownCount: entries.length - queue.length };
}

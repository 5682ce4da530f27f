// Which entries the review screens read, from the workflow table: the queue holds the statuses a
// decision starts from, the returned list the status a rejection leads to. Who may decide on
// which of them is a workflow rule (shared/workflow/review-queue.ts).
import {
  awaitingReview,
  entryWorkflow,
  returnedStatuses,
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

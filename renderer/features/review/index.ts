// The review queue, and the review pieces other screens show (an entry's decision, the
// entries sent back, the queue's count).
export { EntryReviewBar } from './EntryReviewBar';
export { ReturnedEntries } from './ReturnedEntries';
export { ReviewQueue } from './ReviewQueue';
export { ReviewToolbar } from './ReviewToolbar';

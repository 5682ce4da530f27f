// Reads of the review screens: the book's queue and the entries sent back to their officer.
import { sortBySo } from '../../../shared/registers/book-order';
import type { SohoaDatabase } from '../database';
import type { EntryRecord } from '../types';
import { returnedKeys, reviewQueueKeys } from './review-filters';

/** The book's entries waiting for a decision. */
export function awaitingDecision(db: SohoaDatabase, bookId: string): Promise<EntryRecord[]> {
  return db.records.where('[bookId+status]').anyOf(reviewQueueKeys(bookId)).toArray();
}

export function awaitingDecisionCount(db: SohoaDatabase, bookId: string): Promise<number> {
  return db.records.where('[bookId+status]').anyOf(reviewQueueKeys(bookId)).count();
}

/** The book's entries sent back to this officer (typed or submitted by them), in số order. */
export async function returnedTo(
  db: SohoaDatabase,
  bookId: string,
  officerId: string | undefined,
): Promise<EntryRecord[]> {
  return sortBySo(
    await db.records
      .where('[bookId+status]')
      .anyOf(returnedKeys(bookId))
      .filter((record) => record.createdBy === officerId || record.submittedBy === officerId)
      .toArray(),
  );
}

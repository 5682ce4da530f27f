// A state added through the workflow table alone reaches the readers: the status filter and the
// review queue, the export rule and the statistics. The state here is made up for the test: a
// double-keyed entry whose two keyings disagree waits for a reviewer's arbitration.
import { describe, expect, it } from 'vitest';
import { entryWorkflow, extendWorkflow, type GuardedEntry } from '../../shared/workflow/workflow';
import type { Book, EntryRecord } from '../db/types';
import { selectForScope, isExportable } from './export/export-rule';
import { statusFiltersOf } from '../db/queries/entry-list';
import { reviewQueueKeys } from '../db/queries/review-filters';
import { splitQueue } from '../../shared/workflow/review-queue';
import { bookProgress, officerStats, statusCounts } from './stats/progress';

const notOwn = (entry: GuardedEntry, officerId: string) =>
  entry.createdBy === officerId ? ('own-entry' as const) : null;

const withArbitration = extendWorkflow(
  entryWorkflow,
  [
    { status: 'arbitration', tally: 'work', export: 'never' },
    { status: 'duplicate', tally: 'setAside', export: 'never' },
  ],
  [
    { event: 'disagree', from: ['draft'], to: 'arbitration', permission: 'enter' },
    {
      event: 'approve',
      from: ['arbitration'],
      to: 'approved',
      permission: 'review',
      guard: notOwn,
    },
    { event: 'reject', from: ['arbitration'], to: 'rejected', permission: 'review', guard: notOwn },
    { event: 'markDuplicate', from: ['arbitration'], to: 'duplicate', permission: 'review' },
  ],
);

const entry = (id: string, status: string, createdBy = 'keyer') =>
  ({
    id,
    bookId: 'b1',
    status,
    createdBy,
    revision: 1,
    fields: { so: id },
    templateVersion: 'KS',
  }) as unknown as EntryRecord;

const book = { id: 'b1', type: 'KS', expectedCount: 10 } as unknown as Book;

const records = [
  entry('1', 'draft'),
  entry('2', 'arbitration'),
  entry('3', 'arbitration', 'reviewer'),
  entry('4', 'approved'),
  entry('5', 'duplicate'),
];

describe('a state added through the workflow table', () => {
  it('is offered by the status filter and waits in the review queue', () => {
    expect(statusFiltersOf(entryWorkflow)).not.toContain('arbitration');
    expect(statusFiltersOf(withArbitration)).toEqual([
      'all',
      'draft',
      'keyedOnce',
      'keyedTwice',
      'arbitrated',
      'submitted',
      'approved',
      'rejected',
      'voided',
      'arbitration',
      'duplicate',
    ]);
    expect(reviewQueueKeys('b1', entryWorkflow)).toEqual([
      ['b1', 'arbitrated'],
      ['b1', 'submitted'],
    ]);
    expect(reviewQueueKeys('b1', withArbitration)).toEqual([
      ['b1', 'arbitrated'],
      ['b1', 'submitted'],
      ['b1', 'arbitration'],
    ]);
    // The reviewer who keyed one of them waits for someone else on that one, as the guard says.
    const waiting = records.filter((record) => String(record.status) === 'arbitration');
    const { queue, ownCount } = splitQueue(waiting, 'reviewer', withArbitration);
    expect(queue.map((record) => record.id)).toEqual(['2']);
    expect(ownCount).toBe(1);
  });

  it('is held back by the export for its status, and a set-aside one stops no export', () => {
    expect(isExportable(book, entry('2', 'arbitration'), withArbitration)).toBe(false);
    const selection = selectForScope(book, records, 'whole', [], new Set(), withArbitration);
    expect(selection.candidates.map((record) => record.id)).toEqual(['4']);
    expect(selection.held).toContainEqual({
      entryId: '2',
      so: '2',
      reasons: [{ kind: 'status', status: 'arbitration' }],
    });
    expect(selection.held).toContainEqual({
      entryId: '5',
      so: '5',
      reasons: [{ kind: 'voided', reason: '' }],
    });
  });

  it('is counted by the statistics: as entered work, or apart when set aside', () => {
    const none = new Set<string>();
    const counts = statusCounts('b1', records, none, withArbitration);
    expect(counts.byStatus.arbitration).toBe(2);
    expect(counts.entered).toBe(4);
    expect(counts.setAside).toBe(1);
    const progress = bookProgress(book, records, none, withArbitration);
    expect(progress.entered).toBe(4);
    expect(progress.voided).toBe(1);
    const [keyer] = officerStats(
      [{ id: 'keyer', name: 'Lan', role: 'entry', createdAt: 0 }],
      records,
      records.map((record) => ({
        at: 0,
        by: record.createdBy ?? '',
        entity: 'record' as const,
        entityId: record.id,
        action: 'create' as const,
        prevHash: '',
        hash: '',
      })),
      none,
      withArbitration,
    );
    expect(keyer?.created).toBe(3);
    expect(keyer?.voided).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { auditActions } from './audit-actions';
import {
  awaitingReview,
  entryEvents,
  entryStatuses,
  entryWorkflow,
  exportsStatus,
  mayDecide,
  returnedStatuses,
  setAsideStatuses,
  transitionFrom,
} from './workflow';

describe('the entry workflow table', () => {
  it('lists the statuses in the order of an entry’s life, and only those', () => {
    expect(entryStatuses).toEqual([
      'draft',
      'keyedOnce',
      'keyedTwice',
      'arbitrated',
      'submitted',
      'approved',
      'rejected',
      'voided',
    ]);
    for (const transition of entryWorkflow.transitions) {
      for (const status of [...transition.from, transition.to]) {
        expect(entryStatuses, `${transition.event}: ${status}`).toContain(status);
      }
    }
  });

  it('reads the review queue, the returned list and the voided entries from its rows', () => {
    expect(awaitingReview()).toEqual(['arbitrated', 'submitted']);
    expect(returnedStatuses()).toEqual(['rejected']);
    expect(setAsideStatuses()).toEqual(['voided']);
  });

  it('exports approved entries, and submitted ones only where the book allows it', () => {
    expect(entryStatuses.filter((status) => exportsStatus(status, false))).toEqual(['approved']);
    expect(entryStatuses.filter((status) => exportsStatus(status, true))).toEqual([
      'submitted',
      'approved',
    ]);
  });

  it('lets nobody decide on an entry they typed or submitted', () => {
    expect(mayDecide({ status: 'submitted', createdBy: 'a' }, 'b')).toBe(true);
    expect(mayDecide({ status: 'submitted', createdBy: 'a' }, 'a')).toBe(false);
    expect(mayDecide({ status: 'submitted', createdBy: 'a', submittedBy: 'b' }, 'b')).toBe(false);
    expect(mayDecide({ status: 'draft', createdBy: 'a' }, 'b')).toBe(false);
  });

  it('keeps the second keying from the first keyer and the arbitration from both', () => {
    const second = transitionFrom('key-second', 'keyedOnce', entryWorkflow);
    expect(second?.to).toBe('keyedTwice');
    expect(second?.guard?.({ createdBy: 'a', keying: { a: 'a' } }, 'a')).toBe('same-keyer');
    expect(second?.guard?.({ createdBy: 'a', keying: { a: 'a' } }, 'b')).toBeNull();
    const settle = transitionFrom('arbitrate', 'keyedTwice', entryWorkflow);
    expect(settle?.to).toBe('arbitrated');
    expect(settle?.guard?.({ keying: { a: 'a', b: 'b' } }, 'a')).toBe('same-keyer');
    expect(settle?.guard?.({ keying: { a: 'a', b: 'b' } }, 'b')).toBe('same-keyer');
    expect(settle?.guard?.({ keying: { a: 'a', b: 'b' } }, 'c')).toBeNull();
    // Settled, it waits for a reviewer who keyed neither side.
    expect(mayDecide({ status: 'arbitrated', keying: { a: 'a', b: 'b' } }, 'b')).toBe(false);
    expect(mayDecide({ status: 'arbitrated', keying: { a: 'a', b: 'b' } }, 'c')).toBe(true);
  });

  it('restores only a voided entry that keeps how it was voided', () => {
    const restore = transitionFrom('restore', 'voided', entryWorkflow);
    expect(restore?.to).toBe('draft');
    expect(restore?.guard?.({}, 'a')).toBe('wrong-status');
    expect(restore?.guard?.({ voided: { reason: 'x' } }, 'a')).toBeNull();
  });

  it('names every event of the workflow among the audit actions, once', () => {
    for (const event of entryEvents) expect(auditActions).toContain(event);
    expect(new Set(auditActions).size).toBe(auditActions.length);
  });
});

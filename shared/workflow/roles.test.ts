import { describe, expect, it } from 'vitest';
import {
  can,
  canReview,
  canSubmit,
  isPinShaped,
  isValidPin,
  mayTake,
  pinProblem,
  statusAfterEdit,
} from './roles';

describe('roles', () => {
  it('let data-entry officers type but not review or administer', () => {
    expect(can('entry', 'enter')).toBe(true);
    expect(can('entry', 'review')).toBe(false);
    expect(can('entry', 'administer')).toBe(false);
  });

  it('let reviewers review but not administer, and administrators do everything', () => {
    expect(can('review', 'review')).toBe(true);
    expect(can('review', 'administer')).toBe(false);
    expect(['enter', 'review', 'administer'].every((p) => can('admin', p as never))).toBe(true);
  });
});

describe('entry status', () => {
  it('submits drafts and rejected entries only, and reviews only submitted ones', () => {
    expect(['draft', 'rejected'].every((s) => canSubmit(s as never))).toBe(true);
    expect(canSubmit('submitted')).toBe(false);
    expect(canSubmit('approved')).toBe(false);
    expect(canReview('submitted')).toBe(true);
    expect(canReview('draft')).toBe(false);
  });

  it('withdraws a submitted or approved entry that is changed, and keeps a rejection in view', () => {
    expect(statusAfterEdit('approved')).toBe('draft');
    expect(statusAfterEdit('submitted')).toBe('draft');
    expect(statusAfterEdit('rejected')).toBe('rejected');
  });
});

describe('PINs', () => {
  it('are 4 to 8 digits', () => {
    expect(isValidPin('2468')).toBe(true);
    expect(isValidPin('25803691')).toBe(true);
    expect(isValidPin('246')).toBe(false);
    expect(isValidPin('246813579')).toBe(false);
    expect(isValidPin('24a8')).toBe(false);
  });

  it('refuse one digit repeated and straight runs, as the hint says', () => {
    for (const pin of ['1234', '1111', '0000', '9876', '0123', '12345678', '43210']) {
      expect(pinProblem(pin), pin).toBe('easy-pin');
    }
    for (const pin of ['1235', '1212', '2468', '1990', '0912']) {
      expect(pinProblem(pin), pin).toBeNull();
    }
    expect(pinProblem('12')).toBe('invalid-pin');
  });

  it('still let a PIN set before these rules sign in', () => {
    expect(isPinShaped('1234')).toBe(true);
    expect(isPinShaped('12a4')).toBe(false);
  });
});

describe('who may reopen an entry', () => {
  const typist = { id: 'an', role: 'entry' as const };
  const otherTypist = { id: 'binh', role: 'entry' as const };
  const supervisor = { id: 'chi', role: 'review' as const };

  it('lets any typist reopen a submitted or approved entry, with the review step undone', () => {
    for (const status of ['submitted', 'approved'] as const) {
      const entry = { status, createdBy: typist.id };
      expect(mayTake('reopen', entry, typist)).toBe(true);
      expect(mayTake('reopen', entry, otherTypist)).toBe(true);
    }
    expect(mayTake('reopen', { status: 'draft', createdBy: typist.id }, typist)).toBe(false);
  });

  it('leaves an entry being keyed twice to a supervisor who keyed neither side', () => {
    const keyedOnce = { status: 'keyedOnce' as const, keying: { a: typist.id } };
    const keyedTwice = {
      status: 'keyedTwice' as const,
      keying: { a: typist.id, b: otherTypist.id },
    };
    for (const entry of [keyedOnce, keyedTwice]) {
      expect(mayTake('reopen', entry, typist)).toBe(false);
      expect(mayTake('reopen', entry, { id: 'dung', role: 'entry' })).toBe(false);
      expect(mayTake('reopen', entry, supervisor)).toBe(true);
    }
    expect(mayTake('reopen', keyedTwice, otherTypist)).toBe(false);
    expect(mayTake('reopen', keyedTwice, { id: otherTypist.id, role: 'review' })).toBe(false);
  });
});

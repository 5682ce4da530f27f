import { describe, expect, it } from 'vitest';
import { can, canReview, canSubmit, isValidPin, statusAfterEdit } from './roles';

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
    expect(isValidPin('1234')).toBe(true);
    expect(isValidPin('12345678')).toBe(true);
    expect(isValidPin('123')).toBe(false);
    expect(isValidPin('123456789')).toBe(false);
    expect(isValidPin('12a4')).toBe(false);
  });
});

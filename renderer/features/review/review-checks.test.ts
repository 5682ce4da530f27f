import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../shared/validation/types';
import { reviewChecks } from './review-checks';

const husband: Issue = {
  field: 'chongNgaySinh',
  rule: 'underMarriageAge',
  severity: 'warning',
  params: { years: 20, age: 19 },
};
const wife: Issue = {
  field: 'voNgaySinh',
  rule: 'underMarriageAge',
  severity: 'warning',
  params: { years: 18, age: 16 },
};
const missing: Issue = { field: 'voHoTen', rule: 'required', severity: 'error' };
const order = ['ngayDangKy', 'chongNgaySinh', 'voHoTen', 'voNgaySinh'];

describe('reviewChecks', () => {
  it('shows every issue: errors, warnings still open, and confirmed ones with their reason', () => {
    const checks = reviewChecks(
      { errors: [missing], warnings: [wife, husband] },
      [{ field: 'voNgaySinh', rule: 'underMarriageAge', reason: 'Có quyết định của tòa', at: 1 }],
      order,
    );
    expect(checks.map((check) => [check.issue.field, check.state])).toEqual([
      ['voHoTen', 'error'],
      ['chongNgaySinh', 'unconfirmed'],
      ['voNgaySinh', 'confirmed'],
    ]);
    expect(checks[2]?.acknowledgement?.reason).toBe('Có quyết định của tòa');
  });

  it('does not count an answer with an empty reason, nor one to another warning', () => {
    const checks = reviewChecks({ errors: [], warnings: [husband] }, [
      { field: 'chongNgaySinh', rule: 'underMarriageAge', reason: '  ', at: 1 },
      { field: 'voNgaySinh', rule: 'underMarriageAge', reason: 'Đúng sổ', at: 1 },
    ]);
    expect(checks).toEqual([{ issue: husband, state: 'unconfirmed' }]);
  });
});

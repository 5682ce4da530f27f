import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../shared/validation/types';
import { issuesByField } from './issues-by-field';

const required = (field: string): Issue => ({ field, rule: 'required', severity: 'error' });
const gap: Issue = {
  field: 'so',
  rule: 'numberingGap',
  severity: 'warning',
  params: { from: 4, to: 6 },
  subject: '4-6',
};

describe("a field's issues from one check to the next", () => {
  it('groups errors before warnings, per field', () => {
    const byField = issuesByField(
      { errors: [required('so'), required('nksHoTen')], warnings: [gap] },
      new Map(),
    );
    expect(byField.get('so')).toEqual([required('so'), gap]);
    expect(byField.get('nksHoTen')).toEqual([required('nksHoTen')]);
    expect(byField.has('meHoTen')).toBe(false);
  });

  it('keeps the list of a field whose issues did not change, and only that one', () => {
    const before = issuesByField(
      { errors: [required('so'), required('nksHoTen')], warnings: [gap] },
      new Map(),
    );
    // The officer filled nksHoTen; the number's issues read the same as before.
    const after = issuesByField({ errors: [required('so')], warnings: [{ ...gap }] }, before);
    expect(after.get('so')).toBe(before.get('so'));
    expect(after.has('nksHoTen')).toBe(false);
  });

  it('gives a new list when an issue of the field changed', () => {
    const before = issuesByField({ errors: [], warnings: [gap] }, new Map());
    const wider = { ...gap, params: { from: 4, to: 7 }, subject: '4-7' };
    const after = issuesByField({ errors: [], warnings: [wider] }, before);
    expect(after.get('so')).not.toBe(before.get('so'));
    expect(after.get('so')).toEqual([wider]);
    const more = issuesByField({ errors: [required('so')], warnings: [gap] }, before);
    expect(more.get('so')).toEqual([required('so'), gap]);
  });
});

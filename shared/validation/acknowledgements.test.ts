import { describe, expect, it } from 'vitest';
import type { Issue, ValidationResult } from './types';
import {
  TWINS_REASON,
  acknowledge,
  canSubmit,
  pendingWarnings,
  warningKey,
} from './acknowledgements';

const duplicate: Issue = {
  field: 'nksHoTen',
  rule: 'possibleDuplicate',
  severity: 'warning',
  params: { otherId: 'b', otherSo: '13' },
};
const oddName: Issue = { field: 'meHoTen', rule: 'unusualNameChars', severity: 'warning' };
const missing: Issue = { field: 'so', rule: 'required', severity: 'error' };

const result = (errors: Issue[], warnings: Issue[]): ValidationResult => ({ errors, warnings });

describe('acknowledgements', () => {
  it('keys an answer by field and rule', () => {
    expect(warningKey(duplicate)).toBe('nksHoTen:possibleDuplicate');
  });

  it('records the reason, trimmed, with when and who', () => {
    expect(acknowledge(oddName, '  sổ ghi đúng như vậy ', 100, 'cb01')).toEqual({
      field: 'meHoTen',
      rule: 'unusualNameChars',
      reason: 'sổ ghi đúng như vậy',
      at: 100,
      by: 'cb01',
    });
    expect(acknowledge(oddName, 'sổ ghi vậy', 100)).not.toHaveProperty('by');
  });

  it('records twins as an ordinary, explicit answer', () => {
    const ack = acknowledge(duplicate, TWINS_REASON, 5);
    expect(ack.reason).toBe('song sinh');
    expect(pendingWarnings(result([], [duplicate]), [ack])).toEqual([]);
  });

  it('refuses an empty reason and refuses to acknowledge an error', () => {
    expect(() => acknowledge(oddName, '   ', 1)).toThrow(/reason is required/u);
    expect(() => acknowledge(missing, 'không có', 1)).toThrow(/Only warnings/u);
  });

  it('leaves pending the warnings without an answer, and ignores stored empty answers', () => {
    const ack = acknowledge(oddName, 'sổ ghi vậy', 1);
    const blank = { ...acknowledge(duplicate, 'x', 1), reason: '' };
    expect(pendingWarnings(result([], [duplicate, oddName]), [ack, blank])).toEqual([duplicate]);
  });

  it('lets an entry be submitted only with no errors and every warning answered', () => {
    const answers = [
      acknowledge(oddName, 'sổ ghi vậy', 1),
      acknowledge(duplicate, TWINS_REASON, 2),
    ];
    expect(canSubmit(result([], []), [])).toBe(true);
    expect(canSubmit(result([], [duplicate, oddName]), answers)).toBe(true);
    expect(canSubmit(result([], [duplicate, oddName]), answers.slice(0, 1))).toBe(false);
    expect(canSubmit(result([missing], [oddName]), answers)).toBe(false);
  });
});

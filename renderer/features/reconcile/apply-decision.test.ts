import { describe, expect, it } from 'vitest';
import type { ReconcileResult } from '../../workers/reconcile-core';
import { applyDecision } from './apply-decision';

const pending: ReconcileResult = {
  both: [],
  uncertain: [
    { sohoaId: 'e1', extractKey: 'r1', score: 6, band: 'probable', isTwin: false, differing: [] },
  ],
  onlySohoa: ['e2'],
  confirmedDifferent: [],
  onlyExtract: ['r2'],
  duplicates: [],
};

describe('a reviewer’s verdict on the screen', () => {
  it('"same" counts the entry as already present', () => {
    const after = applyDecision(pending, { sohoaId: 'e1', extractKey: 'r1' }, 'same');
    expect(after.uncertain).toEqual([]);
    expect(after.both.map((p) => [p.sohoaId, p.decided])).toEqual([['e1', 'same']]);
    expect(after.onlySohoa).toEqual(['e2']);
  });

  it('"different" leaves the entry to move and the row to check', () => {
    const after = applyDecision(pending, { sohoaId: 'e1', extractKey: 'r1' }, 'different');
    expect(after.onlySohoa).toEqual(['e2', 'e1']);
    expect(after.confirmedDifferent).toEqual(['e1']);
    expect(after.onlyExtract).toEqual(['r2', 'r1']);
  });
});

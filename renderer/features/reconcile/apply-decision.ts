// A reviewer's verdict applied to the result on screen, without linking again: "same" moves the
// pair to those in both; "different" leaves the entry to move and the row to check.
import type { ReconcilePair, ReconcileResult } from '../../workers/reconcile-core';

export function applyDecision(
  result: ReconcileResult,
  pair: Pick<ReconcilePair, 'sohoaId' | 'extractKey'>,
  verdict: 'same' | 'different',
): ReconcileResult {
  const found = result.uncertain.find(
    (p) => p.sohoaId === pair.sohoaId && p.extractKey === pair.extractKey,
  );
  if (!found) return result;
  const uncertain = result.uncertain.filter((p) => p !== found);
  if (verdict === 'same') {
    return { ...result, uncertain, both: [...result.both, { ...found, decided: 'same' }] };
  }
  return {
    ...result,
    uncertain,
    onlySohoa: [...result.onlySohoa, found.sohoaId],
    confirmedDifferent: [...result.confirmedDifferent, found.sohoaId],
    onlyExtract: [...result.onlyExtract, found.extractKey],
  };
}

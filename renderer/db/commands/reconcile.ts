// A reviewer's decision on a pair the reconciliation was unsure of: the same registration, or
// two different ones. Kept by entry and extract-row key, so a later extract re-uses it; each
// decision is an audited write on the entry, with the row it was compared to.
import type { ReconcileDecision } from '../types';
import type { CommandContext } from './run';

export type ReconcileVerdict = ReconcileDecision['verdict'];

export const decisionId = (sohoaId: string, extractKey: string): string =>
  `${sohoaId}|${extractKey}`;

export function reconcileCommands({ db, run }: CommandContext) {
  /** Records (or changes) the verdict on one pair; the reviewer permission is required. */
  const decideReconcilePair = (
    sohoaId: string,
    extractKey: string,
    verdict: ReconcileVerdict,
  ): Promise<ReconcileDecision> =>
    run('review', ['reconcileDecisions', 'records'], async (tx) => {
      const id = decisionId(sohoaId, extractKey);
      const before = await db.reconcileDecisions.get(id);
      const decision: ReconcileDecision = {
        id,
        sohoaId,
        extractKey,
        verdict,
        by: tx.officer.id,
        at: tx.now,
      };
      await db.reconcileDecisions.put(decision);
      tx.audit({
        entity: 'record',
        entityId: sohoaId,
        action: 'reconcile',
        field: extractKey,
        ...(before ? { oldValue: before.verdict } : {}),
        newValue: verdict,
      });
      return decision;
    });

  return { decideReconcilePair };
}

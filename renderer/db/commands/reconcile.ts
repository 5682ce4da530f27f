// A reviewer's decision on a pair the reconciliation was unsure of: the same registration, or
// two different ones. Kept by entry and extract-row key, so a later extract re-uses it; each
// decision is an audited write on the entry, with the row it was compared to.
import { columnsSettingKey, type SavedColumns } from '../../../shared/reconcile/columns';
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

  /**
   * Keeps how the columns of a population-database extract were mapped, for the next file with
   * the same header row: a setting of the data, audited, carried by backups.
   */
  const saveExtractColumns = (saved: SavedColumns): Promise<void> =>
    run('enter', ['settings'], async (tx) => {
      const key = columnsSettingKey(saved.headers);
      const before = await db.settings.get(key);
      const unchanged = JSON.stringify(before?.value) === JSON.stringify(saved);
      if (unchanged) return;
      await db.settings.put({ key, value: saved });
      tx.audit({
        entity: 'setting',
        entityId: key,
        action: 'update',
        oldValue: JSON.stringify(before?.value ?? null),
        newValue: JSON.stringify(saved),
      });
    });

  return { decideReconcilePair, saveExtractColumns };
}

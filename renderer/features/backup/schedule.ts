// When an automatic backup is due: once a day, and after every N entries added or changed
// since the last one. Pure, so the rule is tested without a clock or a database.
import type { BackupSchedule } from '../../db/repositories';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface LastBackup {
  at: number;
  reason: string;
  fileName: string;
  bytes: number;
}

export function dueReason(
  now: number,
  last: LastBackup | null,
  changedSinceLast: number,
  schedule: BackupSchedule,
): 'daily' | 'entries' | null {
  if (!last || now - last.at >= DAY_MS) return 'daily';
  if (schedule.everyEntries > 0 && changedSinceLast >= schedule.everyEntries) return 'entries';
  return null;
}

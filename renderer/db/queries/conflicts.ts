// Reads of the conflicts a received work package left: entries changed on both PCs.
import type { SohoaDatabase } from '../database';
import type { EntryConflict, EntryRecord } from '../types';

export function conflictCount(db: SohoaDatabase, bookId: string): Promise<number> {
  return db.conflicts.where('bookId').equals(bookId).count();
}

/** Each conflict beside this PC's version of the entry, in số order. */
export async function conflictsWithMine(
  db: SohoaDatabase,
  bookId: string,
): Promise<{ conflict: EntryConflict; mine: EntryRecord }[]> {
  const conflicts = await db.conflicts.where('bookId').equals(bookId).toArray();
  const mine = await db.records.bulkGet(conflicts.map((conflict) => conflict.id));
  return conflicts
    .map((conflict, i) => ({ conflict, mine: mine[i] }))
    .filter((row): row is { conflict: EntryConflict; mine: EntryRecord } => !!row.mine)
    .sort(
      (a, b) =>
        Number.parseInt(a.mine.fields.so ?? '', 10) - Number.parseInt(b.mine.fields.so ?? '', 10),
    );
}

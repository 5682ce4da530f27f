// Keying time is added to in batches while officers type: each batch adds to the rows of its
// slots (officer, book, day, pass) in one transaction, so a batch is counted whole or not at all.
// Not audited: it measures work, it changes no entry.
import { slotId, type KeyingDelta } from '../../../shared/keying/keying-time';
import type { CommandContext } from './run';

export function keyingTimeCommands({ db }: CommandContext) {
  const addKeyingTime = async (deltas: readonly KeyingDelta[], now = Date.now()): Promise<void> => {
    if (deltas.length === 0) return;
    await db.transaction('rw', db.keyingTime, async () => {
      for (const delta of deltas) {
        const id = slotId(delta);
        const before = await db.keyingTime.get(id);
        await db.keyingTime.put({
          id,
          officerId: delta.officerId,
          bookId: delta.bookId,
          day: delta.day,
          pass: delta.pass,
          keystrokes: (before?.keystrokes ?? 0) + delta.keystrokes,
          totalSeconds: (before?.totalSeconds ?? 0) + delta.totalSeconds,
          pausedSeconds: (before?.pausedSeconds ?? 0) + delta.pausedSeconds,
          fieldsKeyed: (before?.fieldsKeyed ?? 0) + delta.fieldsKeyed,
          updatedAt: now,
        });
      }
    });
  };
  return { addKeyingTime };
}

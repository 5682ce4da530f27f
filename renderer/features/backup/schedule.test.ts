import { describe, expect, it } from 'vitest';
import { DAY_MS, dueReason, type LastBackup } from './schedule';

const schedule = { everyEntries: 50, keep: 10 };
const last: LastBackup = { at: 1_000_000, reason: 'daily', fileName: 'a.sohoa', bytes: 1 };

describe('dueReason', () => {
  it('backs up at once on a PC that was never backed up', () => {
    expect(dueReason(5, null, 0, schedule)).toBe('daily');
  });

  it('backs up once a day', () => {
    expect(dueReason(last.at + DAY_MS - 1, last, 0, schedule)).toBeNull();
    expect(dueReason(last.at + DAY_MS, last, 0, schedule)).toBe('daily');
  });

  it('backs up after the set number of entries, and not before', () => {
    expect(dueReason(last.at + 10, last, 49, schedule)).toBeNull();
    expect(dueReason(last.at + 10, last, 50, schedule)).toBe('entries');
    expect(dueReason(last.at + 10, last, 500, { ...schedule, everyEntries: 0 })).toBeNull();
  });
});

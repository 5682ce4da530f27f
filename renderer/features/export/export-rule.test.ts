import { describe, expect, it } from 'vitest';
import type { EntryRecord, EntryStatus } from '../../db/types';
import { exportableEntries } from './export-rule';

const entry = (status: EntryStatus) => ({ id: status, status }) as EntryRecord;
const all = (['draft', 'submitted', 'approved', 'rejected'] as const).map(entry);
const ids = (records: EntryRecord[]) => records.map((record) => record.id);

describe('exportableEntries', () => {
  it('takes only approved entries by default', () => {
    expect(ids(exportableEntries({}, all))).toEqual(['approved']);
  });

  it('also takes entries waiting for review when the book allows it', () => {
    expect(ids(exportableEntries({ exportSubmitted: true }, all))).toEqual([
      'submitted',
      'approved',
    ]);
  });
});

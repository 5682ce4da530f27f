import { describe, expect, it } from 'vitest';
import type { EntryRecord, EntryStatus } from '../../db/types';
import { exportableEntries, selectForExport } from './export-rule';

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

describe('selectForExport', () => {
  it('counts the entries the export leaves out, so the officer can be told why', () => {
    const approvedOnly = selectForExport({}, all);
    expect(ids(approvedOnly.entries)).toEqual(['approved']);
    expect(approvedOnly.leftOut).toBe(3);
    const withSubmitted = selectForExport({ exportSubmitted: true }, all);
    expect(ids(withSubmitted.entries)).toEqual(['submitted', 'approved']);
    expect(withSubmitted.leftOut).toBe(2);
  });

  it('leaves nothing out of a book with no entries', () => {
    expect(selectForExport({ exportSubmitted: true }, [])).toEqual({ entries: [], leftOut: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../db/types';
import { historySteps } from './history-lines';

let seq = 0;
function event(partial: Partial<AuditEvent> & Pick<AuditEvent, 'at' | 'by' | 'action'>) {
  seq += 1;
  return {
    seq,
    entity: 'record',
    entityId: 'e1',
    prevHash: '',
    hash: '',
    ...partial,
  } as AuditEvent;
}

describe('historySteps', () => {
  it('tells the life of an entry: typed, sent, sent back with a reason, fixed, approved', () => {
    const events = [
      event({ at: 0, by: 'lan', action: 'create' }),
      event({
        at: 1000,
        by: 'lan',
        action: 'edit',
        field: 'nksHoTen',
        oldValue: '',
        newValue: 'An',
      }),
      event({
        at: 2000,
        by: 'lan',
        action: 'edit',
        field: 'nksHoTen',
        oldValue: 'An',
        newValue: 'Ân',
      }),
      event({ at: 3000, by: 'lan', action: 'edit', field: 'so', oldValue: '1', newValue: '2' }),
      event({ at: 4000, by: 'lan', action: 'submit', newValue: 'submitted' }),
      event({
        at: 9000,
        by: 'minh',
        action: 'reject',
        oldValue: 'submitted',
        newValue: 'rejected',
        reason: 'Sai tên',
      }),
      event({
        at: 9000,
        by: 'minh',
        action: 'comment',
        field: 'nksHoTen',
        newValue: 'Xem lại dấu',
      }),
      event({
        at: 200_000,
        by: 'lan',
        action: 'edit',
        field: 'nksHoTen',
        oldValue: 'Ân',
        newValue: 'Ấn',
      }),
      event({ at: 201_000, by: 'lan', action: 'submit', newValue: 'submitted' }),
      event({
        at: 300_000,
        by: 'minh',
        action: 'approve',
        oldValue: 'submitted',
        newValue: 'approved',
      }),
    ];
    const steps = historySteps(events);
    expect(steps.map((step) => [step.by, step.action])).toEqual([
      ['lan', 'create'],
      ['lan', 'edit'],
      ['lan', 'submit'],
      ['minh', 'reject'],
      ['lan', 'edit'],
      ['lan', 'submit'],
      ['minh', 'approve'],
    ]);
    expect(steps[1]?.changes).toEqual([
      { field: 'nksHoTen', oldValue: '', newValue: 'Ân' },
      { field: 'so', oldValue: '1', newValue: '2' },
    ]);
    expect(steps[3]).toMatchObject({
      reason: 'Sai tên',
      changes: [{ field: 'nksHoTen', oldValue: '', newValue: 'Xem lại dấu' }],
    });
    expect(steps[4]?.changes).toEqual([{ field: 'nksHoTen', oldValue: 'Ân', newValue: 'Ấn' }]);
  });

  it('keeps edits by different officers apart even when close in time', () => {
    const steps = historySteps([
      event({ at: 0, by: 'lan', action: 'edit', field: 'so', oldValue: '', newValue: '1' }),
      event({ at: 10, by: 'minh', action: 'edit', field: 'so', oldValue: '1', newValue: '2' }),
    ]);
    expect(steps).toHaveLength(2);
  });
});

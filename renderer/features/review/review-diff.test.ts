import { describe, expect, it } from 'vitest';
import type { AuditAction, AuditEvent } from '../../db/types';
import { changesSinceRejection } from './review-diff';

let seq = 0;
const event = (action: AuditAction, extra: Partial<AuditEvent> = {}): AuditEvent => {
  seq += 1;
  return {
    seq,
    at: seq * 1000,
    entity: 'record',
    entityId: 'e1',
    action,
    by: 'o1',
    prevHash: '',
    hash: '',
    ...extra,
  };
};
const edit = (field: string, oldValue: string, newValue: string) =>
  event('edit', { field, oldValue, newValue });

describe('changesSinceRejection', () => {
  it('is empty for an entry never sent back', () => {
    const events = [event('create'), edit('chongHoTen', '', 'Giàng A Sử'), event('submit')];
    expect(changesSinceRejection(events)).toEqual({ rejectedAt: null, changes: [] });
  });

  it('gives each field its value at the last rejection and its value now', () => {
    const events = [
      event('create'),
      edit('chongNgaySinh', '', '15.06.1988'),
      event('submit'),
      event('reject', { reason: 'Sai ngày sinh' }),
      edit('chongNgaySinh', '15.06.1988', '15.06.198'),
      edit('chongNgaySinh', '15.06.198', '15.06.1985'),
      event('submit'),
      event('reject', { reason: 'Còn sai tên vợ' }),
      edit('voHoTen', 'Sùng Thi Dua', 'Sùng Thị Dua'),
      // Typed over and back: not a change.
      edit('noiDangKy', 'Xã A', 'Xã B'),
      edit('noiDangKy', 'Xã B', 'Xã A'),
      event('submit'),
    ];
    const since = changesSinceRejection(events);
    expect(since.rejectedAt).toBe(events[7]?.at);
    expect(since.changes).toEqual([
      { field: 'voHoTen', then: 'Sùng Thi Dua', now: 'Sùng Thị Dua' },
    ]);
  });

  it('reads the events in the order of the log, not as they were handed over', () => {
    const events = [
      event('reject'),
      edit('chongNgaySinh', '15.06.1988', '15.06.1985'),
      edit('chongNgaySinh', '15.06.1985', '15.06.1986'),
    ];
    expect(changesSinceRejection([...events].reverse()).changes).toEqual([
      { field: 'chongNgaySinh', then: '15.06.1988', now: '15.06.1986' },
    ]);
  });
});

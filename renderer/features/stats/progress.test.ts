import { describe, expect, it } from 'vitest';
import type { AuditEvent, Book, EntryRecord, EntryStatus, Person } from '../../db/types';
import {
  activeTime,
  bookProgress,
  dailyStats,
  officerStats,
  progressByType,
  type BookProgress,
} from './progress';

const MIN = 60_000;

function book(id: string, type: Book['type'], expectedCount: number | null): Book {
  return {
    id,
    type,
    templateVersion: `${type}-test`,
    quyenSo: '01',
    year: 2008,
    noiDangKy: '',
    nguoiKy: '',
    chucVuNguoiKy: '',
    nguoiThucHien: '',
    expectedCount,
    createdAt: 0,
    updatedAt: 0,
  };
}

function record(id: string, bookId: string, status: EntryStatus, createdBy = 'a'): EntryRecord {
  return {
    id,
    bookId,
    templateVersion: 'x',
    fields: {},
    pageIds: [],
    status,
    createdAt: 0,
    updatedAt: 0,
    revision: 1,
    nameKey: '',
    acknowledgements: [],
    createdBy,
  };
}

function event(at: number, by: string, action: string, entityId = 'r1'): AuditEvent {
  return { at, by, action, entity: 'record', entityId, prevHash: '', hash: '' };
}

const person = (id: string, name: string): Person => ({ id, name, role: 'entry', createdAt: 0 });

describe('bookProgress', () => {
  it('counts entries by status and the approved share of the expected count', () => {
    const records = [
      record('1', 'b', 'draft'),
      record('2', 'b', 'submitted'),
      record('3', 'b', 'approved'),
      record('4', 'b', 'approved'),
      record('5', 'b', 'rejected'),
      record('6', 'other', 'approved'),
    ];
    expect(bookProgress(book('b', 'KS', 8), records)).toEqual({
      bookId: 'b',
      type: 'KS',
      expected: 8,
      entered: 5,
      draft: 1,
      submitted: 1,
      approved: 2,
      rejected: 1,
      percentDone: 25,
    });
  });

  it('measures against what was entered when the book has no expected count', () => {
    const records = [record('1', 'b', 'approved'), record('2', 'b', 'draft')];
    expect(bookProgress(book('b', 'KS', null), records).percentDone).toBe(50);
  });

  it('reports 0 % for an empty book rather than dividing by zero', () => {
    expect(bookProgress(book('b', 'KS', null), []).percentDone).toBe(0);
  });
});

describe('progressByType', () => {
  it('adds books of one type together and keeps types apart', () => {
    const books: BookProgress[] = [
      bookProgress(book('k1', 'KS', 100), [record('1', 'k1', 'approved')]),
      bookProgress(book('k2', 'KS', 100), [
        record('2', 'k2', 'approved'),
        record('3', 'k2', 'draft'),
      ]),
      bookProgress(book('t1', 'KT', null), [record('4', 't1', 'submitted')]),
    ];
    expect(progressByType(books)).toEqual([
      { type: 'KS', expected: 200, entered: 3, approved: 2, percentDone: 1 },
      { type: 'KT', expected: 1, entered: 1, approved: 0, percentDone: 0 },
    ]);
  });
});

describe('activeTime', () => {
  it('adds the gaps between actions and leaves out long pauses', () => {
    expect(activeTime([0, 5 * MIN, 10 * MIN, 70 * MIN, 72 * MIN])).toBe(12 * MIN);
  });

  it('does not depend on the order the actions are given in', () => {
    expect(activeTime([10 * MIN, 0, 5 * MIN])).toBe(10 * MIN);
  });
});

describe('officerStats', () => {
  const people = [person('a', 'Lan'), person('b', 'Minh')];

  it('gives entries per hour over the time spent working', () => {
    // Six entries over thirty minutes of work, with a lunch break in between.
    const times = [0, 5, 10, 15, 120, 125, 135].map((m) => m * MIN);
    const events = times.flatMap((at, i) =>
      i < 6 ? [event(at, 'a', 'create', `r${i}`)] : [event(at, 'a', 'submit', 'r0')],
    );
    const [lan] = officerStats(people, [], events);
    expect(lan).toMatchObject({ created: 6, submitted: 1, activeMs: 30 * MIN, entriesPerHour: 12 });
  });

  it('has no rate before there is time enough to measure', () => {
    const quick = [0, 1, 2].map((m) => event(m * MIN, 'a', 'create', `r${m}`));
    const [lan] = officerStats(people, [], quick);
    expect(lan?.entriesPerHour).toBeNull();
    expect(lan?.rejectionRate).toBeNull();
  });

  it('counts decisions on an officer’s entries, whoever took them, as their rejection rate', () => {
    const records = [record('r1', 'b', 'approved', 'a'), record('r2', 'b', 'rejected', 'a')];
    const events = [
      event(1, 'b', 'reject', 'r1'),
      event(2, 'b', 'approve', 'r1'),
      event(3, 'b', 'reject', 'r2'),
      event(4, 'b', 'approve', 'r3'),
    ];
    const [lan, minh] = officerStats(people, records, events);
    expect(lan).toMatchObject({ decisions: 3, rejections: 2, rejectionRate: 66.7 });
    expect(minh).toMatchObject({ decisions: 0, rejections: 0, rejectionRate: null });
  });
});

describe('dailyStats', () => {
  it('counts what happened to entries per day, newest first', () => {
    const dayOf = (at: number) => (at < 100 ? '2026-11-20' : '2026-11-21');
    const events: AuditEvent[] = [
      event(1, 'a', 'create'),
      event(2, 'a', 'edit'),
      event(3, 'a', 'submit'),
      event(150, 'b', 'reject'),
      event(160, 'a', 'submit'),
      event(170, 'b', 'approve'),
      { ...event(180, 'a', 'create'), entity: 'book' },
    ];
    expect(dailyStats(events, dayOf)).toEqual([
      { day: '2026-11-21', created: 0, submitted: 1, approved: 1, rejected: 1 },
      { day: '2026-11-20', created: 1, submitted: 1, approved: 0, rejected: 0 },
    ]);
  });
});

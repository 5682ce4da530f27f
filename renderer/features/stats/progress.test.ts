import { describe, expect, it } from 'vitest';
import type {
  AuditAction,
  AuditEvent,
  Book,
  EntryRecord,
  EntryStatus,
  Person,
} from '../../db/types';
import {
  activeTime,
  blankEntryIds,
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

/** An entry with a name typed in; `blank` leaves only its số and the book's defaults. */
function record(
  id: string,
  bookId: string,
  status: EntryStatus,
  createdBy = 'a',
  blank = false,
): EntryRecord {
  return {
    id,
    bookId,
    templateVersion: 'ks-70',
    fields: blank
      ? { so: id, quyenSo: '01/2008', nguoiKy: 'Lê Đức Tuấn', nksHoTen: '' }
      : { so: id, nksHoTen: `Người ${id}` },
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

function event(at: number, by: string, action: AuditAction, entityId = 'r1'): AuditEvent {
  return { at, by, action, entity: 'record', entityId, prevHash: '', hash: '' };
}

const person = (id: string, name: string): Person => ({ id, name, role: 'entry', createdAt: 0 });
const none: ReadonlySet<string> = new Set();

describe('blankEntryIds', () => {
  it('finds the entries holding only their số and the book’s defaults', () => {
    const records = [record('1', 'b', 'draft'), record('2', 'b', 'draft', 'a', true)];
    expect([...blankEntryIds(records)]).toEqual(['2']);
  });
});

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
    expect(bookProgress(book('b', 'KS', 8), records, none)).toEqual({
      bookId: 'b',
      type: 'KS',
      expected: 8,
      entered: 5,
      draft: 1,
      submitted: 1,
      approved: 2,
      rejected: 1,
      keyedOnce: 0,
      keyedTwice: 0,
      arbitrated: 0,
      blank: 0,
      voided: 0,
      percentDone: 25,
    });
  });

  it('counts the entries on their way through double keying in columns of their own', () => {
    const records = [
      record('1', 'b', 'keyedOnce'),
      record('2', 'b', 'keyedOnce'),
      record('3', 'b', 'keyedTwice'),
      record('4', 'b', 'arbitrated'),
      record('5', 'b', 'approved'),
    ];
    expect(bookProgress(book('b', 'KS', 10), records, none)).toMatchObject({
      entered: 5,
      draft: 0,
      submitted: 0,
      keyedOnce: 2,
      keyedTwice: 1,
      arbitrated: 1,
      approved: 1,
      percentDone: 10,
    });
  });

  it('counts blank entries apart, not as entered', () => {
    const records = [
      record('1', 'b', 'approved'),
      record('2', 'b', 'draft', 'a', true),
      record('3', 'b', 'draft', 'a', true),
    ];
    expect(bookProgress(book('b', 'KS', 4), records, blankEntryIds(records))).toMatchObject({
      entered: 1,
      draft: 0,
      blank: 2,
      percentDone: 25,
    });
  });

  it('counts voided entries apart, typed or blank, not as entered', () => {
    const records = [
      record('1', 'b', 'approved'),
      record('2', 'b', 'voided'),
      record('3', 'b', 'voided', 'a', true),
    ];
    expect(bookProgress(book('b', 'KS', 4), records, blankEntryIds(records))).toMatchObject({
      entered: 1,
      blank: 0,
      voided: 2,
    });
  });

  it('gives no share for a book without an expected count: there is nothing to measure by', () => {
    const records = [record('1', 'b', 'approved'), record('2', 'b', 'draft')];
    expect(bookProgress(book('b', 'KS', null), records, none).percentDone).toBeNull();
  });

  it('reports 0 % for an empty book with a target rather than dividing by zero', () => {
    expect(bookProgress(book('b', 'KS', 0), [], none).percentDone).toBe(0);
  });
});

describe('progressByType', () => {
  it('adds books of one type together and keeps types apart', () => {
    const books: BookProgress[] = [
      bookProgress(book('k1', 'KS', 100), [record('1', 'k1', 'approved')], none),
      bookProgress(
        book('k2', 'KS', 100),
        [record('2', 'k2', 'approved'), record('3', 'k2', 'draft')],
        none,
      ),
      bookProgress(book('t1', 'KT', null), [record('4', 't1', 'submitted')], none),
    ];
    expect(progressByType(books)).toEqual([
      {
        type: 'KS',
        targeted: { books: 2, expected: 200, entered: 3, approved: 2 },
        percentDone: 1,
        untargeted: { books: 0, entered: 0, approved: 0 },
        blank: 0,
        voided: 0,
      },
      {
        type: 'KT',
        targeted: { books: 0, expected: 0, entered: 0, approved: 0 },
        percentDone: null,
        untargeted: { books: 1, entered: 1, approved: 0 },
        blank: 0,
        voided: 0,
      },
    ]);
  });

  it('keeps books without an expected count out of the target and the share', () => {
    // Before, the untargeted book counted its 50 entries as its target: 60 of 150, 40 %,
    // where the book with a target is 10 of 100 done.
    const untargeted = Array.from({ length: 50 }, (_, i) => record(`u${i}`, 'u', 'approved'));
    const targeted = Array.from({ length: 10 }, (_, i) => record(`t${i}`, 't', 'approved'));
    const [ks] = progressByType([
      bookProgress(book('t', 'KS', 100), targeted, none),
      bookProgress(book('u', 'KS', null), untargeted, none),
    ]);
    expect(ks).toMatchObject({
      targeted: { books: 1, expected: 100, entered: 10, approved: 10 },
      percentDone: 10,
      untargeted: { books: 1, entered: 50, approved: 50 },
    });
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
    const [lan] = officerStats(people, [], events, none);
    expect(lan).toMatchObject({ created: 6, submitted: 1, activeMs: 30 * MIN, entriesPerHour: 12 });
  });

  it('has no rate before there is time enough to measure', () => {
    const quick = [0, 1, 2].map((m) => event(m * MIN, 'a', 'create', `r${m}`));
    const [lan] = officerStats(people, [], quick, none);
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
    const [lan, minh] = officerStats(people, records, events, none);
    expect(lan).toMatchObject({ decisions: 3, rejections: 2, rejectionRate: 66.7 });
    expect(minh).toMatchObject({ decisions: 0, rejections: 0, rejectionRate: null });
  });

  it('credits approvals and rejections to the reviewer who took them, not to the keyer', () => {
    const records = [record('r1', 'b', 'approved', 'a'), record('r2', 'b', 'rejected', 'a')];
    const events = [
      event(1, 'a', 'create', 'r1'),
      event(2, 'a', 'create', 'r2'),
      event(3, 'a', 'submit', 'r1'),
      event(4, 'a', 'submit', 'r2'),
      event(5, 'b', 'approve', 'r1'),
      event(6, 'b', 'reject', 'r2'),
    ];
    const [lan, minh] = officerStats(people, records, events, none);
    expect(lan).toMatchObject({ created: 2, submitted: 2, approved: 0, rejected: 0 });
    expect(minh).toMatchObject({ created: 0, submitted: 0, approved: 1, rejected: 1 });
  });

  it('counts entries an officer left blank apart from those typed, and not in the pace', () => {
    const records = [record('r1', 'b', 'draft', 'a'), record('r2', 'b', 'draft', 'a', true)];
    const events = [event(0, 'a', 'create', 'r1'), event(12 * MIN, 'a', 'create', 'r2')];
    const [lan] = officerStats(people, records, events, blankEntryIds(records));
    expect(lan).toMatchObject({ created: 1, blank: 1, entriesPerHour: 5 });
  });

  it('counts entries an officer created that were voided apart, not as typed or in the pace', () => {
    const records = [
      record('r1', 'b', 'draft', 'a'),
      record('r2', 'b', 'voided', 'a'),
      record('r3', 'b', 'voided', 'a', true),
    ];
    const events = [
      event(0, 'a', 'create', 'r1'),
      event(6 * MIN, 'a', 'create', 'r2'),
      event(12 * MIN, 'a', 'create', 'r3'),
    ];
    const [lan] = officerStats(people, records, events, blankEntryIds(records));
    expect(lan).toMatchObject({ created: 1, blank: 0, voided: 2, entriesPerHour: 5 });
  });
});

describe('dailyStats', () => {
  it('counts the steps of double keying each day: sent to a second keying, keyed twice, settled', () => {
    const events = [
      event(1, 'a', 'key-first', 'r1'),
      event(2, 'a', 'key-first', 'r2'),
      event(3, 'b', 'key-second', 'r1'),
      event(4, 'c', 'arbitrate', 'r1'),
      event(5, 'c', 'approve', 'r1'),
    ];
    expect(dailyStats(events, none, none, () => '2026-12-03')).toEqual([
      {
        day: '2026-12-03',
        created: 0,
        blank: 0,
        voided: 0,
        submitted: 0,
        sentToSecondKeying: 2,
        secondKeyed: 1,
        arbitrated: 1,
        approved: 1,
        rejected: 0,
      },
    ]);
  });

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
    expect(dailyStats(events, none, none, dayOf)).toEqual([
      {
        day: '2026-11-21',
        created: 0,
        blank: 0,
        voided: 0,
        submitted: 1,
        approved: 1,
        rejected: 1,
        sentToSecondKeying: 0,
        secondKeyed: 0,
        arbitrated: 0,
      },
      {
        day: '2026-11-20',
        created: 1,
        blank: 0,
        voided: 0,
        submitted: 1,
        approved: 0,
        rejected: 0,
        sentToSecondKeying: 0,
        secondKeyed: 0,
        arbitrated: 0,
      },
    ]);
  });

  it('counts entries created and still blank apart', () => {
    const events = [event(1, 'a', 'create', 'r1'), event(2, 'a', 'create', 'r2')];
    expect(dailyStats(events, new Set(['r2']), none, () => '2026-11-20')).toEqual([
      {
        day: '2026-11-20',
        created: 1,
        blank: 1,
        voided: 0,
        submitted: 0,
        approved: 0,
        rejected: 0,
        sentToSecondKeying: 0,
        secondKeyed: 0,
        arbitrated: 0,
      },
    ]);
  });

  it('counts entries created and voided since apart, not as typed work, blank or not', () => {
    const events = [
      event(1, 'a', 'create', 'r1'),
      event(2, 'a', 'create', 'r2'),
      event(3, 'a', 'create', 'r3'),
    ];
    const voided = new Set(['r2', 'r3']);
    expect(dailyStats(events, new Set(['r3']), voided, () => '2026-11-20')).toEqual([
      {
        day: '2026-11-20',
        created: 1,
        blank: 0,
        voided: 2,
        submitted: 0,
        approved: 0,
        rejected: 0,
        sentToSecondKeying: 0,
        secondKeyed: 0,
        arbitrated: 0,
      },
    ]);
  });
});

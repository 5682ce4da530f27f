import { describe, expect, it } from 'vitest';
import type { Arbitration, KeyingTime } from '../../db/types';
import { operatorLines } from './operators';

const time = (
  officerId: string,
  bookId: string,
  day: string,
  keystrokes: number,
  totalSeconds: number,
  pausedSeconds: number,
  pass: KeyingTime['pass'] = 'first',
): KeyingTime => ({
  id: `${officerId}|${bookId}|${day}|${pass}`,
  officerId,
  bookId,
  day,
  pass,
  keystrokes,
  totalSeconds,
  pausedSeconds,
  fieldsKeyed: 1,
  updatedAt: 0,
});

const arbitration = (
  entryId: string,
  blames: Arbitration['blames'],
  at = 0,
  bookId = 'b1',
): Arbitration => ({
  id: entryId,
  bookId,
  entryId,
  keyerA: 'lan',
  keyerB: 'minh',
  arbitratorId: 'hoa',
  at,
  fieldsVerified: 20,
  rulings: {},
  blames,
});

const times = [
  time('lan', 'b1', 'd1', 1800, 1000, 100),
  time('lan', 'b2', 'd2', 600, 300, 0),
  time('minh', 'b1', 'd1', 900, 400, 40, 'second'),
  time('hoa', 'b1', 'd1', 50, 100, 0, 'arbitration'),
];
const arbitrations = [
  arbitration('e1', [
    { key: 'hoTen', a: true, b: false },
    { key: 'ngaySinh', a: false, b: true },
  ]),
  arbitration('e2', [{ key: 'hoTen', a: true, b: true }]),
];
const dayOf = () => 'd1';

describe('operator statistics', () => {
  it('gives each officer CSPro’s speed over keyed time and errors per 1,000 keystrokes', () => {
    const lines = operatorLines(times, arbitrations, 'officer', null, dayOf);
    const lan = lines.find((line) => line.officerId === 'lan')!;
    expect(lan).toMatchObject({ keystrokes: 2400, totalSeconds: 1300, pausedSeconds: 100 });
    expect(lan.perHour).toBe((2400 * 3600) / 1200);
    expect(lan).toMatchObject({ keyerErrors: 2, verifierErrors: 0, fieldsVerified: 0 });
    expect(lan.errorsPerThousand).toBe((2 * 1000) / 2400);
    const minh = lines.find((line) => line.officerId === 'minh')!;
    expect(minh).toMatchObject({ keyerErrors: 0, verifierErrors: 2, fieldsVerified: 40 });
    expect(minh.errorsPerThousand).toBe((2 * 1000) / 900);
    // The arbitrator's own keystrokes are timed, not counted against errors.
    const hoa = lines.find((line) => line.officerId === 'hoa')!;
    expect(hoa.perHour).toBe(1800);
    expect(hoa.errorsPerThousand).toBeNull();
  });

  it('adds up per book and per day, and per officer and day for the charts', () => {
    const books = operatorLines(times, arbitrations, 'book', null, dayOf);
    expect(books.map((line) => [line.bookId, line.keystrokes, line.keyerErrors])).toEqual([
      ['b1', 2750, 2],
      ['b2', 600, 0],
    ]);
    const days = operatorLines(times, arbitrations, 'day', null, dayOf);
    expect(days.map((line) => [line.day, line.keystrokes])).toEqual([
      ['d1', 2750],
      ['d2', 600],
    ]);
    const officerDays = operatorLines(times, arbitrations, 'officerDay', null, dayOf);
    expect(officerDays.map((line) => line.key)).toEqual(['hoa|d1', 'lan|d1', 'lan|d2', 'minh|d1']);
  });

  it('shows a keyer only their own numbers', () => {
    const lines = operatorLines(times, arbitrations, 'officer', 'minh', dayOf);
    expect(lines.map((line) => line.officerId)).toEqual(['minh']);
    const books = operatorLines(times, arbitrations, 'book', 'minh', dayOf);
    expect(books.map((line) => [line.bookId, line.keystrokes, line.keyerErrors])).toEqual([
      ['b1', 900, 0],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { keystrokesPerHour } from './operator-stats';
import { createKeyingMeter, idlePauseSecondsOf, slotId, type Keystroke } from './keying-time';

const meter = (idleSeconds = 60) =>
  createKeyingMeter({
    idleSeconds: () => idleSeconds,
    dayOf: (at) => (at < 86_400_000 ? 'd1' : 'd2'),
  });

const stroke = (at: number, field = 'e1/hoTen', officerId = 'lan'): Keystroke => ({
  officerId,
  bookId: 'b1',
  pass: 'first',
  field,
  at,
});

describe('the keying meter', () => {
  it('counts each keystroke and the time between them, a field once per visit', () => {
    const m = meter();
    m.key(stroke(1000));
    m.key(stroke(2000));
    m.key(stroke(4000, 'e1/ngaySinh'));
    m.key(stroke(5000, 'e1/hoTen'));
    expect(m.take()).toEqual([
      {
        officerId: 'lan',
        bookId: 'b1',
        day: 'd1',
        pass: 'first',
        keystrokes: 4,
        totalSeconds: 4,
        pausedSeconds: 0,
        fieldsKeyed: 3,
      },
    ]);
    expect(m.take()).toEqual([]);
  });

  it('counts a gap longer than the idle limit as paused, all of it', () => {
    const m = meter(60);
    m.key(stroke(0));
    m.key(stroke(30_000));
    m.key(stroke(120_000));
    const [delta] = m.take();
    expect(delta).toMatchObject({ keystrokes: 3, totalSeconds: 120, pausedSeconds: 90 });
    expect(keystrokesPerHour(delta!)).toBe((3 * 3600) / 30);
  });

  it('counts the time the screen stood locked as paused when the officer comes back', () => {
    const m = meter(60);
    m.key(stroke(0));
    m.key(stroke(10_000));
    m.lock(15_000);
    m.key(stroke(200_000));
    expect(m.take()[0]).toMatchObject({ keystrokes: 3, totalSeconds: 200, pausedSeconds: 185 });
  });

  it('starts again for another officer or book, and across a flush keeps the sitting', () => {
    const m = meter();
    m.key(stroke(0));
    const first = m.take();
    m.key(stroke(2000));
    m.key(stroke(3000, 'e1/hoTen', 'minh'));
    const rest = m.take();
    expect(first[0]).toMatchObject({ keystrokes: 1, totalSeconds: 0 });
    expect(rest.find((d) => d.officerId === 'lan')).toMatchObject({
      keystrokes: 1,
      totalSeconds: 2,
      fieldsKeyed: 0,
    });
    expect(rest.find((d) => d.officerId === 'minh')).toMatchObject({
      keystrokes: 1,
      totalSeconds: 0,
      fieldsKeyed: 1,
    });
  });

  it('does not carry a sitting over into the next day or past the window closing', () => {
    const m = meter();
    m.key(stroke(86_000_000));
    m.key(stroke(86_500_000));
    m.key(stroke(86_501_000));
    m.end();
    m.key(stroke(86_900_000));
    const deltas = m.take();
    expect(deltas.map((d) => [d.day, d.keystrokes, d.totalSeconds])).toEqual([
      ['d1', 1, 0],
      ['d2', 3, 1],
    ]);
  });

  it('names each slot by officer, book, day and pass, and reads the idle setting safely', () => {
    expect(slotId({ officerId: 'o', bookId: 'b', day: '2026-12-03', pass: 'second' })).toBe(
      'o|b|2026-12-03|second',
    );
    expect(idlePauseSecondsOf(90)).toBe(90);
    expect(idlePauseSecondsOf('90')).toBe(60);
    expect(idlePauseSecondsOf(1)).toBe(60);
  });
});

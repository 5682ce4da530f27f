import { describe, expect, it } from 'vitest';
import { DEFAULT_IDLE_MINUTES, idleMinutesOf, isValidIdleMinutes } from './idle-setting';

describe('idle lock setting', () => {
  it('uses what the administrator chose', () => {
    expect(idleMinutesOf(1)).toBe(1);
    expect(idleMinutesOf(30)).toBe(30);
  });

  it('falls back to the default for a missing or damaged value, never to "never lock"', () => {
    for (const stored of [undefined, null, 0, -5, 2.5, 10_000, '5', Number.NaN]) {
      expect(idleMinutesOf(stored)).toBe(DEFAULT_IDLE_MINUTES);
    }
  });

  it('accepts whole minutes from one minute to four hours', () => {
    expect(isValidIdleMinutes(1)).toBe(true);
    expect(isValidIdleMinutes(240)).toBe(true);
    expect(isValidIdleMinutes(0)).toBe(false);
    expect(isValidIdleMinutes(241)).toBe(false);
    expect(isValidIdleMinutes(1.5)).toBe(false);
  });
});

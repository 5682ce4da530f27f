import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startIdleTimer, type Clock } from './idle-timer';

const clock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
const MINUTE = 60_000;

describe('idle timer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('locks once nothing happened for the whole idle time, and only once', () => {
    const onIdle = vi.fn();
    startIdleTimer(10 * MINUTE, onIdle, clock);
    vi.advanceTimersByTime(10 * MINUTE - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60 * MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('counts the idle time again from the last key press or mouse move', () => {
    const onIdle = vi.fn();
    const timer = startIdleTimer(10 * MINUTE, onIdle, clock);
    vi.advanceTimersByTime(9 * MINUTE);
    timer.touch();
    vi.advanceTimersByTime(9 * MINUTE);
    timer.touch();
    vi.advanceTimersByTime(9 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('does nothing after it is stopped (signed out, or the idle time changed)', () => {
    const onIdle = vi.fn();
    const timer = startIdleTimer(MINUTE, onIdle, clock);
    timer.stop();
    vi.advanceTimersByTime(10 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
  });

  it('locks at once when the computer wakes up long after the idle time ran out', () => {
    const onIdle = vi.fn();
    startIdleTimer(MINUTE, onIdle, clock);
    // A sleeping PC: the clock jumps, the timer fires late.
    vi.setSystemTime(Date.now() + 2 * 60 * MINUTE);
    vi.advanceTimersByTime(MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });
});

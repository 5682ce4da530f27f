import { describe, expect, it } from 'vitest';
import { OfficerQuiet, waitForOfficer, watchOfficer, type QuietClock } from './officer-quiet';

/** A clock the test moves by hand: sleeps end only when the time is advanced past them. */
class FakeClock implements QuietClock {
  time = 0;
  private sleepers: { until: number; wake: () => void }[] = [];
  now = () => this.time;
  sleep = (ms: number) =>
    new Promise<void>((wake) => this.sleepers.push({ until: this.time + ms, wake }));
  async advance(ms: number) {
    this.time += ms;
    const due = this.sleepers.filter((sleeper) => sleeper.until <= this.time);
    this.sleepers = this.sleepers.filter((sleeper) => sleeper.until > this.time);
    for (const sleeper of due) sleeper.wake();
    // Let whatever was waiting run up to its next sleep.
    for (let i = 0; i < 10; i++) await Promise.resolve();
  }
}

function tracked(promise: Promise<void>) {
  const state = { isDone: false };
  void promise.then(() => (state.isDone = true));
  return state;
}

describe('preparing pages waits for the officer', () => {
  it('prepares at once when nobody touched the screen', async () => {
    const clock = new FakeClock();
    const quiet = new OfficerQuiet(clock, 3000);
    let released = 0;
    const wait = tracked(waitForOfficer(quiet, () => (released += 1)));
    await clock.advance(0);
    expect(wait.isDone).toBe(true);
    expect(released).toBe(0);
  });

  it('gives the worker back while the officer types and resumes after three quiet seconds', async () => {
    const clock = new FakeClock();
    const quiet = new OfficerQuiet(clock, 3000);
    quiet.noteActivity();
    let released = 0;
    const wait = tracked(waitForOfficer(quiet, () => (released += 1)));
    await clock.advance(0);
    expect(released).toBe(1);
    expect(wait.isDone).toBe(false);
    // Keys every second: the page keeps waiting however long the officer types.
    for (let second = 0; second < 20; second++) {
      await clock.advance(1000);
      quiet.noteActivity();
    }
    expect(wait.isDone).toBe(false);
    await clock.advance(2999);
    expect(wait.isDone).toBe(false);
    await clock.advance(1);
    expect(wait.isDone).toBe(true);
    expect(released).toBe(1);
  });

  it('stops waiting when the book is closed', async () => {
    const clock = new FakeClock();
    const quiet = new OfficerQuiet(clock, 3000);
    const stop = new AbortController();
    quiet.noteActivity();
    const wait = tracked(waitForOfficer(quiet, () => {}, stop.signal));
    await clock.advance(1000);
    stop.abort();
    await clock.advance(2000);
    expect(wait.isDone).toBe(true);
  });

  it('counts keys, clicks and the wheel anywhere in the window, and pages the viewer paints', async () => {
    const clock = new FakeClock();
    const quiet = new OfficerQuiet(clock, 3000);
    const target = new EventTarget();
    const stop = watchOfficer(target as unknown as Window, quiet);
    await clock.advance(5000);
    expect(quiet.isQuiet()).toBe(true);
    for (const kind of ['keydown', 'pointerdown', 'wheel']) {
      target.dispatchEvent(new Event(kind));
      expect(quiet.isQuiet()).toBe(false);
      await clock.advance(3000);
      expect(quiet.isQuiet()).toBe(true);
    }
    performance.mark('sohoa:page-painted');
    // Performance observers are told after the current task.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(quiet.isQuiet()).toBe(false);
    await clock.advance(3000);
    stop();
    target.dispatchEvent(new Event('keydown'));
    expect(quiet.isQuiet()).toBe(true);
  });
});

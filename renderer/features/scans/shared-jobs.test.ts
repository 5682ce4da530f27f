import { describe, expect, it } from 'vitest';
import { SharedJobs } from './shared-jobs';

/** A run that ends when told to, or fails as cancelled when its signal aborts. */
function controllable() {
  let finish: (value: string) => void = () => undefined;
  let starts = 0;
  const start = (signal: AbortSignal) => {
    starts += 1;
    return new Promise<string>((resolve, reject) => {
      finish = resolve;
      signal.addEventListener('abort', () => reject(new Error('cancelled')));
    });
  };
  return { start, finish: (value: string) => finish(value), starts: () => starts };
}

describe('a render several viewers wait for', () => {
  it('still reaches the viewer that stays when the first one leaves', async () => {
    const jobs = new SharedJobs<string>();
    const run = controllable();
    const first = new AbortController();
    const leaving = jobs.join('page-1@2', run.start, first.signal);
    leaving.catch(() => undefined);
    const staying = jobs.join('page-1@2', run.start, new AbortController().signal);
    first.abort();
    run.finish('bitmap');
    await expect(staying).resolves.toBe('bitmap');
    expect(run.starts()).toBe(1);
  });

  it('is cancelled once every viewer has left, and started afresh for the next', async () => {
    const jobs = new SharedJobs<string>();
    const run = controllable();
    const a = new AbortController();
    const b = new AbortController();
    const first = jobs.join('page-1@2', run.start, a.signal);
    const second = jobs.join('page-1@2', run.start, b.signal);
    a.abort();
    b.abort();
    await expect(first).rejects.toThrow('cancelled');
    await expect(second).rejects.toThrow('cancelled');
    const again = jobs.join('page-1@2', run.start, new AbortController().signal);
    await Promise.resolve();
    run.finish('bitmap');
    await expect(again).resolves.toBe('bitmap');
    expect(run.starts()).toBe(2);
  });

  it('runs to its end when a prefetch without a signal waits for it too', async () => {
    const jobs = new SharedJobs<string>();
    const run = controllable();
    const shown = new AbortController();
    jobs.join('page-2@2', run.start, shown.signal).catch(() => undefined);
    const prefetch = jobs.join('page-2@2', run.start);
    shown.abort();
    run.finish('bitmap');
    await expect(prefetch).resolves.toBe('bitmap');
    expect(jobs.size).toBe(0);
  });
});

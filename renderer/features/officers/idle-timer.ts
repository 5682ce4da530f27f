// Fires once the officer has done nothing for the whole idle time. Activity only stamps the
// time (mouse moves come by the hundred); the single timer checks the stamp when it runs out
// and waits again for the remainder.
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
};

export interface IdleTimer {
  /** Something happened: the idle time starts again from now. */
  touch(): void;
  stop(): void;
}

export function startIdleTimer(
  idleMs: number,
  onIdle: () => void,
  clock = browserClock,
): IdleTimer {
  let last = clock.now();
  let handle: unknown;
  let stopped = false;
  const wait = (ms: number) => {
    handle = clock.setTimeout(check, ms);
  };
  function check() {
    if (stopped) return;
    const remaining = last + idleMs - clock.now();
    if (remaining > 0) {
      wait(remaining);
      return;
    }
    stopped = true;
    onIdle();
  }
  wait(idleMs);
  return {
    touch() {
      last = clock.now();
    },
    stop() {
      stopped = true;
      clock.clearTimeout(handle);
    },
  };
}

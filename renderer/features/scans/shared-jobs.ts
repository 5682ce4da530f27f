// Work that several viewers may wait for at once (the shown page, its prefetch, a second effect
// run for the same page): one run per key, cancelled only when every waiter has left. A run
// cancelled by the first waiter alone would leave a later waiter with a cancellation it never
// asked for, and the page on "Đang mở trang…" for good.

interface Job<T> {
  promise: Promise<T>;
  controller: AbortController;
  /** Waiters that may still leave; a waiter without a signal keeps the run to its end. */
  waiters: number;
  isKept: boolean;
}

export class SharedJobs<T> {
  private readonly running = new Map<string, Job<T>>();

  /** Joins the run under `key`, starting it with `start` if there is none. */
  join(key: string, start: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    let job = this.running.get(key);
    if (!job) {
      const controller = new AbortController();
      const created: Job<T> = {
        promise: (async () => start(controller.signal))(),
        controller,
        waiters: 0,
        isKept: false,
      };
      const forget = () => {
        if (this.running.get(key) === created) this.running.delete(key);
      };
      created.promise.then(forget, forget);
      this.running.set(key, created);
      job = created;
    }
    const joined = job;
    if (!signal) {
      joined.isKept = true;
      return joined.promise;
    }
    if (signal.aborted) return joined.promise;
    joined.waiters += 1;
    signal.addEventListener(
      'abort',
      () => {
        joined.waiters -= 1;
        if (joined.waiters > 0 || joined.isKept) return;
        if (this.running.get(key) === joined) this.running.delete(key);
        joined.controller.abort();
      },
      { once: true },
    );
    return joined.promise;
  }

  get size(): number {
    return this.running.size;
  }
}

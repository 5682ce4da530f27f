// When the background preparation of pages may take the CPU and memory: only once the officer has
// left the keyboard, the mouse and the viewer alone for a few seconds. On a two-core PC a page
// being prepared slows the next keystroke and the next page drawn, and holds 100–200 MB while it
// runs; an officer typing or turning pages comes first.

import { PAUSED, type Paused } from '../../db/prepared-pages';

export interface QuietClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** How long the officer leaves the screen alone before preparing resumes. */
export const QUIET_MS = 3000;

export class OfficerQuiet {
  private lastActivity = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly clock: QuietClock,
    private readonly quietMs = QUIET_MS,
  ) {}

  private readonly listeners = new Set<() => void>();

  /** A key, a click, a wheel turn or a page drawn: the officer is at work. */
  noteActivity(): void {
    this.lastActivity = this.clock.now();
    for (const listener of [...this.listeners]) listener();
  }

  /** Calls `listener` on each of the officer's actions until the returned function is called. */
  onActivity(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  isQuiet(): boolean {
    return this.clock.now() - this.lastActivity >= this.quietMs;
  }

  /** Resolves once nothing happened for the quiet time, however often the officer comes back. */
  async untilQuiet(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) return;
      const left = this.lastActivity + this.quietMs - this.clock.now();
      if (left <= 0) return;
      await this.clock.sleep(left);
    }
  }
}

/** The mark the viewer sets each time it paints a page. */
const PAGE_PAINTED = 'sohoa:page-painted';

/**
 * Notes the officer's keys, clicks and wheel turns anywhere in the window, and every page the
 * viewer paints (a page turn is followed by the prefetch of its neighbours). Returns the undo.
 */
export function watchOfficer(target: Window, quiet: OfficerQuiet): () => void {
  const note = () => quiet.noteActivity();
  const kinds = ['keydown', 'pointerdown', 'wheel'] as const;
  for (const kind of kinds) target.addEventListener(kind, note, { capture: true, passive: true });
  let observer: PerformanceObserver | null = null;
  if (typeof PerformanceObserver === 'function') {
    observer = new PerformanceObserver((list) => {
      if (list.getEntries().some((entry) => entry.name === PAGE_PAINTED)) note();
    });
    try {
      observer.observe({ type: 'mark' });
    } catch {
      observer = null;
    }
  }
  return () => {
    for (const kind of kinds) target.removeEventListener(kind, note, { capture: true });
    observer?.disconnect();
  };
}

/**
 * Before each page prepared: when the officer is at work, `release` ends the preparing worker at
 * once (its decoded page, canvases and heap go back to the system while pages are viewed), then
 * the next page waits for the quiet. Resolves at once when the officer is away.
 */
export async function waitForOfficer(
  quiet: OfficerQuiet,
  release: () => void,
  signal?: AbortSignal,
): Promise<void> {
  if (quiet.isQuiet()) return;
  release();
  await quiet.untilQuiet(signal);
}

/**
 * One page's preparation, stopped part way when the officer comes back: `stop` ends the work at
 * once (the worker and the decoded page it holds go), and the page resolves as paused, to be
 * prepared again after the next quiet. Work that ends first resolves as it ended.
 */
export function pauseForOfficer<T>(
  quiet: OfficerQuiet,
  work: () => Promise<T>,
  stop: () => void,
): Promise<T | Paused> {
  return new Promise<T | Paused>((resolve, reject) => {
    let isSettled = false;
    const settle = (finish: () => void) => {
      if (isSettled) return;
      isSettled = true;
      unsubscribe();
      finish();
    };
    const unsubscribe = quiet.onActivity(() =>
      settle(() => {
        stop();
        resolve(PAUSED);
      }),
    );
    work().then(
      (value) => settle(() => resolve(value)),
      (error: unknown) =>
        settle(() => reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}

// Times one action in the app from its first keydown or pointerdown to the viewer's next
// "sohoa:page-painted" mark, measured inside the page so the bench's own round trips are left out.
import type { Page } from '@playwright/test';

const ARM = `(() => {
  const timer = { start: 0, end: 0, cached: null };
  window.__paintTimer = timer;
  const begin = () => { if (timer.start === 0) timer.start = performance.now(); };
  window.addEventListener('keydown', begin, { capture: true, once: true });
  window.addEventListener('pointerdown', begin, { capture: true, once: true });
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'sohoa:page-painted' && timer.start > 0 && timer.end === 0) {
        timer.end = entry.startTime;
        timer.cached = entry.detail && entry.detail.cached;
        observer.disconnect();
      }
    }
  });
  observer.observe({ type: 'mark' });
  return true;
})()`;

const READ = `new Promise((resolve, reject) => {
  const began = performance.now();
  const poll = () => {
    const timer = window.__paintTimer;
    if (timer && timer.end > 0) resolve({ ms: timer.end - timer.start, cached: timer.cached });
    else if (performance.now() - began > 30000) reject(new Error('no page was painted'));
    else setTimeout(poll, 5);
  };
  poll();
})`;

export interface PaintTiming {
  ms: number;
  /** Whether the viewer drew the page from its cache of rendered pages. */
  cached: boolean | null;
}

/** Runs `act` and resolves with the time from its first key or pointer press to the page painted. */
export async function timeToPaint(page: Page, act: () => Promise<void>): Promise<PaintTiming> {
  await page.evaluate(ARM);
  await act();
  return page.evaluate<PaintTiming>(READ);
}

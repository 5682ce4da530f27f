// Work that must happen soon but not before the screen shows what the officer asked for.

/**
 * Runs `work` once, right after the next frame is painted; in a window that gets no frames
 * (hidden, minimised) after 100 ms instead.
 */
export function afterPaint(work: () => void): void {
  let isDone = false;
  const run = () => {
    if (isDone) return;
    isDone = true;
    work();
  };
  requestAnimationFrame(() => setTimeout(run));
  setTimeout(run, 100);
}

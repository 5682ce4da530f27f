// Background work of the form (reading a long book's numbers and values) waits until the officer's
// keys rest, so it never runs between a key and the frame that shows what the key did.

let lastKey = Number.NEGATIVE_INFINITY;
let isWatching = false;

function watchKeys(): void {
  if (isWatching) return;
  isWatching = true;
  const note = () => {
    lastKey = performance.now();
  };
  window.addEventListener('keydown', note, { capture: true, passive: true });
}

/**
 * Runs `work` once no key was pressed for `restMs`, when the PC is next idle. Returns a function
 * that calls it off.
 */
export function whenKeysRest(restMs: number, work: () => void): () => void {
  watchKeys();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  const check = () => {
    const left = lastKey + restMs - performance.now();
    if (left > 0) timer = setTimeout(check, left);
    else idle = requestIdleCallback(work, { timeout: 1000 });
  };
  check();
  return () => {
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}

/** Resolves once no key was pressed for `restMs` and the PC is idle. */
export function keysRested(restMs: number): Promise<void> {
  return new Promise((resolve) => whenKeysRest(restMs, resolve));
}

// A supervisor's random sample of a trusted keyer's entries, sent to a second keying. The draw
// is made from a recorded seed, so anyone can draw it again from the same entries and get the
// same ones: the sample is random, not chosen, and it can be shown to be.

/** A small seeded generator (mulberry32): the same seed always gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many of `candidates` a sample of `percent` takes: rounded up, so any share takes one. */
export function sampleSize(candidates: number, percent: number): number {
  if (candidates <= 0 || percent <= 0) return 0;
  return Math.min(candidates, Math.ceil((candidates * Math.min(percent, 100)) / 100));
}

/**
 * The ids drawn: `percent` of the candidates, by a shuffle seeded with `seed` over the ids in
 * sorted order (the order they were read in does not change the draw), returned sorted.
 */
export function drawSample(ids: readonly string[], percent: number, seed: number): string[] {
  const pool = [...new Set(ids)].sort();
  const random = seededRandom(seed);
  for (let i = pool.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j] as string, pool[i] as string];
  }
  return pool.slice(0, sampleSize(pool.length, percent)).sort();
}

import { describe, expect, it } from 'vitest';
import { delayAfterFailures, FREE_ATTEMPTS, MAX_DELAY_MS } from './sign-in-delay';

describe('delay after wrong PINs', () => {
  it('lets an officer mistype a couple of times without waiting', () => {
    for (let failures = 0; failures < FREE_ATTEMPTS; failures += 1) {
      expect(delayAfterFailures(failures)).toBe(0);
    }
  });

  it('grows with every further wrong PIN and stops at the ceiling', () => {
    const delays = Array.from({ length: 12 }, (_, i) => delayAfterFailures(FREE_ATTEMPTS + i));
    expect(delays[0]).toBe(1000);
    for (let i = 1; i < delays.length; i += 1) {
      expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
    }
    expect(delays[1]).toBeGreaterThan(delays[0]!);
    expect(delays.at(-1)).toBe(MAX_DELAY_MS);
  });
});

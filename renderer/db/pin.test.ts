import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from './pin';

// Few iterations keep the suite quick; the count is part of the digest either way.
const FAST = 1_000;

describe('PIN digests', () => {
  it('accept the PIN they were made from and refuse any other', async () => {
    const digest = await hashPin('482913', FAST);
    expect(await verifyPin('482913', digest)).toBe(true);
    expect(await verifyPin('482914', digest)).toBe(false);
    expect(await verifyPin('', digest)).toBe(false);
  });

  it('never store the PIN, and salt each digest so equal PINs do not look equal', async () => {
    const a = await hashPin('1234', FAST);
    const b = await hashPin('1234', FAST);
    expect(JSON.stringify(a)).not.toContain('1234');
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await verifyPin('1234', b)).toBe(true);
  });

  it('verify with the iteration count stored in the digest', async () => {
    const digest = await hashPin('9999', FAST);
    expect(digest).toMatchObject({ algorithm: 'PBKDF2-SHA-256', iterations: FAST });
    expect(await verifyPin('9999', { ...digest, iterations: FAST + 1 })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { fingerprintFromDigest } from './fingerprint';

describe('fingerprintFromDigest', () => {
  it('reads the first 80 bits as 25 digits in groups of five', () => {
    const digest = new Uint8Array(32).fill(0xab);
    digest.set([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(fingerprintFromDigest(digest)).toBe('00000 00000 00000 00000 00001');
    expect(fingerprintFromDigest(new Uint8Array(32).fill(0xff))).toBe(
      '12089 25819 61462 91747 06175',
    );
  });

  it('ignores the bits after the first 80', () => {
    const a = new Uint8Array(32).fill(7);
    const b = new Uint8Array(32).fill(7);
    b[10] = 8;
    expect(fingerprintFromDigest(a)).toBe(fingerprintFromDigest(b));
  });
});

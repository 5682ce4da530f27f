// A PC's fingerprint: the first 80 bits of the SHA-256 of its raw public key, as 25 digits in
// five groups of five, short enough to read aloud, long enough that nobody makes a key to match.
// The renderer and the desktop's main process hash with their own SHA-256 and share this.

/** Bytes of the digest the fingerprint shows (80 bits). */
const FINGERPRINT_BYTES = 10;

export function fingerprintFromDigest(digest: Uint8Array): string {
  if (digest.length < FINGERPRINT_BYTES) throw new Error('digest too short');
  let value = 0n;
  for (const byte of digest.subarray(0, FINGERPRINT_BYTES)) value = (value << 8n) | BigInt(byte);
  // 2^80 < 10^25: always 25 digits once padded.
  const digits = value.toString().padStart(25, '0');
  return [0, 5, 10, 15, 20].map((at) => digits.slice(at, at + 5)).join(' ');
}

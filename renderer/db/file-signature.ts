// Signatures on SoHoa files. The header of a .sohoa file commits to the whole content through
// its SHA-256 hash(es); signing the header therefore signs the file. The signature covers a
// canonical serialization of the header (keys sorted, no spaces) without the `signature` field
// itself, so it does not depend on how the payload is laid out. ECDSA P-256 with SHA-256, the
// curve every Chromium the app runs on has in WebCrypto.
import { sha256 } from '@noble/hashes/sha2.js';
import { z } from 'zod';
import { fingerprintFromDigest } from '../../shared/signature/fingerprint';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN_PARAMS = { name: 'ECDSA', hash: 'SHA-256' } as const;
/** An uncompressed P-256 point: 0x04, then x and y. */
const PUBLIC_KEY_BYTES = 65;

/** Who signed a file, as the header names them. */
export const signerSchema = z.object({
  /** Random id of the installation, made with its key. */
  installationId: z.string().min(1).max(100),
  /** The name an administrator gave this PC; may be empty. */
  name: z.string().max(200),
  /** Raw public key, base64. */
  publicKey: z.string().min(1).max(200),
  /** Short form of the public key, read aloud to compare (see fingerprintOf). */
  fingerprint: z.string().max(100),
});
export type FileSigner = z.infer<typeof signerSchema>;

/** A private key able to sign, with the identity that goes into the header beside it. */
export interface SigningKey {
  signer: FileSigner;
  sign: (bytes: Uint8Array<ArrayBuffer>) => Promise<Uint8Array<ArrayBuffer>>;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** JSON with object keys sorted at every level and no whitespace: the same bytes everywhere. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The bytes a header's signature covers: the header without its `signature`, canonical. */
export function bytesToSign(header: Record<string, unknown>): Uint8Array<ArrayBuffer> {
  const rest = { ...header };
  delete rest.signature;
  return new TextEncoder().encode(canonicalJson(rest));
}

/** The fingerprint read aloud to compare keys (shared/signature/fingerprint.ts). */
export function fingerprintOf(publicKey: Uint8Array): string {
  return fingerprintFromDigest(sha256(publicKey));
}

/** A new key pair for this installation; the private half can sign but never be read out. */
export async function generateKeyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
}

export async function rawPublicKey(key: CryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.exportKey('raw', key));
}

/** Signs with a WebCrypto private key. */
export async function signWith(
  privateKey: CryptoKey,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.sign(SIGN_PARAMS, privateKey, bytes));
}

/** Adds `signer` and `signature` to a header; the signature covers everything else in it. */
export async function signHeader<T extends Record<string, unknown>>(
  header: T,
  key: SigningKey,
): Promise<T & { signer: FileSigner; signature: string }> {
  const withSigner = { ...header, signer: key.signer };
  const signature = await key.sign(bytesToSign(withSigner));
  return { ...withSigner, signature: toBase64(signature) };
}

export type SignatureCheck =
  | { state: 'unsigned' }
  | { state: 'invalid'; detail: string }
  | { state: 'valid'; signer: FileSigner };

/**
 * Checks the signature of a header as it was read from the file (every field, known or not).
 * A header naming a signer but not verifying under that signer's key, or whose fingerprint is
 * not that of its key, is invalid; one with neither field is unsigned.
 */
export async function verifyHeader(header: Record<string, unknown>): Promise<SignatureCheck> {
  if (header.signer === undefined && header.signature === undefined) return { state: 'unsigned' };
  const parsed = signerSchema.safeParse(header.signer);
  if (!parsed.success) return { state: 'invalid', detail: 'signer missing or malformed' };
  if (typeof header.signature !== 'string') return { state: 'invalid', detail: 'no signature' };
  const signer = parsed.data;
  const keyBytes = fromBase64(signer.publicKey);
  if (!keyBytes || keyBytes.length !== PUBLIC_KEY_BYTES) {
    return { state: 'invalid', detail: 'public key malformed' };
  }
  if (fingerprintOf(keyBytes) !== signer.fingerprint) {
    return { state: 'invalid', detail: 'fingerprint does not match the public key' };
  }
  const signature = fromBase64(header.signature);
  if (!signature) return { state: 'invalid', detail: 'signature malformed' };
  let ok: boolean;
  try {
    const publicKey = await crypto.subtle.importKey('raw', keyBytes, ALGORITHM, false, ['verify']);
    ok = await crypto.subtle.verify(SIGN_PARAMS, publicKey, signature, bytesToSign(header));
  } catch (error) {
    return { state: 'invalid', detail: `signature check failed: ${String(error)}` };
  }
  return ok ? { state: 'valid', signer } : { state: 'invalid', detail: 'signature does not match' };
}

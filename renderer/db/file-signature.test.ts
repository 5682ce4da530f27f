import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { openFile, sealFile, type HeaderInput } from './backup-format';
import {
  bytesToSign,
  canonicalJson,
  fingerprintOf,
  fromBase64,
  toBase64,
  verifyHeader,
} from './file-signature';
import { createInstallation } from './installation';

const header: HeaderInput = {
  kind: 'work-package',
  appVersion: '0.1.0',
  schemaVersion: 4,
  createdAt: Date.UTC(2026, 10, 21, 7, 0),
  withScans: true,
  counts: { books: 1, records: 2 },
  books: [
    { id: 'b1', type: 'KS', templateVersion: 'ks-70', quyenSo: '01/2008', year: 2008, entries: 2 },
  ],
};
const payload = () => new Blob(['{"formatName":"dexie","data":{"note":"Lò Văn Một"}}']);

let made: { name: string; close: () => void }[] = [];
function pc(label: string) {
  const name = `installation-${label}-${crypto.randomUUID()}`;
  const created = createInstallation(name);
  made.push({ name, close: () => created.db.close() });
  return created;
}
afterEach(async () => {
  for (const { name, close } of made) {
    close();
    await Dexie.delete(name);
  }
  made = [];
});

const open = (file: Blob) => openFile(file, { latestSchemaVersion: 4 });

async function editHeader(file: Blob, change: (h: Record<string, unknown>) => void) {
  const text = await file.text();
  const newline = text.indexOf('\n');
  const parsed = JSON.parse(text.slice(0, newline)) as Record<string, unknown>;
  change(parsed);
  return new Blob([JSON.stringify(parsed), text.slice(newline)]);
}

describe('canonicalJson', () => {
  it('gives the same text whatever the key order, and different text for different values', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, 'x'] }, b: 1 }),
    );
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
    expect(canonicalJson({ a: 'x', b: undefined })).toBe('{"a":"x"}');
  });

  it('leaves the signature itself out of what is signed', () => {
    const text = new TextDecoder().decode(bytesToSign({ a: 1, signature: 'zzz' }));
    expect(text).toBe('{"a":1}');
  });
});

describe('fingerprintOf', () => {
  it('is five groups of five digits, different for different keys', async () => {
    const a = await pc('a').identity();
    const b = await pc('b').identity();
    expect(a.fingerprint).toMatch(/^\d{5} \d{5} \d{5} \d{5} \d{5}$/);
    expect(a.fingerprint).not.toBe(b.fingerprint);
    expect(fingerprintOf(fromBase64(a.publicKey)!)).toBe(a.fingerprint);
  });
});

describe('signed files', () => {
  it('opens a file signed by a PC and names that PC', async () => {
    const sender = pc('sender');
    const file = await sealFile(header, payload(), { key: await sender.signingKey() });
    const result = await open(file);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.signature).toEqual({ state: 'valid', signer: await sender.identity() });
  });

  it('refuses a file whose header was changed after signing, even with a fresh checksum', async () => {
    const file = await sealFile(header, payload(), { key: await pc('sender').signingKey() });
    const edited = await editHeader(file, (h) => {
      (h.counts as Record<string, number>).people = 1;
    });
    const result = await open(edited);
    expect(result).toMatchObject({ ok: false, problem: 'bad-signature' });
  });

  it('refuses a signature from another key put under the same signer', async () => {
    const file = await sealFile(header, payload(), { key: await pc('sender').signingKey() });
    const other = await sealFile(header, payload(), { key: await pc('forger').signingKey() });
    const otherHeader = JSON.parse((await other.text()).split('\n')[0]!) as { signature: string };
    const otherSignature = otherHeader.signature;
    const swapped = await editHeader(file, (h) => {
      h.signature = otherSignature;
    });
    expect(await open(swapped)).toMatchObject({ ok: false, problem: 'bad-signature' });
  });

  it('refuses a header claiming a trusted PC’s name and fingerprint over another key', async () => {
    const trusted = await pc('trusted').identity();
    const forger = pc('forger');
    const key = await forger.signingKey();
    // Signed for real, but with a fingerprint copied from the PC it pretends to be.
    const file = await sealFile(header, payload(), {
      key: {
        signer: { ...key.signer, name: trusted.name, fingerprint: trusted.fingerprint },
        sign: key.sign,
      },
    });
    expect(await open(file)).toMatchObject({
      ok: false,
      problem: 'bad-signature',
      detail: 'fingerprint does not match the public key',
    });
  });

  it('refuses a signature flipped by one bit and one that is missing beside its signer', async () => {
    const file = await sealFile(header, payload(), { key: await pc('sender').signingKey() });
    const flipped = await editHeader(file, (h) => {
      const bytes = fromBase64(h.signature as string)!;
      bytes[10] = bytes[10]! ^ 0x01;
      h.signature = toBase64(bytes);
    });
    expect(await open(flipped)).toMatchObject({ ok: false, problem: 'bad-signature' });
    const stripped = await editHeader(file, (h) => {
      delete h.signature;
    });
    expect(await open(stripped)).toMatchObject({ ok: false, problem: 'bad-signature' });
  });

  it('opens a file with neither signer nor signature as unsigned', async () => {
    const result = await open(await sealFile(header, payload()));
    expect(result).toMatchObject({ ok: true, signature: { state: 'unsigned' } });
  });

  it('keeps unknown header fields under the signature', async () => {
    const sender = pc('sender');
    const key = await sender.signingKey();
    const file = await sealFile(header, payload(), { key });
    // A newer field the signer wrote is covered: removing it breaks the signature.
    const withExtra = await editHeader(file, (h) => {
      h.extra = 'x';
    });
    expect(await open(withExtra)).toMatchObject({ ok: false, problem: 'bad-signature' });
    const raw = JSON.parse((await file.text()).split('\n')[0]!) as Record<string, unknown>;
    expect(await verifyHeader(raw)).toMatchObject({ state: 'valid' });
  });
});

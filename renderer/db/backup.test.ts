import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { BlobReader, BlobWriter, TextReader, ZipReader, ZipWriter } from '@zip.js/zip.js';
import { exportDB } from 'dexie-export-import';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DUMP_FORMAT_VERSION,
  FILE_FORMAT_VERSION,
  openFile,
  sealFile,
  type FileHeader,
  type HeaderInput,
} from './backup-format';
import { buildBackup, buildWorkPackage, readSohoaFile } from './backup';
import type { SohoaDatabase } from './database';
import type { Repositories } from './repositories';
import type { FileSigner } from './file-signature';
import { installation } from './installation';
import type * as InstallationModule from './installation';
import { sampleBook } from './sample-data';
import { latestSchemaVersion } from './schema';
import { freshIndexedDb, openCurrent, signedInRepositories, uniqueName } from './test-harness';

// This PC's signing key and trusted list live in a database of their own, opened on first use:
// here a fake-indexeddb one, made once the test's IndexedDB is in place.
vi.mock('./installation', async (importOriginal) => {
  const real = await importOriginal<typeof InstallationModule>();
  let made: InstallationModule.Installation | undefined;
  const current = () => (made ??= real.createInstallation(`installation-${crypto.randomUUID()}`));
  return {
    ...real,
    installation: {
      signingKey: () => current().signingKey(),
      standing: (signer: FileSigner) => current().standing(signer),
    },
  };
});

// dexie-export-import, which wrote format 1, looks for the browser's global object and reads
// Blobs with FileReader; Node has Blob but neither of those.
vi.hoisted(() => {
  (globalThis as { self?: unknown }).self ??= globalThis;
});
class NodeFileReader extends EventTarget {
  result: ArrayBuffer | string | null = null;
  error: unknown = null;
  onload: ((event: { target: NodeFileReader }) => void) | null = null;
  onerror: ((event: { target: NodeFileReader }) => void) | null = null;
  onabort: (() => void) | null = null;
  private finish(read: Promise<ArrayBuffer | string>) {
    read.then(
      (result) => {
        this.result = result;
        this.onload?.({ target: this });
        this.dispatchEvent(new Event('load'));
      },
      (error: unknown) => {
        this.error = error;
        this.onerror?.({ target: this });
        this.dispatchEvent(new Event('error'));
      },
    );
  }
  readAsArrayBuffer(blob: Blob) {
    this.finish(blob.arrayBuffer());
  }
  readAsBinaryString(blob: Blob) {
    this.finish(blob.arrayBuffer().then((b) => Buffer.from(b).toString('latin1')));
  }
  readAsText(blob: Blob) {
    this.finish(blob.text());
  }
}
vi.stubGlobal('FileReader', NodeFileReader);

interface Pc {
  db: SohoaDatabase;
  repo: Repositories;
}

async function newPc(): Promise<Pc> {
  const db = openCurrent(uniqueName('pc'));
  await db.open();
  return { db, repo: (await signedInRepositories(db)).repo };
}

/** Bytes no compressor can shrink, as a scanned page's JPEG data is. */
function noise(bytes: number, seed: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes);
  let x = seed * 2654435761 || 1;
  for (let i = 0; i < bytes; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

async function scanHashes(db: SohoaDatabase): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const scan of await db.scans.toArray()) {
    out[scan.fileName] = bytesToHex(sha256(new Uint8Array(await scan.blob.arrayBuffer())));
  }
  return out;
}

const SCAN_BYTES = [3 * 2 ** 20, 700 * 1024];

let a: Pc;
let bookId: string;

beforeEach(async () => {
  freshIndexedDb();
  a = await newPc();
  bookId = (await a.repo.createBook(sampleBook)).id;
  for (const [index, bytes] of SCAN_BYTES.entries()) {
    await a.repo.addScan(bookId, {
      fileName: `so-${index + 1}.pdf`,
      mimeType: 'application/pdf',
      blob: new Blob([noise(bytes, index + 1)]),
      pageCount: 2,
    });
  }
  for (const name of ['Lò Văn Một', 'Hà Thị Hai', 'Nguyễn Thị Hồng Nhung']) {
    const created = await a.repo.createEntry(bookId, null);
    await a.repo.saveFields(created.id, { nksHoTen: name });
  }
});

async function restoreOnNewPc(file: Blob) {
  const read = await readSohoaFile(file, 'backup');
  if (!read.ok) throw new Error(`${read.problem}: ${read.detail}`);
  const b = await newPc();
  await b.repo.restoreIntoEmpty(read.data);
  await read.discard();
  return { b, preview: read.preview };
}

describe('backups of format 2', () => {
  it('restore on another PC with every scan byte for byte and every entry as it was', async () => {
    const built = await buildBackup(a.db, { withScans: true, appVersion: '0.1.0' });
    const { b, preview } = await restoreOnNewPc(built.blob);
    expect(preview).toMatchObject({ withScans: true, entries: 3, scans: 2 });
    expect(await scanHashes(b.db)).toEqual(await scanHashes(a.db));
    const scans = (await b.db.scans.toArray()).sort((x, y) => x.size - y.size).reverse();
    expect(scans.map((scan) => [scan.size, scan.blob.size, scan.blob.type])).toEqual([
      [SCAN_BYTES[0], SCAN_BYTES[0], 'application/pdf'],
      [SCAN_BYTES[1], SCAN_BYTES[1], 'application/pdf'],
    ]);
    const fields = async (db: SohoaDatabase) =>
      (await db.records.toArray()).map((r) => [r.id, r.fields, r.status]).sort();
    expect(await fields(b.db)).toEqual(await fields(a.db));
    expect(await b.db.pages.count()).toBe(await a.db.pages.count());
  });

  it('carry the reconciliation decisions, so a restored PC re-uses them', async () => {
    const [entry] = await a.db.records.toArray();
    await a.repo.decideReconcilePair(entry!.id, 'KS|01/2008|1|lo van mot', 'same');
    const built = await buildBackup(a.db, { withScans: false, appVersion: '0.1.0' });
    const { b } = await restoreOnNewPc(built.blob);
    expect(await b.db.reconcileDecisions.toArray()).toEqual([
      expect.objectContaining({ sohoaId: entry!.id, verdict: 'same' }),
    ]);
  });

  it('carry the arbitrations and the keying time, for the operator statistics', async () => {
    const [entry] = await a.db.records.toArray();
    const arbitration = {
      id: entry!.id,
      bookId,
      entryId: entry!.id,
      keyerA: 'o1',
      keyerB: 'o2',
      arbitratorId: 'o3',
      at: 5,
      fieldsVerified: 12,
      rulings: { nksHoTen: { kind: 'takeB' as const } },
      blames: [{ key: 'nksHoTen', a: true, b: false }],
    };
    await a.db.arbitrations.add(arbitration);
    const slot = { officerId: 'o1', bookId, day: '2026-12-03', pass: 'first' } as const;
    await a.repo.addKeyingTime([
      { ...slot, keystrokes: 40, totalSeconds: 30, pausedSeconds: 5, fieldsKeyed: 3 },
    ]);
    const built = await buildBackup(a.db, { withScans: false, appVersion: '0.1.0' });
    const { b } = await restoreOnNewPc(built.blob);
    expect(await b.db.arbitrations.toArray()).toEqual([arbitration]);
    expect(await b.db.keyingTime.toArray()).toEqual(await a.db.keyingTime.toArray());
  });

  it('carry scans as bytes, not text: the file is barely larger than the scans', async () => {
    const scanTotal = SCAN_BYTES.reduce((sum, n) => sum + n, 0);
    const built = await buildBackup(a.db, { withScans: true, appVersion: '0.1.0' });
    // Base64 inside JSON made the file a third larger than its scans, and more.
    expect(built.blob.size).toBeLessThan(scanTotal * 1.02 + 64 * 1024);
    const opened = await openFile(built.blob, { latestSchemaVersion, kind: 'backup' });
    expect(opened.ok && opened.header.formatVersion).toBe(FILE_FORMAT_VERSION);
  });

  it('tell the progress of the scans as they are written and read', async () => {
    const written: number[] = [];
    const built = await buildBackup(a.db, {
      withScans: true,
      appVersion: '0.1.0',
      onProgress: (done, total) => written.push(done / total),
    });
    const read: number[] = [];
    const result = await readSohoaFile(built.blob, 'backup', (done, total) =>
      read.push(done / total),
    );
    expect(result.ok).toBe(true);
    for (const steps of [written, read]) {
      expect(steps[0]).toBe(0);
      expect(steps.at(-1)).toBe(1);
      expect([...steps].sort((x, y) => x - y)).toEqual(steps);
    }
  });

  it('leave scans out when asked, and the file says so', async () => {
    const built = await buildBackup(a.db, { withScans: false, appVersion: '0.1.0' });
    expect(built.blob.size).toBeLessThan(64 * 1024);
    const { b, preview } = await restoreOnNewPc(built.blob);
    expect(preview).toMatchObject({ withScans: false, scans: 0, entries: 3 });
    expect(await b.db.scans.count()).toBe(0);
  });

  it('work packages carry their scans the same way', async () => {
    const built = await buildWorkPackage(a.db, { bookId, appVersion: '0.1.0' });
    expect(built.blob.size).toBeLessThan(SCAN_BYTES[0]! * 1.4);
    const read = await readSohoaFile(built.blob, 'work-package');
    if (!read.ok) throw new Error(read.detail);
    const b = await newPc();
    await b.repo.mergeFile(read.data, 'goi.sohoa');
    expect(await scanHashes(b.db)).toEqual(await scanHashes(a.db));
    expect(await b.db.records.count()).toBe(3);
    expect(await b.db.people.count()).toBe(1);
  });
});

/**
 * A new payload under the same header, with a checksum that matches it and a valid signature:
 * the checks after those must still hold, even against this PC's own key.
 */
async function resealed(header: FileHeader, payload: Blob): Promise<Blob> {
  const sealedFields = new Set([
    'magic',
    'formatVersion',
    'payloadBytes',
    'sha256',
    'signer',
    'signature',
  ]);
  const input = Object.fromEntries(
    Object.entries(header).filter(([key]) => !sealedFields.has(key)),
  ) as HeaderInput;
  return sealFile(input, payload, { key: await installation.signingKey() });
}

/** The payload of a sealed file, rewritten entry by entry, then sealed again with a good hash. */
async function rewritePayload(
  file: Blob,
  change: (name: string, data: Blob) => Promise<Blob | string | null>,
  extra: Record<string, string> = {},
): Promise<Blob> {
  const opened = await openFile(file, { latestSchemaVersion });
  if (!opened.ok) throw new Error(opened.detail);
  const reader = new ZipReader(new BlobReader(opened.payload));
  const writer = new BlobWriter();
  const zip = new ZipWriter(writer);
  for (const entry of await reader.getEntries()) {
    if (entry.directory) continue;
    const changed = await change(entry.filename, await entry.getData(new BlobWriter()));
    if (changed === null) continue;
    await zip.add(
      entry.filename,
      typeof changed === 'string' ? new TextReader(changed) : new BlobReader(changed),
      { level: entry.filename.startsWith('scans/') ? 0 : 6 },
    );
  }
  for (const [name, text] of Object.entries(extra)) await zip.add(name, new TextReader(text));
  await zip.close();
  return resealed(opened.header, await writer.getData());
}

describe('reading a format-2 file checks what the checksum cannot', () => {
  const refusal = async (file: Blob) => {
    const read = await readSohoaFile(file, 'backup');
    return read.ok ? 'accepted' : read.problem;
  };
  let file: Blob;
  beforeEach(async () => {
    file = (await buildBackup(a.db, { withScans: true, appVersion: '0.1.0' })).blob;
  });

  it('refuses a scan missing from the payload', async () => {
    const edited = await rewritePayload(file, (name, data) =>
      Promise.resolve(name === 'scans/1' ? null : data),
    );
    expect(await refusal(edited)).toBe('damaged');
  });

  it('refuses an entry it does not know', async () => {
    const edited = await rewritePayload(file, (_name, data) => Promise.resolve(data), {
      'notes/readme.txt': 'xin chào',
    });
    expect(await refusal(edited)).toBe('damaged');
  });

  it('refuses rows that fail the row check, naming the table', async () => {
    const edited = await rewritePayload(file, async (name, data) => {
      if (name !== 'rows/records.json') return data;
      const rows = JSON.parse(await data.text()) as Record<string, unknown>[];
      rows[0]!.status = 'signed-by-nobody';
      return JSON.stringify(rows);
    });
    const read = await readSohoaFile(edited, 'backup');
    expect(read.ok ? null : [read.problem, read.detail.slice(0, 10)]).toEqual([
      'invalid-rows',
      'records #1',
    ]);
  });

  it('refuses a scan stored compressed, which could unfold far beyond its size', async () => {
    const opened = await openFile(file, { latestSchemaVersion });
    if (!opened.ok) throw new Error(opened.detail);
    const reader = new ZipReader(new BlobReader(opened.payload));
    const writer = new BlobWriter();
    const zip = new ZipWriter(writer);
    for (const entry of await reader.getEntries()) {
      if (entry.directory) continue;
      const data = await entry.getData(new BlobWriter());
      const bomb = entry.filename === 'scans/1' ? new Blob([new Uint8Array(2 ** 20)]) : data;
      await zip.add(entry.filename, new BlobReader(bomb), { level: 9 });
    }
    await zip.close();
    expect(await refusal(await resealed(opened.header, await writer.getData()))).toBe('damaged');
  });
});

describe('backups of format 1, written by the release before', () => {
  it('still restore through the same checks, scans byte for byte', async () => {
    const dump = await exportDB(a.db);
    const counts: Record<string, number> = {};
    for (const table of a.db.tables) counts[table.name] = await table.count();
    const file = await sealFile(
      {
        kind: 'backup',
        appVersion: '0.1.0',
        schemaVersion: a.db.verno,
        createdAt: Date.now(),
        withScans: true,
        counts,
        books: [],
      },
      dump,
      { formatVersion: DUMP_FORMAT_VERSION },
    );
    const { b, preview } = await restoreOnNewPc(file);
    expect(preview).toMatchObject({ entries: 3, scans: 2 });
    expect(await scanHashes(b.db)).toEqual(await scanHashes(a.db));
  });
});

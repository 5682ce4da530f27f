import { describe, expect, it } from 'vitest';
import {
  FILE_FORMAT_VERSION,
  FILE_MAGIC,
  hashBlob,
  openFile,
  sealFile,
  type HeaderInput,
} from './backup-format';

const header: HeaderInput = {
  kind: 'backup',
  appVersion: '0.1.0',
  schemaVersion: 4,
  createdAt: Date.UTC(2026, 10, 21, 7, 0),
  withScans: true,
  counts: { books: 1, records: 2 },
  books: [
    {
      id: 'b1',
      type: 'KS',
      templateVersion: 'ks-70',
      quyenSo: '01/2008',
      year: 2008,
      entries: 2,
    },
  ],
};
const payloadText = '{"formatName":"dexie","data":{"note":"Nguyễn Thị Hồng Nhung"}}';

async function sealed(input: HeaderInput = header, payload = payloadText): Promise<Blob> {
  return sealFile(input, new Blob([payload]));
}

/** The file's bytes with one byte changed, as a bad sector or a pulled USB stick leaves it. */
async function withByteFlipped(file: Blob, fromEnd: number): Promise<Blob> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const at = bytes.length - fromEnd;
  bytes[at] = bytes[at]! ^ 0x01;
  return new Blob([bytes]);
}

/** Rewrites the header line, keeping the payload as it is. */
async function withHeader(file: Blob, change: (h: Record<string, unknown>) => void): Promise<Blob> {
  const text = await file.text();
  const newline = text.indexOf('\n');
  const parsed = JSON.parse(text.slice(0, newline)) as Record<string, unknown>;
  change(parsed);
  return new Blob([JSON.stringify(parsed), text.slice(newline)]);
}

const open = (file: Blob, kind?: 'backup' | 'work-package') =>
  openFile(file, { latestSchemaVersion: 4, ...(kind ? { kind } : {}) });

describe('sealFile / openFile', () => {
  it('opens what it sealed, with the header it was given and the payload intact', async () => {
    const result = await open(await sealed(), 'backup');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.header).toMatchObject({
      magic: FILE_MAGIC,
      formatVersion: FILE_FORMAT_VERSION,
      kind: 'backup',
      schemaVersion: 4,
      books: header.books,
      counts: { books: 1, records: 2 },
    });
    expect(await result.payload.text()).toBe(payloadText);
    expect(result.header.sha256).toBe(await hashBlob(new Blob([payloadText])));
  });

  it('hashes as the standard SHA-256 does', async () => {
    expect(await hashBlob(new Blob(['abc']))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('refuses a file with one byte of the payload changed as damaged', async () => {
    const result = await open(await withByteFlipped(await sealed(), 5));
    expect(result).toMatchObject({ ok: false, problem: 'damaged' });
  });

  it('refuses a file cut short as damaged', async () => {
    const file = await sealed();
    const result = await open(file.slice(0, file.size - 10));
    expect(result).toMatchObject({ ok: false, problem: 'damaged' });
  });

  it('refuses a header whose counts were tampered with the wrong type as damaged', async () => {
    const file = await withHeader(await sealed(), (h) => {
      h.counts = 'many';
    });
    expect(await open(file)).toMatchObject({ ok: false, problem: 'damaged' });
  });

  it('refuses a file written by a newer format, before reading anything else of it', async () => {
    const file = await withHeader(await sealed(), (h) => {
      h.formatVersion = FILE_FORMAT_VERSION + 1;
      h.books = 'changed in the next format';
    });
    expect(await open(file)).toMatchObject({ ok: false, problem: 'newer-format' });
  });

  it('refuses a backup of a newer database schema than this app knows', async () => {
    const file = await sealed({ ...header, schemaVersion: 5 });
    expect(await open(file)).toMatchObject({ ok: false, problem: 'newer-schema' });
  });

  it('takes a backup of an older schema', async () => {
    const result = await open(await sealed({ ...header, schemaVersion: 1 }));
    expect(result.ok).toBe(true);
  });

  it('refuses files that are not SoHoa files', async () => {
    expect(await open(new Blob(['PK\u0003\u0004 a zip file']))).toMatchObject({
      ok: false,
      problem: 'not-sohoa',
    });
    expect(await open(new Blob(['{"formatName":"dexie"}\n{}']))).toMatchObject({
      ok: false,
      problem: 'not-sohoa',
    });
    expect(await open(new Blob([]))).toMatchObject({ ok: false, problem: 'empty' });
  });

  it('refuses a work package offered as a backup, and the other way round', async () => {
    const pkg = await sealed({ ...header, kind: 'work-package' });
    expect(await open(pkg, 'backup')).toMatchObject({ ok: false, problem: 'wrong-kind' });
    expect(await open(await sealed(), 'work-package')).toMatchObject({
      ok: false,
      problem: 'wrong-kind',
    });
  });
});

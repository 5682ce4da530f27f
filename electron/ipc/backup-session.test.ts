import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_BACKUP_PIECE_BYTES, MIN_BACKUPS_KEPT, type BridgeResult } from '../../shared/bridge';
import { BackupWrites, DISK_MARGIN_BYTES } from './backup-session';

vi.mock('electron', () => ({}));

let root: string;
let folder: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'sohoa-backup-pieces-'));
  folder = path.join(root, 'Sao lưu');
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

function value<T>(result: BridgeResult<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const listFolder = async () => (await fs.readdir(folder)).sort();
const writes = (free: number | null = null) =>
  new BackupWrites({
    getFolder: () => Promise.resolve(folder),
    freeBytes: () => Promise.resolve(free),
  });
const name = (minute: string) => `sohoa-sao-luu-20261121-${minute}.sohoa`;
const pieces = (...texts: string[]) => texts.map((text) => new TextEncoder().encode(text));

/** A backup sent the way the renderer sends it: open with its size, pieces, commit. */
async function send(target: BackupWrites, fileName: string, parts: Uint8Array[], keep = 10) {
  const bytes = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const { sessionId } = value(await target.open({ fileName, bytes, keep }));
  for (const data of parts) value(await target.write({ sessionId, data }));
  return target.commit({ sessionId });
}

describe('backups written in pieces', () => {
  it('arrive whole under their name, with no temp file left', async () => {
    const written = value(await send(writes(), name('0700'), pieces('SOHOA', '-DATA', '\n…')));
    expect(written).toEqual({ path: path.join(folder, name('0700')), removed: [] });
    expect(await fs.readFile(written.path, 'utf8')).toBe('SOHOA-DATA\n…');
    expect(await listFolder()).toEqual([name('0700')]);
  });

  it('never leave fewer than three backups, whatever "keep" the page asks for', async () => {
    const target = writes();
    for (const minute of ['0700', '0701', '0702', '0703', '0704']) {
      value(await send(target, name(minute), pieces(minute), 1));
    }
    expect(await listFolder()).toHaveLength(MIN_BACKUPS_KEPT);
    expect(await listFolder()).toEqual([name('0702'), name('0703'), name('0704')]);
  });

  it('give a second backup of the same minute its own name', async () => {
    const target = writes();
    value(await send(target, name('0700'), pieces('first')));
    const second = value(await send(target, name('0700'), pieces('second')));
    expect(path.basename(second.path)).toBe('sohoa-sao-luu-20261121-0700-1.sohoa');
    expect(await fs.readFile(path.join(folder, name('0700')), 'utf8')).toBe('first');
  });

  it('are refused before writing when the disk has no room for them', async () => {
    const bytes = 50 * 2 ** 20;
    const refused = await writes(bytes + DISK_MARGIN_BYTES - 1).open({
      fileName: name('0700'),
      bytes,
      keep: 10,
    });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'backup-no-space', params: { free: 250, needed: 50, margin: 200 } },
    });
    expect(await listFolder()).toEqual([]);
    expect(
      (await writes(bytes + DISK_MARGIN_BYTES).open({ fileName: name('0700'), bytes, keep: 10 }))
        .ok,
    ).toBe(true);
  });

  it('refuse a piece beyond the size declared, and drop what was written', async () => {
    const target = writes();
    const { sessionId } = value(await target.open({ fileName: name('0700'), bytes: 4, keep: 10 }));
    value(await target.write({ sessionId, data: pieces('abc')[0] }));
    const refused = await target.write({ sessionId, data: pieces('de')[0] });
    expect(refused.ok).toBe(false);
    expect(await listFolder()).toEqual([]);
    expect((await target.commit({ sessionId })).ok).toBe(false);
  });

  it('refuse to commit a backup shorter than declared: nothing gets the name', async () => {
    const target = writes();
    const { sessionId } = value(await target.open({ fileName: name('0700'), bytes: 10, keep: 10 }));
    value(await target.write({ sessionId, data: pieces('abc')[0] }));
    const refused = await target.commit({ sessionId });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'backup-too-short', params: { written: 3, declared: 10 } },
    });
    expect(await listFolder()).toEqual([]);
  });

  it('refuse pieces over the limit, names not of a backup, and sizes out of range', async () => {
    const target = writes();
    const { sessionId } = value(
      await target.open({ fileName: name('0700'), bytes: 2 ** 30, keep: 10 }),
    );
    const big = await target.write({ sessionId, data: new Uint8Array(MAX_BACKUP_PIECE_BYTES + 1) });
    expect(big.ok ? null : big.error.code).toBe('invalid-request');
    for (const request of [
      { fileName: '../sohoa-sao-luu-20261121-0700.sohoa', bytes: 1, keep: 3 },
      { fileName: 'bao-cao.docx', bytes: 1, keep: 3 },
      { fileName: name('0701'), bytes: 0, keep: 3 },
      { fileName: name('0701'), bytes: 1, keep: 0 },
      { fileName: name('0701'), bytes: 1.5, keep: 3 },
    ]) {
      const refused = await target.open(request);
      expect(refused.ok ? null : refused.error.code).toBe('invalid-request');
    }
    await target.abort({ sessionId });
    expect(await listFolder()).toEqual([]);
  });

  it('clear the temp file a crash left behind at the next backup', async () => {
    await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(path.join(folder, `${name('0650')}.partial`), 'cut short');
    await fs.writeFile(path.join(folder, 'ghi-chu.txt.partial'), 'not ours');
    value(await send(writes(), name('0700'), pieces('whole')));
    expect(await listFolder()).toEqual(['ghi-chu.txt.partial', name('0700')]);
  });
});

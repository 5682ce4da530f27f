import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeResult, WriteBackupResult } from '../../shared/bridge';
import {
  createBackupService,
  createExitGate,
  createFolderSettingFile,
  defaultBackupFolder,
  writeBackupToFolder,
} from './backups';

vi.mock('electron', () => ({}));

let root: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'sohoa-backups-'));
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const bytes = (text: string) => new TextEncoder().encode(text);
const request = (fileName: string, keep = 3) => ({ fileName, data: bytes(fileName), keep });

async function listFolder(folder: string): Promise<string[]> {
  return (await fs.readdir(folder)).sort();
}

function value(result: BridgeResult<WriteBackupResult>): WriteBackupResult {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('writeBackupToFolder', () => {
  it('creates the folder and writes the backup whole, leaving no .partial', async () => {
    const folder = path.join(root, 'Tài liệu', 'SoHoa', 'Sao lưu');
    const result = value(
      await writeBackupToFolder(folder, request('sohoa-sao-luu-20261121-0700.sohoa')),
    );
    expect(result).toEqual({
      path: path.join(folder, 'sohoa-sao-luu-20261121-0700.sohoa'),
      removed: [],
    });
    expect(await fs.readFile(result.path, 'utf8')).toBe('sohoa-sao-luu-20261121-0700.sohoa');
    expect(await listFolder(folder)).toEqual(['sohoa-sao-luu-20261121-0700.sohoa']);
  });

  it('keeps the newest K backups and removes only the oldest of its own files', async () => {
    const folder = path.join(root, 'backups');
    await fs.mkdir(folder);
    await fs.writeFile(path.join(folder, 'ghi-chu.txt'), 'the officer’s own file');
    await fs.writeFile(path.join(folder, 'sohoa-sao-luu-cu.sohoa'), 'not our name pattern');
    for (const stamp of ['20261117-0800', '20261118-0800', '20261119-0800', '20261120-0800']) {
      await fs.writeFile(path.join(folder, `sohoa-sao-luu-${stamp}.sohoa`), stamp);
    }
    const result = value(
      await writeBackupToFolder(folder, request('sohoa-sao-luu-20261121-0700.sohoa', 3)),
    );
    expect(result.removed).toEqual([
      'sohoa-sao-luu-20261117-0800.sohoa',
      'sohoa-sao-luu-20261118-0800.sohoa',
    ]);
    expect(await listFolder(folder)).toEqual([
      'ghi-chu.txt',
      'sohoa-sao-luu-20261119-0800.sohoa',
      'sohoa-sao-luu-20261120-0800.sohoa',
      'sohoa-sao-luu-20261121-0700.sohoa',
      'sohoa-sao-luu-cu.sohoa',
    ]);
  });

  it('removes at most two older backups per new one, and never keeps fewer than three', async () => {
    // A page that asks to keep 1 must not wipe the folder's history in one call.
    const folder = path.join(root, 'backups');
    await fs.mkdir(folder);
    const older = Array.from({ length: 10 }, (_, i) => `sohoa-sao-luu-2026111${i}-0800.sohoa`);
    for (const name of older) await fs.writeFile(path.join(folder, name), name);
    const first = value(
      await writeBackupToFolder(folder, request('sohoa-sao-luu-20261121-0700.sohoa', 1)),
    );
    expect(first.removed).toEqual(older.slice(0, 2));
    for (const minute of ['0701', '0702', '0703', '0704', '0705', '0706', '0707']) {
      value(
        await writeBackupToFolder(folder, request(`sohoa-sao-luu-20261121-${minute}.sohoa`, 1)),
      );
    }
    expect(await listFolder(folder)).toEqual([
      'sohoa-sao-luu-20261121-0705.sohoa',
      'sohoa-sao-luu-20261121-0706.sohoa',
      'sohoa-sao-luu-20261121-0707.sohoa',
    ]);
  });

  it('never overwrites: a second backup in the same minute gets -1, and counts as newer', async () => {
    const folder = path.join(root, 'backups');
    const name = 'sohoa-sao-luu-20261121-0700.sohoa';
    value(await writeBackupToFolder(folder, { fileName: name, data: bytes('first'), keep: 5 }));
    const second = value(
      await writeBackupToFolder(folder, { fileName: name, data: bytes('second'), keep: 3 }),
    );
    expect(path.basename(second.path)).toBe('sohoa-sao-luu-20261121-0700-1.sohoa');
    expect(await fs.readFile(second.path, 'utf8')).toBe('second');
    value(await writeBackupToFolder(folder, request('sohoa-sao-luu-20261121-0701.sohoa', 3)));
    const fourth = value(
      await writeBackupToFolder(folder, request('sohoa-sao-luu-20261121-0702.sohoa', 3)),
    );
    expect(fourth.removed).toEqual([name]);
  });

  it('reports a folder that cannot be created as write-failed, with the system code', async () => {
    const blocker = path.join(root, 'file');
    await fs.writeFile(blocker, 'x');
    const result = await writeBackupToFolder(
      path.join(blocker, 'sub'),
      request('sohoa-sao-luu-20261121-0700.sohoa'),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'write-failed', params: { errno: 'ENOTDIR' } },
    });
  });
});

describe('createBackupService', () => {
  const setUp = (pick: (current: string) => Promise<string | null>) =>
    createBackupService({
      documentsPath: path.join(root, 'Documents'),
      setting: createFolderSettingFile(path.join(root, 'profile', 'backup-settings.json')),
      pickFolder: pick,
    });

  it('uses Documents/SoHoa/Sao lưu until the officer picks a folder, then remembers it', async () => {
    const chosen = path.join(root, 'D', 'SaoLuu');
    const pick = vi.fn(() => Promise.resolve<string | null>(chosen));
    const service = setUp(pick);
    expect(await service.getFolder()).toEqual({
      folder: defaultBackupFolder(path.join(root, 'Documents')),
      isDefault: true,
    });
    expect(await service.chooseFolder()).toEqual({
      ok: true,
      value: { folder: chosen, isDefault: false },
    });
    expect(pick).toHaveBeenCalledWith(defaultBackupFolder(path.join(root, 'Documents')));
    // A restart reads the choice back from the profile.
    expect(await setUp(pick).getFolder()).toEqual({ folder: chosen, isDefault: false });
    const written = await service.write(request('sohoa-sao-luu-20261121-0700.sohoa'));
    expect(written).toMatchObject({ ok: true });
    expect(await listFolder(chosen)).toEqual(['sohoa-sao-luu-20261121-0700.sohoa']);
  });

  it('keeps the folder when the picker is cancelled', async () => {
    const service = setUp(() => Promise.resolve(null));
    expect(await service.chooseFolder()).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect((await service.getFolder()).isDefault).toBe(true);
  });

  it.each([
    ['no payload', undefined],
    ['a name outside the backup pattern', request('ghi-chu.txt')],
    ['a path instead of a name', request('../sohoa-sao-luu-20261121-0700.sohoa')],
    ['data as a string', { ...request('sohoa-sao-luu-20261121-0700.sohoa'), data: 'x' }],
    ['keep of zero', request('sohoa-sao-luu-20261121-0700.sohoa', 0)],
  ])('refuses %s and writes nothing', async (_label, payload) => {
    const service = setUp(() => Promise.resolve(null));
    const result = await service.write(payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    await expect(fs.readdir(defaultBackupFolder(path.join(root, 'Documents')))).rejects.toThrow();
  });
});

describe('createExitGate', () => {
  it('lets the window close at once when nothing waits to back up', () => {
    const gate = createExitGate();
    const close = vi.fn();
    expect(gate.hold(close)).toBe(false);
  });

  it('holds the close, wakes the renderer, and closes once the backup is done', async () => {
    const gate = createExitGate();
    const woke = vi.fn();
    void gate.waitForExit().then(woke);
    const close = vi.fn();
    expect(gate.hold(close)).toBe(true);
    await Promise.resolve();
    expect(woke).toHaveBeenCalled();
    // A second close while the backup runs is held too.
    expect(gate.hold(close)).toBe(true);
    expect(close).not.toHaveBeenCalled();
    gate.done();
    expect(close).toHaveBeenCalledOnce();
    // The close that follows goes through.
    expect(gate.hold(close)).toBe(false);
  });

  it('closes after the time limit when the backup never reports back', () => {
    vi.useFakeTimers();
    try {
      const gate = createExitGate(30_000);
      void gate.waitForExit();
      const close = vi.fn();
      expect(gate.hold(close)).toBe(true);
      vi.advanceTimersByTime(29_999);
      expect(close).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(close).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });
});

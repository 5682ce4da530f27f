import { promises as fs } from 'node:fs';
import os from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import { readDiskSpace } from './storage';

vi.mock('electron', () => ({}));

describe('readDiskSpace', () => {
  it('reports the space the app may use, not the blocks reserved for the system', async () => {
    const statfs = vi.fn(() => Promise.resolve({ bsize: 4096, blocks: 1_000_000, bavail: 25_000 }));
    expect(await readDiskSpace(statfs, 'C:\\Users\\canbo\\AppData\\Roaming\\SoHoa')).toEqual({
      ok: true,
      value: { free: 25_000 * 4096, total: 1_000_000 * 4096 },
    });
    expect(statfs).toHaveBeenCalledWith('C:\\Users\\canbo\\AppData\\Roaming\\SoHoa');
  });

  it('reads a real disk', async () => {
    const result = await readDiskSpace((folder) => fs.statfs(folder), os.tmpdir());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.total).toBeGreaterThan(0);
    expect(result.value.free).toBeLessThanOrEqual(result.value.total);
  });

  it('answers disk-space-unknown instead of throwing when the disk cannot be read', async () => {
    const gone = Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    const result = await readDiskSpace(() => Promise.reject(gone), '/missing');
    expect(result).toEqual({ ok: false, error: { code: 'disk-space-unknown', params: {} } });
  });

  it('refuses nonsense figures rather than passing them on', async () => {
    const result = await readDiskSpace(
      () => Promise.resolve({ bsize: 4096, blocks: Number.NaN, bavail: -1 }),
      '/x',
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'disk-space-unknown' } });
  });
});

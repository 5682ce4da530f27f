// What the bundle-writing tests share: a fresh parent folder per test, a valid request and
// ways to read back what landed on disk (files.test.ts, files-write.test.ts).
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import type { BridgeError, BridgeResult, SaveBundleResult } from '../../shared/bridge';

/** A folder made before each test and removed after it, even if a test locked it. */
export function useTempFolder(prefix: string): { dir: string } {
  const folder = { dir: '' };
  beforeEach(async () => {
    folder.dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  });
  afterEach(async () => {
    await fs.chmod(folder.dir, 0o755).catch(() => undefined);
    await fs.rm(folder.dir, { recursive: true, force: true });
  });
  return folder;
}

export const bytes = (text: string) => new TextEncoder().encode(text);

export const validRequest = () => ({
  folderName: 'So khai sinh 2008 - Quyen 01',
  files: [
    { name: 'SoKhaiSinh.xlsx', data: bytes('excel') },
    { name: 'KS.2008.01.Trang.001.pdf', data: bytes('%PDF-1.7') },
  ],
});

/** Every file under a folder, relative, sorted: what the officer would see in Explorer. */
export async function listTree(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

export function expectError(result: BridgeResult<SaveBundleResult>, code: string): BridgeError {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('expected a failure');
  expect(result.error.code).toBe(code);
  return result.error;
}

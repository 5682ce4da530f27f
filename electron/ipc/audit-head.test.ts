import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuditHeadService } from './audit-head';
import { createJsonFile } from './json-file';

vi.mock('electron', () => ({}));

let folder: string;
beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'sohoa-audit-head-'));
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

const hashA = 'a'.repeat(64);
const hashB = 'b'.repeat(64);
const filePath = () => path.join(folder, 'audit-head.json');
const start = () => createAuditHeadService(createJsonFile(filePath()), () => 1234);

describe('the audit head file', () => {
  it('keeps the head per database in a file the next start reads back', async () => {
    const heads = start();
    expect(await heads.read({ database: 'sohoa' })).toBeNull();
    expect(await heads.write({ database: 'sohoa', count: 5, hash: hashA })).toBe(true);
    expect(await start().read({ database: 'sohoa' })).toEqual({ count: 5, hash: hashA, at: 1234 });
    expect(await start().read({ database: 'other' })).toBeNull();
    // Written whole: no temp file is left beside it.
    expect(await fs.readdir(folder)).toEqual(['audit-head.json']);
  });

  it('only moves forward: a shorter log or another hash at the same length is refused', async () => {
    const heads = start();
    await heads.write({ database: 'sohoa', count: 5, hash: hashA });
    expect(await heads.write({ database: 'sohoa', count: 3, hash: hashB })).toBe(false);
    expect(await heads.write({ database: 'sohoa', count: 5, hash: hashB })).toBe(false);
    expect(await heads.read({ database: 'sohoa' })).toMatchObject({ count: 5, hash: hashA });
    expect(await heads.write({ database: 'sohoa', count: 6, hash: hashB })).toBe(true);
    // A restore replaces the log: then the head starts again.
    expect(await heads.write({ database: 'sohoa', count: 2, hash: hashA, restart: true })).toBe(
      true,
    );
    expect(await heads.read({ database: 'sohoa' })).toMatchObject({ count: 2, hash: hashA });
  });

  it('reads a damaged file as no head, and replaces it on the next write', async () => {
    await fs.writeFile(filePath(), '{"sohoa": {"count": "five"');
    const heads = start();
    expect(await heads.read({ database: 'sohoa' })).toBeNull();
    expect(await heads.write({ database: 'sohoa', count: 1, hash: hashA })).toBe(true);
    expect(JSON.parse(await fs.readFile(filePath(), 'utf8'))).toEqual({
      sohoa: { count: 1, hash: hashA, at: 1234 },
    });
  });

  it('rejects requests that are not a head', async () => {
    const heads = start();
    await expect(heads.write({ database: '../x', count: 1, hash: hashA })).rejects.toThrow(
      /Invalid/,
    );
    await expect(heads.write({ database: 'sohoa', count: 0, hash: hashA })).rejects.toThrow(
      /Invalid/,
    );
  });
});

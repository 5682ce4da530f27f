import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeResult } from '../../shared/bridge';
import { ExportSessions } from './export-session';

vi.mock('electron', () => ({}));

let parent: string;

beforeEach(async () => {
  parent = await fs.mkdtemp(path.join(os.tmpdir(), 'sohoa-export-'));
});

afterEach(async () => {
  await fs.rm(parent, { recursive: true, force: true });
});

const bytes = (text: string) => new TextEncoder().encode(text);
const FOLDER = 'KS.2008.01';
const NAMES = ['KS.2008.01.xlsx', 'KS.2008.01.zip'] as const;

/** Every file under the picked folder, relative and sorted: what the officer would see. */
async function listTree(): Promise<string[]> {
  const entries = await fs.readdir(parent, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(parent, path.join(entry.parentPath, entry.name)))
    .sort();
}

function value<T>(result: BridgeResult<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

async function openSession(sessions: ExportSessions): Promise<string> {
  return value(await sessions.open({ folderName: FOLDER, fileNames: [...NAMES] })).sessionId;
}

describe('ExportSessions', () => {
  it('streams pieces into temp files and gives them their names only on commit', async () => {
    const sessions = new ExportSessions(() => Promise.resolve(parent));
    const sessionId = await openSession(sessions);
    for (const piece of ['PK', 'zip-', 'body']) {
      value(await sessions.write({ sessionId, fileName: NAMES[1], data: bytes(piece) }));
    }
    value(await sessions.write({ sessionId, fileName: NAMES[0], data: bytes('excel') }));
    // Mid-way, nothing is under a final name.
    expect(await listTree()).toEqual([
      `${FOLDER}/KS.2008.01.xlsx.partial`,
      `${FOLDER}/KS.2008.01.zip.partial`,
    ]);
    const back = value(
      await sessions.read({ sessionId, fileName: NAMES[1], offset: 2, length: 100 }),
    );
    expect(new TextDecoder().decode(back)).toBe('zip-body');

    const saved = value(await sessions.commit({ sessionId }));
    expect(saved).toEqual({
      folder: path.join(parent, FOLDER),
      files: [
        { name: NAMES[0], bytes: 5 },
        { name: NAMES[1], bytes: 10 },
      ],
    });
    expect(await listTree()).toEqual([`${FOLDER}/KS.2008.01.xlsx`, `${FOLDER}/KS.2008.01.zip`]);
    expect(await fs.readFile(path.join(parent, FOLDER, NAMES[1]), 'utf8')).toBe('PKzip-body');
    // The session is over: no more writes through it.
    const late = await sessions.write({ sessionId, fileName: NAMES[1], data: bytes('x') });
    expect(late.ok).toBe(false);
  });

  it('cancel deletes the temp files and the folder it made', async () => {
    const sessions = new ExportSessions(() => Promise.resolve(parent));
    const sessionId = await openSession(sessions);
    value(await sessions.write({ sessionId, fileName: NAMES[1], data: bytes('half a zip') }));
    value(await sessions.abort({ sessionId }));
    expect(await listTree()).toEqual([]);
    expect(await fs.readdir(parent)).toEqual([]);
  });

  it('writes a later bundle of the same book beside the earlier one, which it leaves as it was', async () => {
    await fs.mkdir(path.join(parent, FOLDER));
    await fs.writeFile(path.join(parent, FOLDER, NAMES[1]), 'last month');
    const sessions = new ExportSessions(() => Promise.resolve(parent));
    const opened = value(await sessions.open({ folderName: FOLDER, fileNames: [...NAMES] }));
    expect(opened.folder).toBe(path.join(parent, `${FOLDER} (2)`));
    for (const name of NAMES) {
      value(
        await sessions.write({ sessionId: opened.sessionId, fileName: name, data: bytes('new') }),
      );
    }
    value(await sessions.commit({ sessionId: opened.sessionId }));
    expect(await listTree()).toEqual([
      `${FOLDER} (2)/KS.2008.01.xlsx`,
      `${FOLDER} (2)/KS.2008.01.zip`,
      `${FOLDER}/KS.2008.01.zip`,
    ]);
    expect(await fs.readFile(path.join(parent, FOLDER, NAMES[1]), 'utf8')).toBe('last month');
  });

  it('takes the next free name when several earlier bundles sit there, or a file has the name', async () => {
    await fs.mkdir(path.join(parent, FOLDER));
    await fs.writeFile(path.join(parent, FOLDER, NAMES[0]), 'first');
    await fs.writeFile(path.join(parent, `${FOLDER} (2)`), 'a file, not a folder');
    await fs.mkdir(path.join(parent, `${FOLDER} (3)`));
    await fs.writeFile(path.join(parent, `${FOLDER} (3)`, NAMES[1]), 'third');
    const sessions = new ExportSessions(() => Promise.resolve(parent));
    const opened = value(await sessions.open({ folderName: FOLDER, fileNames: [...NAMES] }));
    expect(opened.folder).toBe(path.join(parent, `${FOLDER} (4)`));
    value(await sessions.abort({ sessionId: opened.sessionId }));
    expect(await fs.readdir(parent)).not.toContain(`${FOLDER} (4)`);
  });

  it('keeps every path inside the folder the officer picked', async () => {
    const pick = vi.fn(() => Promise.resolve(parent));
    const sessions = new ExportSessions(pick);
    for (const request of [
      { folderName: '..', fileNames: [...NAMES] },
      { folderName: FOLDER, fileNames: ['../escape.zip'] },
      { folderName: FOLDER, fileNames: ['a\\b.zip'] },
      { folderName: FOLDER, fileNames: ['CON'] },
      { folderName: FOLDER, fileNames: ['a.zip', 'A.ZIP'] },
    ]) {
      const result = await sessions.open(request);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(['invalid-request', 'windows-name', 'duplicate-name']).toContain(result.error.code);
      }
    }
    expect(pick).not.toHaveBeenCalled();

    const sessionId = await openSession(sessions);
    // Only the session's own files can be written or read, and only in bounded pieces.
    for (const fileName of ['other.zip', '../KS.2008.01.zip']) {
      expect((await sessions.write({ sessionId, fileName, data: bytes('x') })).ok).toBe(false);
    }
    const huge = await sessions.read({ sessionId, fileName: NAMES[1], offset: 0, length: 2 ** 30 });
    expect(huge.ok).toBe(false);
    const notOurs = await sessions.write({
      sessionId: '00000000-0000-4000-8000-000000000000',
      fileName: NAMES[1],
      data: bytes('x'),
    });
    expect(notOurs.ok).toBe(false);
    value(await sessions.abort({ sessionId }));
    expect(await listTree()).toEqual([]);
  });

  it('follows no link already in the picked folder, to a folder or over a temp file', async () => {
    const elsewhere = await fs.mkdtemp(path.join(os.tmpdir(), 'sohoa-elsewhere-'));
    try {
      const sessions = new ExportSessions(() => Promise.resolve(parent));
      await fs.symlink(elsewhere, path.join(parent, FOLDER), 'dir');
      const linked = await sessions.open({ folderName: FOLDER, fileNames: [...NAMES] });
      expect(linked).toMatchObject({ ok: false, error: { code: 'link' } });
      expect(await fs.readdir(elsewhere)).toEqual([]);

      const victim = path.join(elsewhere, 'important.txt');
      await fs.writeFile(victim, 'keep me');
      await fs.rm(path.join(parent, FOLDER));
      await fs.mkdir(path.join(parent, FOLDER));
      await fs.symlink(victim, path.join(parent, FOLDER, `${NAMES[1]}.partial`));
      const overTemp = await sessions.open({ folderName: FOLDER, fileNames: [...NAMES] });
      expect(overTemp).toMatchObject({ ok: false, error: { code: 'link' } });
      expect(await fs.readFile(victim, 'utf8')).toBe('keep me');
    } finally {
      await fs.rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('writes nothing when the officer closes the folder dialog', async () => {
    const sessions = new ExportSessions(() => Promise.resolve(null));
    const result = await sessions.open({ folderName: FOLDER, fileNames: [...NAMES] });
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await fs.readdir(parent)).toEqual([]);
  });

  it('closing the window mid-export removes what was being written', async () => {
    const sessions = new ExportSessions(() => Promise.resolve(parent));
    const sessionId = await openSession(sessions);
    value(await sessions.write({ sessionId, fileName: NAMES[0], data: bytes('excel') }));
    await sessions.abortAll();
    expect(await fs.readdir(parent)).toEqual([]);
  });
});

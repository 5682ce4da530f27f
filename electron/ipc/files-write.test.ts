// Writing a bundle into the picked folder: whole or not at all, never over a file, never
// through a link (electron/ipc/files.ts). The request's checks are in files.test.ts.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveBundleToFolder } from './files';
import { bytes, expectError, listTree, useTempFolder, validRequest } from './files-fixture';

vi.mock('electron', () => ({}));

const tmp = useTempFolder('sohoa-files-write-');

describe('saveBundleToFolder', () => {
  it('writes every file into <folder>/<folderName>, leaving no .partial behind', async () => {
    const result = await saveBundleToFolder(tmp.dir, validRequest());
    const target = path.join(tmp.dir, 'So khai sinh 2008 - Quyen 01');
    expect(result).toEqual({
      ok: true,
      value: {
        folder: target,
        files: [
          { name: 'SoKhaiSinh.xlsx', bytes: 5 },
          { name: 'KS.2008.01.Trang.001.pdf', bytes: 8 },
        ],
      },
    });
    expect(await fs.readFile(path.join(target, 'SoKhaiSinh.xlsx'), 'utf8')).toBe('excel');
    expect(await fs.readFile(path.join(target, 'KS.2008.01.Trang.001.pdf'), 'utf8')).toBe(
      '%PDF-1.7',
    );
    const tree = await listTree(tmp.dir);
    expect(tree.some((entry) => entry.endsWith('.partial'))).toBe(false);
    expect(tree).toHaveLength(3);
  });

  it('keeps Vietnamese names as given', async () => {
    const result = await saveBundleToFolder(tmp.dir, {
      folderName: 'Sổ khai sinh',
      files: [{ name: 'Nguyễn Văn Á.pdf', data: bytes('x') }],
    });
    expect(result.ok).toBe(true);
    expect(await fs.readFile(path.join(tmp.dir, 'Sổ khai sinh', 'Nguyễn Văn Á.pdf'), 'utf8')).toBe(
      'x',
    );
  });

  it('adds to an existing folder when none of the files is there yet', async () => {
    const target = path.join(tmp.dir, 'Bo');
    await fs.mkdir(target);
    await fs.writeFile(path.join(target, 'ghi-chu.txt'), 'keep');
    const result = await saveBundleToFolder(tmp.dir, {
      folderName: 'Bo',
      files: [{ name: 'a.pdf', data: bytes('a') }],
    });
    expect(result.ok).toBe(true);
    expect(await listTree(target)).toEqual(['a.pdf', 'ghi-chu.txt']);
  });

  it('refuses to overwrite an existing file, says which, and writes nothing', async () => {
    const target = path.join(tmp.dir, 'Bo');
    await fs.mkdir(target);
    await fs.writeFile(path.join(target, 'b.pdf'), 'old');
    const result = await saveBundleToFolder(tmp.dir, {
      folderName: 'Bo',
      files: [
        { name: 'a.pdf', data: bytes('new a') },
        { name: 'b.pdf', data: bytes('new b') },
      ],
    });
    expect(expectError(result, 'exists').params).toMatchObject({ name: 'b.pdf' });
    expect(await fs.readFile(path.join(target, 'b.pdf'), 'utf8')).toBe('old');
    expect(await listTree(target)).toEqual(['b.pdf']);
  });

  it('reports a file standing where the folder should be as folder-is-file', async () => {
    await fs.writeFile(path.join(tmp.dir, 'Bo'), 'not a folder');
    const result = await saveBundleToFolder(tmp.dir, {
      folderName: 'Bo',
      files: [{ name: 'a.pdf', data: bytes('a') }],
    });
    expect(expectError(result, 'folder-is-file').params).toEqual({ name: 'Bo' });
    expect(await fs.readFile(path.join(tmp.dir, 'Bo'), 'utf8')).toBe('not a folder');
  });

  describe('a link already in the picked folder', () => {
    let elsewhere: string;
    beforeEach(async () => {
      elsewhere = await fs.mkdtemp(path.join(os.tmpdir(), 'sohoa-elsewhere-'));
    });
    afterEach(async () => {
      await fs.rm(elsewhere, { recursive: true, force: true });
    });

    it('is not followed where the bundle folder should be', async () => {
      await fs.symlink(elsewhere, path.join(tmp.dir, 'Bo'), 'dir');
      const result = await saveBundleToFolder(tmp.dir, {
        folderName: 'Bo',
        files: [{ name: 'a.pdf', data: bytes('a') }],
      });
      expect(expectError(result, 'link').params).toEqual({ name: 'Bo' });
      expect(await fs.readdir(elsewhere)).toEqual([]);
    });

    it('is not written through when it stands where a temp file goes', async () => {
      const victim = path.join(elsewhere, 'important.txt');
      await fs.writeFile(victim, 'keep me');
      await fs.mkdir(path.join(tmp.dir, 'Bo'));
      await fs.symlink(victim, path.join(tmp.dir, 'Bo', 'a.pdf.partial'));
      const result = await saveBundleToFolder(tmp.dir, {
        folderName: 'Bo',
        files: [{ name: 'a.pdf', data: bytes('a') }],
      });
      expect(expectError(result, 'link').params).toEqual({ name: 'a.pdf' });
      expect(await fs.readFile(victim, 'utf8')).toBe('keep me');
    });
  });

  it('gives no file its real name until every file of the bundle is fully on disk', async () => {
    const target = path.join(tmp.dir, 'So khai sinh 2008 - Quyen 01');
    const realRename = fs.rename.bind(fs);
    const seenAtFirstRename: string[][] = [];
    const renameSpy = vi.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
      if (seenAtFirstRename.length === 0) seenAtFirstRename.push(await listTree(target));
      await realRename(from, to);
    });
    try {
      expect((await saveBundleToFolder(tmp.dir, validRequest())).ok).toBe(true);
    } finally {
      renameSpy.mockRestore();
    }
    // A crash at the first rename would leave only temporary files, never half a bundle.
    expect(seenAtFirstRename).toEqual([
      ['KS.2008.01.Trang.001.pdf.partial', 'SoKhaiSinh.xlsx.partial'],
    ]);
    expect(await fs.readFile(path.join(target, 'KS.2008.01.Trang.001.pdf'), 'utf8')).toBe(
      '%PDF-1.7',
    );
  });

  it('removes the files already written when a later one fails', async () => {
    const realOpen = fs.open.bind(fs);
    const openSpy = vi.spyOn(fs, 'open').mockImplementation(async (file, flags) => {
      if (String(file).endsWith('.pdf.partial')) {
        throw Object.assign(new Error('EIO: i/o error, open'), { code: 'EIO' });
      }
      return realOpen(file, flags);
    });
    try {
      const result = await saveBundleToFolder(tmp.dir, validRequest());
      expect(expectError(result, 'write-failed').params).toEqual({
        name: 'KS.2008.01.Trang.001.pdf',
        errno: 'EIO',
      });
    } finally {
      openSpy.mockRestore();
    }
    expect(await listTree(tmp.dir)).toEqual([]);
  });

  it('reports a vanished folder (USB pulled out) as folder-gone', async () => {
    const gone = path.join(tmp.dir, 'usb-removed');
    const result = await saveBundleToFolder(gone, validRequest());
    expectError(result, 'folder-gone');
  });

  it('rolls back a half-written bundle and its .partial when a later file fails', async () => {
    const target = path.join(tmp.dir, 'Bo');
    await fs.mkdir(target);
    // A directory squatting on the temporary name makes the second write fail mid-bundle.
    await fs.mkdir(path.join(target, 'b.pdf.partial'));
    const result = await saveBundleToFolder(tmp.dir, {
      folderName: 'Bo',
      files: [
        { name: 'a.pdf', data: bytes('a') },
        { name: 'b.pdf', data: bytes('b') },
      ],
    });
    expect(expectError(result, 'write-failed').params).toMatchObject({ name: 'b.pdf' });
    expect(await listTree(target)).toEqual(['b.pdf.partial']);
  });

  it('removes the folder it created when the bundle fails', async () => {
    const result = await saveBundleToFolder(tmp.dir, {
      folderName: 'Bo',
      // 200 three-byte characters exceed the 255-byte name limit of ext4.
      files: [{ name: 'ễ'.repeat(200), data: bytes('a') }],
    });
    expectError(result, 'path-too-long');
    expect(await listTree(tmp.dir)).toEqual([]);
  });

  it('reports a full disk as disk-full and removes the half-written .partial', async () => {
    const realOpen = fs.open.bind(fs);
    const openSpy = vi.spyOn(fs, 'open').mockImplementation(async (file, flags) => {
      const handle = await realOpen(file, flags);
      vi.spyOn(handle, 'writeFile').mockImplementation(async () => {
        await handle.write(bytes('half a workbook'));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
          code: 'ENOSPC',
        });
      });
      return handle;
    });
    try {
      const result = await saveBundleToFolder(tmp.dir, validRequest());
      expectError(result, 'disk-full');
      expect(openSpy).toHaveBeenCalled();
    } finally {
      openSpy.mockRestore();
    }
    expect(await listTree(tmp.dir)).toEqual([]);
  });

  it('reports a folder it may not write into as write-refused', async () => {
    // Simulated: permissions mean nothing to root, which is who runs CI here.
    const denied = Object.assign(new Error('EACCES: permission denied, mkdir'), { code: 'EACCES' });
    const mkdirSpy = vi.spyOn(fs, 'mkdir').mockRejectedValue(denied);
    try {
      const result = await saveBundleToFolder(tmp.dir, validRequest());
      expectError(result, 'write-refused');
    } finally {
      mkdirSpy.mockRestore();
    }
    expect(await listTree(tmp.dir)).toEqual([]);
  });

  it('refuses names that would leave the folder even if validation were bypassed', async () => {
    for (const request of [
      { folderName: '..', files: [{ name: 'a.pdf', data: bytes('a') }] },
      { folderName: 'Bo', files: [{ name: '../a.pdf', data: bytes('a') }] },
      { folderName: 'Bo', files: [{ name: path.join(tmp.dir, 'abs.pdf'), data: bytes('a') }] },
    ]) {
      expectError(await saveBundleToFolder(path.join(tmp.dir, 'inner'), request), 'outside-folder');
    }
    expect(await listTree(tmp.dir)).toEqual([]);
  });
});

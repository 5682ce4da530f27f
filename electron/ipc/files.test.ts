import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BaseWindow, Dialog } from 'electron';
import type { BridgeResult, SaveBundleResult } from '../../shared/bridge';
import {
  createFolderPicker,
  describeWriteFailure,
  FOLDER_DIALOG_TITLE,
  handleSaveBundle,
  saveBundleToFolder,
} from './files';

vi.mock('electron', () => ({}));

let parent: string;

beforeEach(async () => {
  parent = await fs.mkdtemp(path.join(os.tmpdir(), 'sohoa-files-'));
});

afterEach(async () => {
  await fs.chmod(parent, 0o755).catch(() => undefined);
  await fs.rm(parent, { recursive: true, force: true });
});

const bytes = (text: string) => new TextEncoder().encode(text);

const validRequest = () => ({
  folderName: 'So khai sinh 2008 - Quyen 01',
  files: [
    { name: 'SoKhaiSinh.xlsx', data: bytes('excel') },
    { name: 'KS.2008.01.Trang.001.pdf', data: bytes('%PDF-1.7') },
  ],
});

/** Every file under a folder, relative, sorted: what the officer would see in Explorer. */
async function listTree(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

function expectError(
  result: BridgeResult<SaveBundleResult>,
  code: string,
): { code: string; message: string } {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('expected a failure');
  expect(result.error.code).toBe(code);
  expect(result.error.message.length).toBeGreaterThan(10);
  return result.error;
}

const pickParent = () => vi.fn(() => Promise.resolve(parent));

describe('handleSaveBundle: payload validation', () => {
  const tooMany = Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.pdf`, data: bytes('x') }));
  const cases: [string, unknown][] = [
    ['no payload', undefined],
    ['null', null],
    ['a string', 'files'],
    ['an array', [validRequest()]],
    ['missing folderName', { files: validRequest().files }],
    ['missing files', { folderName: 'Bo' }],
    ['folderName not a string', { ...validRequest(), folderName: 42 }],
    ['empty folderName', { ...validRequest(), folderName: '' }],
    ['folderName "."', { ...validRequest(), folderName: '.' }],
    ['folderName ".."', { ...validRequest(), folderName: '..' }],
    ['folderName with /', { ...validRequest(), folderName: 'a/b' }],
    ['folderName with \\', { ...validRequest(), folderName: 'a\\b' }],
    ['folderName with ..', { ...validRequest(), folderName: '..\\..\\Windows' }],
    ['absolute folderName', { ...validRequest(), folderName: '/etc' }],
    ['drive folderName', { ...validRequest(), folderName: 'C:' }],
    ['folderName too long', { ...validRequest(), folderName: 'a'.repeat(201) }],
    ['files not an array', { ...validRequest(), files: 'x.pdf' }],
    ['no files', { ...validRequest(), files: [] }],
    ['too many files', { ...validRequest(), files: tooMany }],
    ['file without name', { ...validRequest(), files: [{ data: bytes('x') }] }],
    ['file without data', { ...validRequest(), files: [{ name: 'a.pdf' }] }],
    ['data as a string', { ...validRequest(), files: [{ name: 'a.pdf', data: 'x' }] }],
    ['data as a number array', { ...validRequest(), files: [{ name: 'a.pdf', data: [1, 2] }] }],
    ['empty file name', { ...validRequest(), files: [{ name: '', data: bytes('x') }] }],
    ['file name with /', { ...validRequest(), files: [{ name: '../a.pdf', data: bytes('x') }] }],
    ['file name with \\', { ...validRequest(), files: [{ name: '..\\a.pdf', data: bytes('x') }] }],
    ['file name ..', { ...validRequest(), files: [{ name: '..', data: bytes('x') }] }],
    ['file name with ..', { ...validRequest(), files: [{ name: 'a..pdf', data: bytes('x') }] }],
    [
      'file name with NUL',
      { ...validRequest(), files: [{ name: 'a\u0000.pdf', data: bytes('x') }] },
    ],
    ['file name with :', { ...validRequest(), files: [{ name: 'C:a.pdf', data: bytes('x') }] }],
    ['folderName ending in a dot', { ...validRequest(), folderName: 'Quyen 1.' }],
    ['folderName ending in a space', { ...validRequest(), folderName: 'Quyen 1 ' }],
    ['reserved Windows name', { ...validRequest(), files: [{ name: 'CON', data: bytes('x') }] }],
    [
      'reserved Windows name with extension',
      { ...validRequest(), files: [{ name: 'nul.pdf', data: bytes('x') }] },
    ],
    [
      'duplicate file names',
      {
        ...validRequest(),
        files: [
          { name: 'a.pdf', data: bytes('1') },
          { name: 'A.PDF', data: bytes('2') },
        ],
      },
    ],
  ];

  it.each(cases)(
    'refuses %s with a Vietnamese message and writes nothing',
    async (_label, payload) => {
      const pickFolder = pickParent();
      const result = await handleSaveBundle(payload, pickFolder);
      const error = expectError(result, 'invalid-request');
      expect(error.message).toMatch(/không hợp lệ/);
      expect(error.message).toMatch(/Chưa có tệp nào được lưu|Không có tệp nào được ghi/);
      // Refused before the dialog opens, so the officer is not asked for a folder for nothing.
      expect(pickFolder).not.toHaveBeenCalled();
      expect(await listTree(parent)).toEqual([]);
    },
  );

  it('names the field that is wrong', async () => {
    const result = await handleSaveBundle({ ...validRequest(), folderName: 'a/b' }, pickParent());
    expect(expectError(result, 'invalid-request').message).toContain('tên thư mục');
    const tooManyResult = await handleSaveBundle(
      { ...validRequest(), files: tooMany },
      pickParent(),
    );
    expect(expectError(tooManyResult, 'invalid-request').message).toContain('tối đa 10 tệp');
  });
});

describe('handleSaveBundle: dialog', () => {
  it('answers cancelled when the officer closes the folder picker', async () => {
    const result = await handleSaveBundle(validRequest(), () => Promise.resolve(null));
    expect(expectError(result, 'cancelled').message).toMatch(/huỷ/);
    expect(await listTree(parent)).toEqual([]);
  });

  it('answers write-failed, not a crash, when the picker itself fails', async () => {
    const result = await handleSaveBundle(validRequest(), () => Promise.reject(new Error('boom')));
    expectError(result, 'write-failed');
  });

  it('writes into the picked folder', async () => {
    const result = await handleSaveBundle(validRequest(), pickParent());
    expect(result.ok).toBe(true);
    expect(await listTree(parent)).toEqual([
      'So khai sinh 2008 - Quyen 01',
      path.join('So khai sinh 2008 - Quyen 01', 'KS.2008.01.Trang.001.pdf'),
      path.join('So khai sinh 2008 - Quyen 01', 'SoKhaiSinh.xlsx'),
    ]);
  });
});

describe('createFolderPicker', () => {
  const fakeDialog = (answer: { canceled: boolean; filePaths: string[] }) => {
    const showOpenDialog = vi.fn(() => Promise.resolve(answer));
    return {
      dialog: { showOpenDialog } as unknown as Pick<Dialog, 'showOpenDialog'>,
      showOpenDialog,
    };
  };

  it('asks for a folder the officer may also create, with a Vietnamese title', async () => {
    const { dialog, showOpenDialog } = fakeDialog({ canceled: false, filePaths: [parent] });
    const window = {} as BaseWindow;
    expect(await createFolderPicker(dialog, () => window)()).toBe(parent);
    expect(showOpenDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({
        title: FOLDER_DIALOG_TITLE,
        properties: ['openDirectory', 'createDirectory'],
      }),
    );
    expect(FOLDER_DIALOG_TITLE).toBe('Chọn thư mục lưu bộ dữ liệu');
  });

  it('returns null when cancelled or when nothing was chosen', async () => {
    expect(
      await createFolderPicker(fakeDialog({ canceled: true, filePaths: [] }).dialog, () => null)(),
    ).toBeNull();
    expect(
      await createFolderPicker(fakeDialog({ canceled: false, filePaths: [] }).dialog, () => null)(),
    ).toBeNull();
  });
});

describe('saveBundleToFolder', () => {
  it('writes every file into <folder>/<folderName>, leaving no .partial behind', async () => {
    const result = await saveBundleToFolder(parent, validRequest());
    const target = path.join(parent, 'So khai sinh 2008 - Quyen 01');
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
    const tree = await listTree(parent);
    expect(tree.some((entry) => entry.endsWith('.partial'))).toBe(false);
    expect(tree).toHaveLength(3);
  });

  it('keeps Vietnamese names as given', async () => {
    const result = await saveBundleToFolder(parent, {
      folderName: 'Sổ khai sinh',
      files: [{ name: 'Nguyễn Văn Á.pdf', data: bytes('x') }],
    });
    expect(result.ok).toBe(true);
    expect(await fs.readFile(path.join(parent, 'Sổ khai sinh', 'Nguyễn Văn Á.pdf'), 'utf8')).toBe(
      'x',
    );
  });

  it('adds to an existing folder when none of the files is there yet', async () => {
    const target = path.join(parent, 'Bo');
    await fs.mkdir(target);
    await fs.writeFile(path.join(target, 'ghi-chu.txt'), 'keep');
    const result = await saveBundleToFolder(parent, {
      folderName: 'Bo',
      files: [{ name: 'a.pdf', data: bytes('a') }],
    });
    expect(result.ok).toBe(true);
    expect(await listTree(target)).toEqual(['a.pdf', 'ghi-chu.txt']);
  });

  it('refuses to overwrite an existing file, says which, and writes nothing', async () => {
    const target = path.join(parent, 'Bo');
    await fs.mkdir(target);
    await fs.writeFile(path.join(target, 'b.pdf'), 'old');
    const result = await saveBundleToFolder(parent, {
      folderName: 'Bo',
      files: [
        { name: 'a.pdf', data: bytes('new a') },
        { name: 'b.pdf', data: bytes('new b') },
      ],
    });
    expect(expectError(result, 'exists').message).toContain('“b.pdf”');
    expect(await fs.readFile(path.join(target, 'b.pdf'), 'utf8')).toBe('old');
    expect(await listTree(target)).toEqual(['b.pdf']);
  });

  it('reports a file standing where the folder should be as write-failed', async () => {
    await fs.writeFile(path.join(parent, 'Bo'), 'not a folder');
    const result = await saveBundleToFolder(parent, {
      folderName: 'Bo',
      files: [{ name: 'a.pdf', data: bytes('a') }],
    });
    expect(expectError(result, 'write-failed').message).toContain('“Bo”');
    expect(await fs.readFile(path.join(parent, 'Bo'), 'utf8')).toBe('not a folder');
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
      await fs.symlink(elsewhere, path.join(parent, 'Bo'), 'dir');
      const result = await saveBundleToFolder(parent, {
        folderName: 'Bo',
        files: [{ name: 'a.pdf', data: bytes('a') }],
      });
      expect(expectError(result, 'write-failed').message).toMatch(/“Bo”.*lối tắt/u);
      expect(await fs.readdir(elsewhere)).toEqual([]);
    });

    it('is not written through when it stands where a temp file goes', async () => {
      const victim = path.join(elsewhere, 'important.txt');
      await fs.writeFile(victim, 'keep me');
      await fs.mkdir(path.join(parent, 'Bo'));
      await fs.symlink(victim, path.join(parent, 'Bo', 'a.pdf.partial'));
      const result = await saveBundleToFolder(parent, {
        folderName: 'Bo',
        files: [{ name: 'a.pdf', data: bytes('a') }],
      });
      expect(expectError(result, 'write-failed').message).toMatch(/“a\.pdf”.*lối tắt/u);
      expect(await fs.readFile(victim, 'utf8')).toBe('keep me');
    });
  });

  it('gives no file its real name until every file of the bundle is fully on disk', async () => {
    const target = path.join(parent, 'So khai sinh 2008 - Quyen 01');
    const realRename = fs.rename.bind(fs);
    const seenAtFirstRename: string[][] = [];
    const renameSpy = vi.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
      if (seenAtFirstRename.length === 0) seenAtFirstRename.push(await listTree(target));
      await realRename(from, to);
    });
    try {
      expect((await saveBundleToFolder(parent, validRequest())).ok).toBe(true);
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
      const result = await saveBundleToFolder(parent, validRequest());
      expect(expectError(result, 'write-failed').message).toContain('KS.2008.01.Trang.001.pdf');
    } finally {
      openSpy.mockRestore();
    }
    expect(await listTree(parent)).toEqual([]);
  });

  it('reports a vanished folder (USB pulled out) as write-failed', async () => {
    const gone = path.join(parent, 'usb-removed');
    const result = await saveBundleToFolder(gone, validRequest());
    expect(expectError(result, 'write-failed').message).toMatch(/USB/);
  });

  it('rolls back a half-written bundle and its .partial when a later file fails', async () => {
    const target = path.join(parent, 'Bo');
    await fs.mkdir(target);
    // A directory squatting on the temporary name makes the second write fail mid-bundle.
    await fs.mkdir(path.join(target, 'b.pdf.partial'));
    const result = await saveBundleToFolder(parent, {
      folderName: 'Bo',
      files: [
        { name: 'a.pdf', data: bytes('a') },
        { name: 'b.pdf', data: bytes('b') },
      ],
    });
    expect(expectError(result, 'write-failed').message).toContain('“b.pdf”');
    expect(await listTree(target)).toEqual(['b.pdf.partial']);
  });

  it('removes the folder it created when the bundle fails', async () => {
    const result = await saveBundleToFolder(parent, {
      folderName: 'Bo',
      // 200 three-byte characters exceed the 255-byte name limit of ext4.
      files: [{ name: 'ễ'.repeat(200), data: bytes('a') }],
    });
    expect(expectError(result, 'write-failed').message).toMatch(/quá dài/);
    expect(await listTree(parent)).toEqual([]);
  });

  it('reports a full disk as write-failed and removes the half-written .partial', async () => {
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
      const result = await saveBundleToFolder(parent, validRequest());
      expect(expectError(result, 'write-failed').message).toMatch(/Ổ đĩa đã đầy/);
      expect(openSpy).toHaveBeenCalled();
    } finally {
      openSpy.mockRestore();
    }
    expect(await listTree(parent)).toEqual([]);
  });

  it('reports a folder it may not write into as write-failed', async () => {
    // Simulated: permissions mean nothing to root, which is who runs CI here.
    const denied = Object.assign(new Error('EACCES: permission denied, mkdir'), { code: 'EACCES' });
    const mkdirSpy = vi.spyOn(fs, 'mkdir').mockRejectedValue(denied);
    try {
      const result = await saveBundleToFolder(parent, validRequest());
      expect(expectError(result, 'write-failed').message).toMatch(/không cho phép ghi/);
    } finally {
      mkdirSpy.mockRestore();
    }
    expect(await listTree(parent)).toEqual([]);
  });

  it('refuses names that would leave the folder even if validation were bypassed', async () => {
    for (const request of [
      { folderName: '..', files: [{ name: 'a.pdf', data: bytes('a') }] },
      { folderName: 'Bo', files: [{ name: '../a.pdf', data: bytes('a') }] },
      { folderName: 'Bo', files: [{ name: path.join(parent, 'abs.pdf'), data: bytes('a') }] },
    ]) {
      expectError(await saveBundleToFolder(path.join(parent, 'inner'), request), 'invalid-request');
    }
    expect(await listTree(parent)).toEqual([]);
  });
});

describe('describeWriteFailure', () => {
  it.each([
    ['ENOSPC', /đầy/],
    ['EACCES', /không cho phép ghi/],
    ['EPERM', /không cho phép ghi/],
    ['EROFS', /không cho phép ghi/],
    ['ENOENT', /USB/],
    ['ENAMETOOLONG', /quá dài/],
    ['EBUSY', /chương trình khác/],
    ['EIO', /mã lỗi EIO/],
  ])('explains %s and what to do', (code, pattern) => {
    const message = describeWriteFailure(code, 'SoKhaiSinh.xlsx');
    expect(message).toMatch(pattern);
    expect(message).toContain('SoKhaiSinh.xlsx');
    expect(message).toMatch(/Hãy /);
  });
});

import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { BaseWindow, Dialog } from 'electron';
import { writeFailure } from '../../shared/bridge-errors';
import { mainText } from '../main-text';
import { createFolderPicker, handleSaveBundle } from './files';
import { bytes, expectError, listTree, useTempFolder, validRequest } from './files-fixture';

vi.mock('electron', () => ({}));

const tmp = useTempFolder('sohoa-files-');

const pickParent = () => vi.fn(() => Promise.resolve(tmp.dir));

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

  it.each(cases)('refuses %s and writes nothing', async (_label, payload) => {
    const pickFolder = pickParent();
    const result = await handleSaveBundle(payload, pickFolder);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(['invalid-request', 'windows-name', 'duplicate-name']).toContain(result.error.code);
    // Refused before the dialog opens, so the officer is not asked for a folder for nothing.
    expect(pickFolder).not.toHaveBeenCalled();
    expect(await listTree(tmp.dir)).toEqual([]);
  });

  it('names the field that is wrong', async () => {
    const result = await handleSaveBundle({ ...validRequest(), folderName: 'a/b' }, pickParent());
    expect(expectError(result, 'invalid-request').params).toMatchObject({
      detail: expect.stringContaining('folderName') as unknown,
    });
    const tooManyResult = await handleSaveBundle(
      { ...validRequest(), files: tooMany },
      pickParent(),
    );
    expect(expectError(tooManyResult, 'invalid-request').params).toMatchObject({
      detail: expect.stringMatching(/^files: .*10/) as unknown,
    });
  });
});

describe('handleSaveBundle: dialog', () => {
  it('answers cancelled when the officer closes the folder picker', async () => {
    const result = await handleSaveBundle(validRequest(), () => Promise.resolve(null));
    expectError(result, 'cancelled');
    expect(await listTree(tmp.dir)).toEqual([]);
  });

  it('answers picker-failed, not a crash, when the picker itself fails', async () => {
    const result = await handleSaveBundle(validRequest(), () => Promise.reject(new Error('boom')));
    expectError(result, 'picker-failed');
  });

  it('writes into the picked folder', async () => {
    const result = await handleSaveBundle(validRequest(), pickParent());
    expect(result.ok).toBe(true);
    expect(await listTree(tmp.dir)).toEqual([
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

  it('asks for a folder the officer may also create, titled in the language given', async () => {
    const { dialog, showOpenDialog } = fakeDialog({ canceled: false, filePaths: [tmp.dir] });
    const window = {} as BaseWindow;
    expect(await createFolderPicker(dialog, () => window)()).toBe(tmp.dir);
    expect(showOpenDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({
        title: 'Chọn thư mục lưu bộ dữ liệu',
        properties: ['openDirectory', 'createDirectory'],
      }),
    );
    await createFolderPicker(dialog, () => null, mainText('en'))();
    expect(showOpenDialog).toHaveBeenLastCalledWith(
      expect.objectContaining({ title: 'Choose the folder for the data set' }),
    );
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

describe('writeFailure', () => {
  it.each([
    ['ENOSPC', 'disk-full'],
    ['EACCES', 'write-refused'],
    ['EPERM', 'write-refused'],
    ['EROFS', 'write-refused'],
    ['ENOENT', 'folder-gone'],
    ['ENAMETOOLONG', 'path-too-long'],
    ['ELOOP', 'link'],
    ['EBUSY', 'file-busy'],
  ])('tells %s apart as %s, naming the file', (errno, code) => {
    expect(writeFailure(errno, 'SoKhaiSinh.xlsx')).toEqual({
      code,
      params: { name: 'SoKhaiSinh.xlsx' },
    });
  });

  it('passes any other system code on with the file', () => {
    expect(writeFailure('EIO', 'SoKhaiSinh.xlsx')).toEqual({
      code: 'write-failed',
      params: { name: 'SoKhaiSinh.xlsx', errno: 'EIO' },
    });
  });
});

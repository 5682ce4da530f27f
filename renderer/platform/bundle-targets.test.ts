import { describe, expect, it } from 'vitest';
import { createDownloadTarget, createFolderTarget } from './bundle-targets';

/** An in-memory stand-in for the folder the officer picks through showDirectoryPicker. */
class FakeFolder {
  readonly folders = new Map<string, FakeFolder>();
  readonly files = new Map<string, Uint8Array>();
  constructor(readonly name: string) {}

  private notFound(): DOMException {
    return new DOMException('not found', 'NotFoundError');
  }

  getDirectoryHandle(name: string, options?: { create?: boolean }) {
    let folder = this.folders.get(name);
    if (!folder && options?.create) {
      folder = new FakeFolder(name);
      this.folders.set(name, folder);
    }
    return folder ? Promise.resolve(folder) : Promise.reject(this.notFound());
  }

  getFileHandle(name: string, options?: { create?: boolean }) {
    if (!this.files.has(name)) {
      if (!options?.create) return Promise.reject(this.notFound());
      this.files.set(name, new Uint8Array());
    }
    let current = name;
    return Promise.resolve({
      name,
      getFile: () =>
        Promise.resolve(new Blob([(this.files.get(current) ?? new Uint8Array()).slice()])),
      move: (newName: string) => {
        const bytes = this.files.get(current);
        if (!bytes) return Promise.reject(this.notFound());
        this.files.delete(current);
        this.files.set(newName, bytes);
        current = newName;
        return Promise.resolve();
      },
      createWritable: () => {
        // Like Chromium: writes go to a swap file, seen under the name only on close.
        let swap = new Uint8Array();
        return Promise.resolve({
          write(data: Uint8Array) {
            const next = new Uint8Array(swap.length + data.length);
            next.set(swap);
            next.set(data, swap.length);
            swap = next;
            return Promise.resolve();
          },
          close: () => {
            this.files.set(current, swap);
            return Promise.resolve();
          },
          abort: () => Promise.resolve(),
        });
      },
    });
  }

  removeEntry(name: string) {
    const folder = this.folders.get(name);
    if (folder && (folder.files.size > 0 || folder.folders.size > 0)) {
      return Promise.reject(new DOMException('not empty', 'InvalidModificationError'));
    }
    const existed = this.files.delete(name) || this.folders.delete(name);
    return existed ? Promise.resolve() : Promise.reject(this.notFound());
  }

  tree(prefix = ''): string[] {
    return [
      ...[...this.files.keys()].map((name) => `${prefix}${name}`),
      ...[...this.folders].flatMap(([name, folder]) => folder.tree(`${prefix}${name}/`)),
    ].sort();
  }
}

const asHandle = (folder: FakeFolder) => folder as unknown as FileSystemDirectoryHandle;
const request = { folderName: 'KS.2008.01', fileNames: ['KS.2008.01.xlsx', 'KS.2008.01.zip'] };
const bytes = (text: string) => new TextEncoder().encode(text);

describe('createFolderTarget', () => {
  it('writes under temp names, reads back, and names the files only on commit', async () => {
    const picked = new FakeFolder('Tài liệu');
    const opened = await createFolderTarget(asHandle(picked), request);
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    const target = opened.value;
    await target.write('KS.2008.01.zip', bytes('PK'));
    await target.write('KS.2008.01.zip', bytes('-rest'));
    await target.write('KS.2008.01.xlsx', bytes('excel'));
    await target.finish();
    expect(picked.tree()).toEqual([
      'KS.2008.01/KS.2008.01.xlsx.partial',
      'KS.2008.01/KS.2008.01.zip.partial',
    ]);
    expect(new TextDecoder().decode(await target.read('KS.2008.01.zip', 1, 4))).toBe('K-re');

    const saved = await target.commit();
    expect(saved).toEqual({
      ok: true,
      value: {
        folder: 'Tài liệu/KS.2008.01',
        files: [
          { name: 'KS.2008.01.xlsx', bytes: 5 },
          { name: 'KS.2008.01.zip', bytes: 7 },
        ],
      },
    });
    expect(picked.tree()).toEqual(['KS.2008.01/KS.2008.01.xlsx', 'KS.2008.01/KS.2008.01.zip']);
  });

  it('cancel removes the temp files and the folder it made', async () => {
    const picked = new FakeFolder('Tài liệu');
    const opened = await createFolderTarget(asHandle(picked), request);
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    await opened.value.write('KS.2008.01.zip', bytes('half'));
    await opened.value.abort();
    expect(picked.tree()).toEqual([]);
    expect(picked.folders.size).toBe(0);
  });

  it('writes beside an earlier bundle of the book in a new folder, leaving the earlier one', async () => {
    const picked = new FakeFolder('Tài liệu');
    const existing = await picked.getDirectoryHandle('KS.2008.01', { create: true });
    existing.files.set('KS.2008.01.zip', bytes('last month'));
    const opened = await createFolderTarget(asHandle(picked), request);
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    await opened.value.write('KS.2008.01.zip', bytes('PK'));
    await opened.value.write('KS.2008.01.xlsx', bytes('excel'));
    await opened.value.finish();
    const saved = await opened.value.commit();
    expect(saved).toMatchObject({ ok: true, value: { folder: 'Tài liệu/KS.2008.01 (2)' } });
    expect(picked.tree()).toEqual([
      'KS.2008.01 (2)/KS.2008.01.xlsx',
      'KS.2008.01 (2)/KS.2008.01.zip',
      'KS.2008.01/KS.2008.01.zip',
    ]);
    expect(new TextDecoder().decode(existing.files.get('KS.2008.01.zip'))).toBe('last month');
  });
});

describe('createDownloadTarget', () => {
  it('gathers the pieces and reads them back before anything is downloaded', async () => {
    const target = createDownloadTarget(request);
    await target.write('KS.2008.01.zip', bytes('PK'));
    await target.write('KS.2008.01.zip', bytes('-rest'));
    await target.finish();
    expect(new TextDecoder().decode(await target.read('KS.2008.01.zip', 0, 100))).toBe('PK-rest');
    await expect(target.write('other.zip', bytes('x'))).rejects.toThrow();
    await target.abort();
    await expect(target.read('KS.2008.01.zip', 0, 1)).rejects.toThrow();
  });
});

// Where a streamed export goes in a plain browser. With the File System Access API the bundle
// is written into a folder the officer picks, under temp names renamed at the end; without
// it, the pieces gather in Blobs (which Chromium may keep on disk) and download at the end.
// Either way nothing carries a final name until the bundle was written and checked.
import type { BridgeResult, SaveBundleResult } from '../../shared/bridge';
import { fail } from '../../shared/bridge-errors';
import { BUNDLE_FOLDER_TRIES, bundleFolderName } from '../../shared/bundle/names';

/** One export's destination, written in order, read back, then committed or aborted. */
export interface BundleTarget {
  write(fileName: string, chunk: Uint8Array): Promise<void>;
  /** Writing is over: what was written is flushed, so read() sees all of it. */
  finish(): Promise<void>;
  read(fileName: string, offset: number, length: number): Promise<Uint8Array>;
  /** Gives the files their final names (or starts the downloads). */
  commit(): Promise<BridgeResult<SaveBundleResult>>;
  /** Cancel: whatever was written is deleted. Safe to call more than once. */
  abort(): Promise<void>;
}

export interface BundleTargetRequest {
  folderName: string;
  fileNames: string[];
}

export const PARTIAL_SUFFIX = '.partial';

/** The view itself when it owns a plain ArrayBuffer, else a copy that does. */
export function ownBuffer(chunk: Uint8Array): Uint8Array<ArrayBuffer> {
  return chunk.buffer instanceof ArrayBuffer ? (chunk as Uint8Array<ArrayBuffer>) : chunk.slice();
}

/** Starts one browser download per file; the browser decides the folder (usually "Tải về"). */
export async function downloadFiles(files: readonly { name: string; blob: Blob }[]): Promise<void> {
  for (const { name, blob } of files) {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
    // Revoking at once can cancel the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    // Chromium drops a second download started in the same task.
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** Downloads: the only choice where the browser cannot write into a folder. */
export function createDownloadTarget(request: BundleTargetRequest): BundleTarget {
  const parts = new Map<string, Blob[]>(request.fileNames.map((name) => [name, []]));
  const files = new Map<string, Blob>();
  return {
    write(fileName, chunk) {
      const list = parts.get(fileName);
      if (!list) return Promise.reject(new Error(`not in this bundle: ${fileName}`));
      list.push(new Blob([ownBuffer(chunk)]));
      return Promise.resolve();
    },
    finish() {
      for (const [name, list] of parts) files.set(name, new Blob(list));
      parts.clear();
      return Promise.resolve();
    },
    async read(fileName, offset, length) {
      const blob = files.get(fileName);
      if (!blob) throw new Error(`not written: ${fileName}`);
      return new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
    },
    async commit() {
      await downloadFiles([...files].map(([name, blob]) => ({ name, blob })));
      const written = [...files].map(([name, blob]) => ({ name, bytes: blob.size }));
      files.clear();
      return { ok: true, value: { folder: '', files: written } };
    },
    abort() {
      parts.clear();
      files.clear();
      return Promise.resolve();
    },
  };
}

/** What Chromium offers beyond the typed DOM: rename in place. */
interface MovableFileHandle extends FileSystemFileHandle {
  move?: (newName: string) => Promise<void>;
}

function isNotFound(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'NotFoundError';
}

async function hasEntry(folder: FileSystemDirectoryHandle, name: string): Promise<boolean> {
  try {
    await folder.getFileHandle(name);
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    // A folder of that name, or no permission: the name is not free either way.
    return true;
  }
}

interface OpenFile {
  handle: MovableFileHandle;
  writable: FileSystemWritableFileStream | null;
  /** What was written, once writing is over. */
  written?: File;
}

/**
 * The bundle's folder in the picked one: the stem, or the first "<stem> (n)" that holds none of
 * the bundle's names (an earlier bundle of the book stays as it was); null when none is free.
 */
async function freeFolder(
  picked: FileSystemDirectoryHandle,
  request: BundleTargetRequest,
): Promise<{ folder: FileSystemDirectoryHandle; folderName: string; isNewFolder: boolean } | null> {
  for (let attempt = 1; attempt <= BUNDLE_FOLDER_TRIES; attempt += 1) {
    const folderName = bundleFolderName(request.folderName, attempt);
    let isNewFolder = false;
    try {
      await picked.getDirectoryHandle(folderName);
    } catch (error) {
      // A file holds the name: try the next one.
      if (error instanceof DOMException && error.name === 'TypeMismatchError') continue;
      if (!isNotFound(error)) throw error;
      isNewFolder = true;
    }
    const folder = await picked.getDirectoryHandle(folderName, { create: true });
    let taken = false;
    for (const name of request.fileNames) {
      if (await hasEntry(folder, name)) taken = true;
    }
    if (!taken) return { folder, folderName, isNewFolder };
  }
  return null;
}

/** Writes into `<picked>/<folderName>/` (or the next free one) under temp names, renamed on commit. */
export async function createFolderTarget(
  picked: FileSystemDirectoryHandle,
  request: BundleTargetRequest,
): Promise<BridgeResult<BundleTarget>> {
  const found = await freeFolder(picked, request);
  if (!found) {
    return fail('exists', { folder: request.folderName, name: request.fileNames[0] ?? '' });
  }
  const { folder, folderName, isNewFolder } = found;
  const removeFolderIfNew = async () => {
    if (isNewFolder) await picked.removeEntry(folderName).catch(() => undefined);
  };
  const files = new Map<string, OpenFile>();
  for (const name of request.fileNames) {
    const handle: MovableFileHandle = await folder.getFileHandle(`${name}${PARTIAL_SUFFIX}`, {
      create: true,
    });
    files.set(name, { handle, writable: await handle.createWritable() });
  }
  const fileOf = (name: string): OpenFile => {
    const file = files.get(name);
    if (!file) throw new Error(`not in this bundle: ${name}`);
    return file;
  };
  let isOver = false;

  const target: BundleTarget = {
    async write(fileName, chunk) {
      const { writable } = fileOf(fileName);
      if (!writable) throw new Error(`already finished: ${fileName}`);
      await writable.write(ownBuffer(chunk));
    },
    async finish() {
      for (const file of files.values()) {
        await file.writable?.close();
        file.writable = null;
      }
    },
    async read(fileName, offset, length) {
      // Written and closed: the snapshot stays true until the files are renamed or deleted.
      const file = fileOf(fileName);
      file.written ??= await file.handle.getFile();
      return new Uint8Array(await file.written.slice(offset, offset + length).arrayBuffer());
    },
    async commit() {
      const written: { name: string; bytes: number }[] = [];
      for (const [name, file] of files) {
        if (await hasEntry(folder, name)) {
          await target.abort();
          return fail('exists-while-writing', { name });
        }
        const blob = await file.handle.getFile();
        if (typeof file.handle.move === 'function') {
          await file.handle.move(name);
        } else {
          const final = await folder.getFileHandle(name, { create: true });
          const out = await final.createWritable();
          await blob.stream().pipeTo(out);
          await folder.removeEntry(`${name}${PARTIAL_SUFFIX}`);
        }
        written.push({ name, bytes: blob.size });
      }
      isOver = true;
      return {
        ok: true,
        value: { folder: `${picked.name}/${folderName}`, files: written },
      };
    },
    async abort() {
      if (isOver) return;
      isOver = true;
      for (const [name, file] of files) {
        await file.writable?.abort().catch(() => undefined);
        file.writable = null;
        await folder.removeEntry(`${name}${PARTIAL_SUFFIX}`).catch(() => undefined);
      }
      await removeFolderIfNew();
    },
  };
  return { ok: true, value: target };
}

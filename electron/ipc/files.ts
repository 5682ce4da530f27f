// Saving an export bundle: a bundle is written whole or not at all, never over an existing
// file, and only inside the sub-folder the request names within the folder the officer picked.
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { BaseWindow, Dialog, OpenDialogOptions } from 'electron';
import { saveBundleRequestSchema } from '../../shared/bridge';
import type { BridgeResult, SaveBundleRequest, SaveBundleResult } from '../../shared/bridge';
import { mainText, type MainText } from '../main-text';
import { isPathInside } from '../security';
import { fail, invalidRequest, ok, refuse, writeFailure } from './result';

/** Resolves to the chosen folder, or null when the officer cancels. */
export type PickFolder = () => Promise<string | null>;

export function createFolderPicker(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  getWindow: () => BaseWindow | null,
  text: MainText = mainText(),
): PickFolder {
  return async () => {
    const options: OpenDialogOptions = {
      title: text.exportPickerTitle,
      buttonLabel: text.exportPickerButton,
      properties: ['openDirectory', 'createDirectory'],
    };
    const window = getWindow();
    const result = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options);
    const folder = result.filePaths[0];
    return result.canceled || folder === undefined ? null : folder;
  };
}

export function errnoCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error;
    if (typeof code === 'string') return code;
  }
  return 'UNKNOWN';
}

export async function pathExists(target: string): Promise<boolean> {
  try {
    await fs.lstat(target);
    return true;
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return false;
    throw error;
  }
}

export async function removeQuietly(filePath: string): Promise<void> {
  try {
    await fs.unlink(filePath);
  } catch {
    // Already gone, or never created: either way there is nothing left to clean.
  }
}

/** What a link found in the chosen folder is refused with (the code O_NOFOLLOW gives). */
function linkRefused(name: string): Error {
  return Object.assign(new Error(`${name} is a link`), { code: 'ELOOP' });
}

/**
 * The bundle's folder inside the picked one: made here, or one already there. A link standing
 * there is refused: it could send the files anywhere, past the officer's choice. Resolves
 * whether this call made the folder; throws with an errno code.
 */
export async function makeBundleFolder(folder: string): Promise<{ created: boolean }> {
  try {
    await fs.mkdir(folder);
    return { created: true };
  } catch (error) {
    if (errnoCode(error) !== 'EEXIST') throw error;
    const found = await fs.lstat(folder);
    if (found.isSymbolicLink()) throw linkRefused(path.basename(folder));
    if (!found.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    return { created: false };
  }
}

/**
 * Opens a temp file, created afresh: one left by a power cut is ours and is replaced, but a
 * link put in its place is refused, never written through (it could point at any file).
 */
export async function openTempFile(partialPath: string, mode: 'w' | 'w+'): Promise<FileHandle> {
  const found = await fs.lstat(partialPath).catch((error: unknown) => {
    if (errnoCode(error) === 'ENOENT') return null;
    throw error;
  });
  if (found?.isSymbolicLink()) {
    throw linkRefused(path.basename(partialPath).replace(/\.partial$/u, ''));
  }
  if (found && !found.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
  if (found) await fs.unlink(partialPath);
  // 'x' creates the file or fails: nothing standing at the path now is ever followed.
  return fs.open(partialPath, mode === 'w' ? 'wx' : 'wx+');
}

async function writeDurably(filePath: string, data: Uint8Array): Promise<void> {
  const handle = await openTempFile(filePath, 'w');
  try {
    await handle.writeFile(data);
    // A power cut right after "đã lưu" must not leave an empty file behind the rename.
    await handle.sync();
  } finally {
    await handle.close();
  }
}

interface PlannedFile {
  name: string;
  data: Uint8Array;
  finalPath: string;
}

/** Windows and most USB sticks compare names without case. */
export function findDuplicateName(files: readonly { name: string }[]): string | null {
  const seen = new Set<string>();
  for (const { name } of files) {
    const key = name.normalize('NFC').toLowerCase();
    if (seen.has(key)) return name;
    seen.add(key);
  }
  return null;
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

/**
 * Names Windows silently alters or refuses ("Quyển 1." becomes "Quyển 1", "CON" is a
 * device). Refused everywhere, since bundles end up on Windows machines anyway.
 */
export function findWindowsUnsafeName(names: readonly string[]): string | null {
  return names.find((name) => /[. ]$/.test(name) || WINDOWS_RESERVED.test(name)) ?? null;
}

export function isDirectChild(folder: string, candidate: string): boolean {
  return isPathInside(folder, candidate) && path.dirname(candidate) === folder;
}

/** Writes a validated request into `<parentFolder>/<folderName>/`. */
export async function saveBundleToFolder(
  parentFolder: string,
  request: SaveBundleRequest,
): Promise<BridgeResult<SaveBundleResult>> {
  const parent = path.resolve(parentFolder);
  const target = path.resolve(parent, request.folderName);
  const planned: PlannedFile[] = request.files.map((file) => ({
    name: file.name,
    data: file.data,
    finalPath: path.resolve(target, file.name),
  }));
  // The schema already refuses separators and "..": this is the second lock on the same door.
  if (
    !isDirectChild(parent, target) ||
    planned.some(({ finalPath }) => !isDirectChild(target, finalPath))
  ) {
    return fail('outside-folder');
  }

  let createdFolder = false;
  try {
    createdFolder = (await makeBundleFolder(target)).created;
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'ENOTDIR') {
      return fail('folder-is-file', { name: request.folderName });
    }
    return refuse(writeFailure(code, request.folderName));
  }

  const written: string[] = [];
  const partials: string[] = [];
  const rollBack = async (): Promise<void> => {
    for (const filePath of [...partials, ...written]) await removeQuietly(filePath);
    if (createdFolder) await fs.rmdir(target).catch(() => undefined);
  };
  const refuseExisting = (name: string): BridgeResult<SaveBundleResult> =>
    fail('exists', { folder: request.folderName, name });

  let current = request.folderName;
  try {
    // Checked before anything is written, so a refusal leaves the folder as it was.
    for (const file of planned) {
      current = file.name;
      if (await pathExists(file.finalPath)) {
        await rollBack();
        return refuseExisting(file.name);
      }
    }
    // Every file is on disk under a temporary name before any gets its real one: a crash or
    // power cut while writing leaves only .partial files, never a workbook without its zip.
    for (const file of planned) {
      current = file.name;
      const partialPath = `${file.finalPath}.partial`;
      partials.push(partialPath);
      await writeDurably(partialPath, file.data);
    }
    for (const file of planned) {
      current = file.name;
      // rename() replaces silently on every platform; the window since the check is small.
      if (await pathExists(file.finalPath)) {
        await rollBack();
        return refuseExisting(file.name);
      }
      const partialPath = `${file.finalPath}.partial`;
      await fs.rename(partialPath, file.finalPath);
      partials.splice(partials.indexOf(partialPath), 1);
      written.push(file.finalPath);
    }
  } catch (error) {
    await rollBack();
    return refuse(writeFailure(errnoCode(error), current));
  }

  return ok({
    folder: target,
    files: planned.map((file) => ({ name: file.name, bytes: file.data.byteLength })),
  });
}

/** The whole use case: validate, ask for a folder, write. Never throws. */
export async function handleSaveBundle(
  payload: unknown,
  pickFolder: PickFolder,
): Promise<BridgeResult<SaveBundleResult>> {
  const parsed = saveBundleRequestSchema.safeParse(payload);
  if (!parsed.success) return invalidRequest(parsed.error);
  const duplicate = findDuplicateName(parsed.data.files);
  if (duplicate !== null) {
    return fail('duplicate-name', { name: duplicate });
  }

  const unsafe = findWindowsUnsafeName([
    parsed.data.folderName,
    ...parsed.data.files.map((file) => file.name),
  ]);
  if (unsafe !== null) {
    return fail('windows-name', { name: unsafe });
  }

  let folder: string | null;
  try {
    folder = await pickFolder();
  } catch {
    return fail('picker-failed');
  }
  if (folder === null) {
    return fail('cancelled');
  }
  return saveBundleToFolder(folder, parsed.data);
}

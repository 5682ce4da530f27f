// Saving an export bundle: a bundle is written whole or not at all, never over an existing
// file, and only inside the sub-folder the request names within the folder the officer picked.
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { BaseWindow, Dialog, OpenDialogOptions } from 'electron';
import { saveBundleRequestSchema } from '../../shared/bridge';
import type { BridgeResult, SaveBundleRequest, SaveBundleResult } from '../../shared/bridge';
import { isPathInside } from '../security';
import { describeInvalidRequest, fail, ok } from './result';

/** Resolves to the chosen folder, or null when the officer cancels. */
export type PickFolder = () => Promise<string | null>;

export const FOLDER_DIALOG_TITLE = 'Chọn thư mục lưu bộ dữ liệu';

export function createFolderPicker(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  getWindow: () => BaseWindow | null,
): PickFolder {
  return async () => {
    const options: OpenDialogOptions = {
      title: FOLDER_DIALOG_TITLE,
      buttonLabel: 'Lưu vào thư mục này',
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

export const NOTHING_SAVED = 'Chưa có tệp nào được lưu.';

/** What happened and what to do, for the errno codes an office PC or USB stick produces. */
export function describeWriteFailure(code: string, fileName: string): string {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `Ổ đĩa đã đầy nên không ghi được tệp “${fileName}”. ${NOTHING_SAVED} Hãy xoá bớt tệp không cần hoặc chọn ổ đĩa khác rồi lưu lại.`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `Máy không cho phép ghi vào thư mục đã chọn (tệp “${fileName}”). ${NOTHING_SAVED} Hãy chọn thư mục khác, ví dụ trong “Tài liệu”, hoặc kiểm tra USB có bị khoá ghi không rồi lưu lại.`;
    case 'ENOENT':
    case 'ENODEV':
    case 'ENXIO':
      return `Không tìm thấy thư mục đã chọn khi ghi tệp “${fileName}” (có thể USB vừa bị rút ra). ${NOTHING_SAVED} Hãy kiểm tra ổ đĩa hoặc chọn thư mục khác rồi lưu lại.`;
    case 'ENAMETOOLONG':
      return `Đường dẫn tới tệp “${fileName}” quá dài. ${NOTHING_SAVED} Hãy chọn thư mục gần gốc ổ đĩa hơn (ví dụ D:\\SoHoa) rồi lưu lại.`;
    case 'ELOOP':
      return `Trong thư mục đã chọn, “${fileName}” là một lối tắt (liên kết) trỏ tới nơi khác. Phần mềm không ghi qua lối tắt. ${NOTHING_SAVED} Hãy chọn thư mục khác, hoặc xoá lối tắt đó rồi lưu lại.`;
    case 'EBUSY':
      return `Tệp “${fileName}” đang được chương trình khác sử dụng. ${NOTHING_SAVED} Hãy đóng chương trình đó (ví dụ Excel) rồi lưu lại.`;
    default:
      return `Không ghi được tệp “${fileName}” (mã lỗi ${code}). ${NOTHING_SAVED} Hãy thử lại; nếu vẫn lỗi, hãy chọn thư mục khác hoặc báo cán bộ phụ trách phần mềm.`;
  }
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
    return fail(
      'invalid-request',
      'Tên thư mục hoặc tên tệp không hợp lệ. Chưa có tệp nào được lưu.',
    );
  }

  let createdFolder = false;
  try {
    createdFolder = (await makeBundleFolder(target)).created;
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'ENOTDIR') {
      return fail(
        'write-failed',
        `Đã có một tệp tên “${request.folderName}” ở chỗ cần tạo thư mục. ${NOTHING_SAVED} Hãy chọn thư mục khác hoặc đổi tên tệp đó rồi lưu lại.`,
      );
    }
    return fail('write-failed', describeWriteFailure(code, request.folderName));
  }

  const written: string[] = [];
  const partials: string[] = [];
  const rollBack = async (): Promise<void> => {
    for (const filePath of [...partials, ...written]) await removeQuietly(filePath);
    if (createdFolder) await fs.rmdir(target).catch(() => undefined);
  };
  const refuseExisting = (name: string): BridgeResult<SaveBundleResult> =>
    fail(
      'exists',
      `Thư mục “${request.folderName}” đã có tệp “${name}”. Phần mềm không ghi đè tệp cũ. ${NOTHING_SAVED} Hãy chọn thư mục khác, hoặc chuyển tệp cũ đi chỗ khác rồi lưu lại.`,
    );

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
    return fail('write-failed', describeWriteFailure(errnoCode(error), current));
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
  if (!parsed.success) return fail('invalid-request', describeInvalidRequest(parsed.error));
  const duplicate = findDuplicateName(parsed.data.files);
  if (duplicate !== null) {
    return fail(
      'invalid-request',
      `Yêu cầu không hợp lệ: tên tệp “${duplicate}” bị trùng trong bộ dữ liệu. ${NOTHING_SAVED} Hãy báo lỗi này cho cán bộ phụ trách phần mềm.`,
    );
  }

  const unsafe = findWindowsUnsafeName([
    parsed.data.folderName,
    ...parsed.data.files.map((file) => file.name),
  ]);
  if (unsafe !== null) {
    return fail(
      'invalid-request',
      `Yêu cầu không hợp lệ: Windows không dùng được tên “${unsafe}” (tên dành riêng, hoặc kết thúc bằng dấu chấm hay khoảng trắng). ${NOTHING_SAVED} Hãy báo lỗi này cho cán bộ phụ trách phần mềm.`,
    );
  }

  let folder: string | null;
  try {
    folder = await pickFolder();
  } catch {
    return fail(
      'write-failed',
      `Không mở được hộp chọn thư mục. ${NOTHING_SAVED} Hãy thử lại; nếu vẫn lỗi, hãy khởi động lại phần mềm.`,
    );
  }
  if (folder === null) {
    return fail('cancelled', `Đã huỷ chọn thư mục. ${NOTHING_SAVED}`);
  }
  return saveBundleToFolder(folder, parsed.data);
}

// Automatic backups on disk: written whole (a .partial renamed into place; large ones arrive in
// pieces through backup-session.ts), never over another file, into the folder the officer
// chose (default Documents/SoHoa/Sao lưu); then the oldest of the app's own backups beyond the
// number to keep are removed, and nothing else in the folder.
// The page only asks for a number: however low, at least three stay, and at most two go per
// backup written, so a lowered number (or a hostile page) thins the folder out slowly.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { BaseWindow, Dialog } from 'electron';
import {
  BACKUP_FILE_PATTERN,
  MIN_BACKUPS_KEPT,
  writeBackupRequestSchema,
} from '../../shared/bridge';
import type {
  BackupFolderInfo,
  BridgeResult,
  WriteBackupRequest,
  WriteBackupResult,
} from '../../shared/bridge';
import { DEFAULT_BACKUP_FOLDER_NAME, mainText, type MainText } from '../main-text';
import { BackupWrites } from './backup-session';
import { fail, invalidRequest, ok, refuse, writeFailure } from './result';

export function defaultBackupFolder(documentsPath: string): string {
  return path.join(documentsPath, 'SoHoa', DEFAULT_BACKUP_FOLDER_NAME);
}

function errnoCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error;
    if (typeof code === 'string') return code;
  }
  return 'UNKNOWN';
}

async function writeDurably(filePath: string, data: Uint8Array): Promise<void> {
  const handle = await fs.open(filePath, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function exists(filePath: string): Promise<boolean> {
  return fs.lstat(filePath).then(
    () => true,
    () => false,
  );
}

/** Sorts backups by when they were made: the stamp, then the -n a same-minute copy gets. */
function ageKey(name: string): [string, number] {
  const match = /^sohoa-sao-luu-(\d{8}-\d{4})(?:-(\d{1,3}))?\.sohoa$/.exec(name);
  return [match?.[1] ?? '', Number(match?.[2] ?? 0)];
}

function byAge(a: string, b: string): number {
  const [stampA, nA] = ageKey(a);
  const [stampB, nB] = ageKey(b);
  return stampA === stampB ? nA - nB : stampA < stampB ? -1 : 1;
}

/** The most old backups one new backup may replace. */
const MAX_REMOVED_PER_BACKUP = 2;

/** The backup's name, or the first free `-n` variant: two in the same minute both stay. */
export async function freeBackupName(folder: string, fileName: string): Promise<string> {
  let name = fileName;
  for (
    let n = 1;
    (await exists(path.join(folder, name))) || (await exists(path.join(folder, `${name}.partial`)));
    n++
  ) {
    if (n > 999) throw Object.assign(new Error('too many backups this minute'), { code: 'EEXIST' });
    name = fileName.replace(/\.sohoa$/, `-${n}.sohoa`);
  }
  return name;
}

/**
 * Keeps the newest `keep` of the app's backups in `folder` (never fewer than MIN_BACKUPS_KEPT),
 * removing at most MAX_REMOVED_PER_BACKUP and never `newest`. Returns what it removed.
 */
export async function rotateBackups(
  folder: string,
  keep: number,
  newest: string,
): Promise<string[]> {
  const removed: string[] = [];
  try {
    const ours = (await fs.readdir(folder)).filter((entry) => BACKUP_FILE_PATTERN.test(entry));
    ours.sort(byAge);
    const kept = Math.max(keep, MIN_BACKUPS_KEPT);
    const surplus = ours
      .filter((entry) => entry !== newest)
      .slice(0, Math.min(MAX_REMOVED_PER_BACKUP, Math.max(0, ours.length - kept)));
    for (const old of surplus) {
      await fs.unlink(path.join(folder, old));
      removed.push(old);
    }
  } catch {
    // The new backup is safely written; an old one that could not be removed is only clutter.
  }
  return removed;
}

/** Writes one backup into `folder` and keeps the newest `keep` of the app's backups there. */
export async function writeBackupToFolder(
  folder: string,
  request: WriteBackupRequest,
): Promise<BridgeResult<WriteBackupResult>> {
  let name = request.fileName;
  try {
    await fs.mkdir(folder, { recursive: true });
    // Two backups in the same minute (at exit right after a manual one) get -1, -2…
    name = await freeBackupName(folder, request.fileName);
    const finalPath = path.join(folder, name);
    const partialPath = `${finalPath}.partial`;
    try {
      await writeDurably(partialPath, request.data);
      await fs.rename(partialPath, finalPath);
    } catch (error) {
      await fs.unlink(partialPath).catch(() => undefined);
      throw error;
    }
  } catch (error) {
    return refuse(writeFailure(errnoCode(error), name));
  }
  const removed = await rotateBackups(folder, request.keep, name);
  return ok({ path: path.join(folder, name), removed });
}

/** Where the officer's chosen folder is remembered: a small JSON file in the app's profile. */
export interface FolderSetting {
  read(): Promise<string | null>;
  write(folder: string): Promise<void>;
}

export function createFolderSettingFile(filePath: string): FolderSetting {
  return {
    async read() {
      try {
        const parsed = JSON.parse(await fs.readFile(filePath, 'utf8')) as unknown;
        if (typeof parsed === 'object' && parsed !== null && 'folder' in parsed) {
          const { folder } = parsed;
          if (typeof folder === 'string' && path.isAbsolute(folder)) return folder;
        }
        return null;
      } catch {
        return null;
      }
    },
    async write(folder) {
      await fs.mkdir(path.dirname(filePath), { recursive: true });
      const partial = `${filePath}.partial`;
      await fs.writeFile(partial, JSON.stringify({ folder }));
      await fs.rename(partial, filePath);
    },
  };
}

export function createBackupFolderPicker(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  getWindow: () => BaseWindow | null,
  text: MainText = mainText(),
): (current: string) => Promise<string | null> {
  return async (current) => {
    const options = {
      title: text.backupPickerTitle,
      buttonLabel: text.backupPickerButton,
      defaultPath: current,
      properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
    };
    const window = getWindow();
    const result = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options);
    const folder = result.filePaths[0];
    return result.canceled || folder === undefined ? null : folder;
  };
}

export interface BackupService {
  getFolder(): Promise<BackupFolderInfo>;
  chooseFolder(): Promise<BridgeResult<BackupFolderInfo>>;
  write(payload: unknown): Promise<BridgeResult<WriteBackupResult>>;
  /** Backups of any size, in pieces (backup-session.ts). */
  pieces: BackupWrites;
}

export function createBackupService(deps: {
  documentsPath: string;
  setting: FolderSetting;
  pickFolder: (current: string) => Promise<string | null>;
  /** Free bytes on the disk holding a folder; null when unknown. */
  freeBytes?: (folder: string) => Promise<number | null>;
}): BackupService {
  const getFolder = async (): Promise<BackupFolderInfo> => {
    const chosen = await deps.setting.read();
    return chosen
      ? { folder: chosen, isDefault: false }
      : { folder: defaultBackupFolder(deps.documentsPath), isDefault: true };
  };
  return {
    getFolder,
    pieces: new BackupWrites({
      getFolder: async () => (await getFolder()).folder,
      freeBytes: deps.freeBytes ?? (() => Promise.resolve(null)),
    }),
    async chooseFolder() {
      const current = await getFolder();
      let picked: string | null;
      try {
        picked = await deps.pickFolder(current.folder);
      } catch {
        return fail('picker-failed');
      }
      if (picked === null) return fail('cancelled');
      try {
        await deps.setting.write(picked);
      } catch (error) {
        return refuse(writeFailure(errnoCode(error), 'backup-settings.json'));
      }
      return ok({ folder: picked, isDefault: false });
    },
    async write(payload) {
      const parsed = writeBackupRequestSchema.safeParse(payload);
      if (!parsed.success) return invalidRequest(parsed.error);
      return writeBackupToFolder((await getFolder()).folder, parsed.data);
    },
  };
}

/**
 * Holds the window open while the renderer writes the backup at exit. The renderer waits on
 * waitForExit(); closing the window resolves it; the close goes through when the renderer says
 * it is done, or after `timeoutMs` so a stuck backup never traps the officer.
 */
export function createExitGate(timeoutMs = 60_000) {
  let waiter: (() => void) | null = null;
  let state: 'running' | 'backing-up' | 'done' = 'running';
  let finish: (() => void) | null = null;
  return {
    waitForExit(): Promise<void> {
      return new Promise<void>((resolve) => {
        waiter = resolve;
      });
    },
    /** Called on the window's close: true when the close must wait for the backup. */
    hold(close: () => void): boolean {
      if (state === 'done') return false;
      if (state === 'backing-up') return true;
      const wake = waiter;
      if (!wake) return false;
      state = 'backing-up';
      waiter = null;
      const timer = setTimeout(() => finish?.(), timeoutMs);
      finish = () => {
        clearTimeout(timer);
        finish = null;
        state = 'done';
        close();
      };
      wake();
      return true;
    },
    done(): void {
      finish?.();
    },
  };
}
export type ExitGate = ReturnType<typeof createExitGate>;

// The one contract between the desktop shell's preload and the renderer.
// Every channel has a request and response type here; main validates payloads with zod.
import { z } from 'zod';

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  isPackaged: boolean;
}

/** A file name inside the chosen folder: no separators, no "..", no control characters. */
export const safeFileNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine(
    (name) => !/[\\/:*?"<>|]/.test(name) && ![...name].some((ch) => ch.charCodeAt(0) < 0x20),
    'Tên tệp chứa ký tự không hợp lệ',
  )
  .refine(
    (name) => name !== '.' && name !== '..' && !name.includes('..'),
    'Tên tệp không được chứa ".."',
  );

export const saveBundleRequestSchema = z.object({
  /** Sub-folder created inside the folder the officer picks; same rules as a file name. */
  folderName: safeFileNameSchema,
  files: z
    .array(
      z.object({
        name: safeFileNameSchema,
        data: z.instanceof(Uint8Array),
      }),
    )
    .min(1)
    .max(10),
});
export type SaveBundleRequest = z.infer<typeof saveBundleRequestSchema>;

export interface SaveBundleResult {
  /** Absolute folder the files were written into. */
  folder: string;
  files: { name: string; bytes: number }[];
}

export type BridgeErrorCode =
  'invalid-request' | 'cancelled' | 'write-failed' | 'exists' | 'unavailable';
export interface BridgeError {
  code: BridgeErrorCode;
  /** Vietnamese, shown to the officer as is. */
  message: string;
}
export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

/** Free and total bytes of the disk holding the app's data; the renderer checks the answer too. */
export const diskSpaceSchema = z.object({
  free: z.number().finite().nonnegative(),
  total: z.number().finite().nonnegative(),
});
export type DiskSpace = z.infer<typeof diskSpaceSchema>;

/** Channel names; each maps to one handler in electron/ipc. */
export const channels = {
  getAppInfo: 'app:get-info',
  saveBundle: 'files:save-bundle',
  getDiskSpace: 'storage:get-disk-space',
  // Automatic backups (electron/ipc/backups.ts).
  writeBackup: 'backups:write',
  getBackupFolder: 'backups:get-folder',
  chooseBackupFolder: 'backups:choose-folder',
  waitForExit: 'backups:wait-exit',
  exitBackupDone: 'backups:exit-done',
} as const;

/** What the preload exposes as `window.sohoa`. One function per use case. */
export interface SohoaBridge {
  getAppInfo(): Promise<AppInfo>;
  saveBundle(request: SaveBundleRequest): Promise<BridgeResult<SaveBundleResult>>;
  getDiskSpace(): Promise<BridgeResult<DiskSpace>>;
  /** Writes one automatic or manual backup into the backup folder, then removes the oldest. */
  writeBackup(request: WriteBackupRequest): Promise<BridgeResult<WriteBackupResult>>;
  getBackupFolder(): Promise<BackupFolderInfo>;
  /** Lets the officer pick another backup folder; cancelled leaves the old one. */
  chooseBackupFolder(): Promise<BridgeResult<BackupFolderInfo>>;
  /** Resolves when the officer closes the window: time for the backup at exit. */
  waitForExit(): Promise<void>;
  /** The backup at exit is written (or failed): the window may close. */
  exitBackupDone(): Promise<void>;
}

// ---- Automatic backups ----

/** Names the app gives backups: sohoa-sao-luu-YYYYMMDD-HHMM[-n].sohoa. Rotation only ever
 * removes files named like this, never anything else in the folder. */
export const BACKUP_FILE_PATTERN = /^sohoa-sao-luu-\d{8}-\d{4}(-\d{1,3})?\.sohoa$/;

export const writeBackupRequestSchema = z.object({
  fileName: safeFileNameSchema.refine(
    (name) => BACKUP_FILE_PATTERN.test(name),
    'Tên tệp sao lưu không đúng mẫu',
  ),
  data: z.instanceof(Uint8Array),
  /** How many of the app's backups to keep in the folder, this one included. */
  keep: z.number().int().min(1).max(365),
});
export type WriteBackupRequest = z.infer<typeof writeBackupRequestSchema>;

export interface WriteBackupResult {
  /** Absolute path of the file written. */
  path: string;
  /** Older backups removed by the rotation (file names). */
  removed: string[];
}

export interface BackupFolderInfo {
  folder: string;
  /** True while the officer has not chosen a folder (Documents/SoHoa/Sao lưu). */
  isDefault: boolean;
}

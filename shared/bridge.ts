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
} as const;

/** What the preload exposes as `window.sohoa`. One function per use case. */
export interface SohoaBridge {
  getAppInfo(): Promise<AppInfo>;
  saveBundle(request: SaveBundleRequest): Promise<BridgeResult<SaveBundleResult>>;
  getDiskSpace(): Promise<BridgeResult<DiskSpace>>;
}

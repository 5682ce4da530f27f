// The one contract between the desktop shell's preload and the renderer.
// Every channel has a request and response type here; main validates payloads with zod.
import { z } from 'zod';
import { officerChannels, type OfficerBridge } from './officer-bridge';

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

/** The largest piece of a bundle one export call carries (the worker sends 4 MiB pieces). */
export const MAX_EXPORT_CHUNK_BYTES = 8 * 2 ** 20;

/** Starts a streamed export: asks for a folder, creates `<folder>/<folderName>/` and temp files. */
export const exportOpenRequestSchema = z.object({
  folderName: safeFileNameSchema,
  fileNames: z.array(safeFileNameSchema).min(1).max(10),
});
export type ExportOpenRequest = z.infer<typeof exportOpenRequestSchema>;

const exportSessionIdSchema = z.uuid();

export const exportSessionRequestSchema = z.object({ sessionId: exportSessionIdSchema });
export type ExportSessionRequest = z.infer<typeof exportSessionRequestSchema>;

/** Appends bytes to one of the session's temp files. */
export const exportWriteRequestSchema = z.object({
  sessionId: exportSessionIdSchema,
  fileName: safeFileNameSchema,
  data: z
    .instanceof(Uint8Array)
    .refine((data) => data.byteLength <= MAX_EXPORT_CHUNK_BYTES, 'Khối dữ liệu quá lớn'),
});
export type ExportWriteRequest = z.infer<typeof exportWriteRequestSchema>;

/** Reads back a byte range of one of the session's files, to check what was written. */
export const exportReadRequestSchema = z.object({
  sessionId: exportSessionIdSchema,
  fileName: safeFileNameSchema,
  offset: z.number().int().min(0),
  length: z.number().int().min(1).max(MAX_EXPORT_CHUNK_BYTES),
});
export type ExportReadRequest = z.infer<typeof exportReadRequestSchema>;

export interface ExportSession {
  sessionId: string;
  /** Absolute folder the files will be written into. */
  folder: string;
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

// ---- This installation's signing key (electron/ipc/installation-key.ts) ----

/** Who this PC is on the files it signs; the private key stays in the main process. */
export interface InstallationIdentity {
  installationId: string;
  name: string;
  /** Raw P-256 public key (uncompressed point), base64. */
  publicKey: string;
  /** shared/signature/fingerprint.ts */
  fingerprint: string;
}

/** A file header is one JSON line; nothing larger is ever signed. */
export const MAX_SIGNED_HEADER_BYTES = 4 * 2 ** 20;

/** The canonical bytes of a file header naming this installation as its signer. */
export const signHeaderRequestSchema = z.object({
  bytes: z
    .instanceof(Uint8Array)
    .refine((bytes) => bytes.byteLength <= MAX_SIGNED_HEADER_BYTES, 'Tiêu đề tệp quá lớn'),
});
export type SignHeaderRequest = z.infer<typeof signHeaderRequestSchema>;

export const renameInstallationRequestSchema = z.object({ name: z.string().max(200) });
export type RenameInstallationRequest = z.infer<typeof renameInstallationRequestSchema>;

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
  // Backups written in pieces (electron/ipc/backup-session.ts).
  backupOpen: 'backups:open',
  backupWrite: 'backups:write-piece',
  backupCommit: 'backups:commit',
  backupAbort: 'backups:abort',
  exportOpen: 'export:open',
  exportWrite: 'export:write',
  exportRead: 'export:read',
  exportCommit: 'export:commit',
  exportAbort: 'export:abort',
  getInstallationIdentity: 'installation:get-identity',
  signHeader: 'installation:sign-header',
  renameInstallation: 'installation:rename',
  // The desktop's officers, session and audit head (shared/officer-bridge.ts).
  ...officerChannels,
} as const;

/** What the preload exposes as `window.sohoa`. One function per use case. */
export interface SohoaBridge extends OfficerBridge {
  getAppInfo(): Promise<AppInfo>;
  saveBundle(request: SaveBundleRequest): Promise<BridgeResult<SaveBundleResult>>;
  /** Streamed export: open, write pieces, read back, then commit (rename) or abort (delete). */
  exportOpen(request: ExportOpenRequest): Promise<BridgeResult<ExportSession>>;
  exportWrite(request: ExportWriteRequest): Promise<BridgeResult<{ bytes: number }>>;
  exportRead(request: ExportReadRequest): Promise<BridgeResult<Uint8Array>>;
  exportCommit(request: ExportSessionRequest): Promise<BridgeResult<SaveBundleResult>>;
  exportAbort(request: ExportSessionRequest): Promise<BridgeResult<null>>;
  getDiskSpace(): Promise<BridgeResult<DiskSpace>>;
  /** Writes one small backup whole into the backup folder, then removes the oldest. */
  writeBackup(request: WriteBackupRequest): Promise<BridgeResult<WriteBackupResult>>;
  /**
   * A backup of any size, in pieces: open (size declared, disk space checked), write pieces in
   * order, commit (checked, renamed into place, oldest removed) or abort (temp file deleted).
   */
  backupOpen(request: BackupOpenRequest): Promise<BridgeResult<BackupSession>>;
  backupWrite(request: BackupWriteRequest): Promise<BridgeResult<{ bytes: number }>>;
  backupCommit(request: BackupSessionRequest): Promise<BridgeResult<WriteBackupResult>>;
  backupAbort(request: BackupSessionRequest): Promise<BridgeResult<null>>;
  getBackupFolder(): Promise<BackupFolderInfo>;
  /** Lets the officer pick another backup folder; cancelled leaves the old one. */
  chooseBackupFolder(): Promise<BridgeResult<BackupFolderInfo>>;
  /** Resolves when the officer closes the window: time for the backup at exit. */
  waitForExit(): Promise<void>;
  /** The backup at exit is written (or failed): the window may close. */
  exitBackupDone(): Promise<void>;
  /** This PC's identity; the key pair is made on first use. */
  getInstallationIdentity(): Promise<BridgeResult<InstallationIdentity>>;
  /** ECDSA P-256 / SHA-256 signature (64 bytes, r‖s) over a file header signed by this PC. */
  signHeader(request: SignHeaderRequest): Promise<BridgeResult<Uint8Array>>;
  renameInstallation(
    request: RenameInstallationRequest,
  ): Promise<BridgeResult<InstallationIdentity>>;
}

/** Fails the typecheck when a channel has no bridge function or a function no channel. */
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
  ? true
  : never;
export const channelsMatchBridge: SameKeys<typeof channels, SohoaBridge> = true;

// ---- Automatic backups ----

/** Names the app gives backups: sohoa-sao-luu-YYYYMMDD-HHMM[-n].sohoa. Rotation only ever
 * removes files named like this, never anything else in the folder. */
export const BACKUP_FILE_PATTERN = /^sohoa-sao-luu-\d{8}-\d{4}(-\d{1,3})?\.sohoa$/;

/** The fewest backups the rotation leaves in the folder, so one request cannot erase them. */
export const MIN_BACKUPS_KEPT = 3;

const backupFileNameSchema = safeFileNameSchema.refine(
  (name) => BACKUP_FILE_PATTERN.test(name),
  'Tên tệp sao lưu không đúng mẫu',
);

/**
 * How many of the app's backups to keep in the folder, the new one included. The main process
 * keeps at least MIN_BACKUPS_KEPT whatever is asked (older settings may hold fewer).
 */
const keepSchema = z.number().int().min(1).max(365);

/** The most one whole-file backup call may carry; larger backups go in pieces. */
export const MAX_WHOLE_BACKUP_BYTES = 32 * 2 ** 20;

export const writeBackupRequestSchema = z.object({
  fileName: backupFileNameSchema,
  data: z
    .instanceof(Uint8Array)
    .refine(
      (data) => data.byteLength <= MAX_WHOLE_BACKUP_BYTES,
      'Bản sao lưu quá lớn cho một lần gửi',
    ),
  keep: keepSchema,
});
export type WriteBackupRequest = z.infer<typeof writeBackupRequestSchema>;

/** The largest backup the app writes in pieces: far above a commune's books with their scans. */
export const MAX_BACKUP_BYTES = 64 * 2 ** 30;
/** The largest piece of a backup one call carries (the renderer sends 4 MiB pieces). */
export const MAX_BACKUP_PIECE_BYTES = MAX_EXPORT_CHUNK_BYTES;

export const backupOpenRequestSchema = z.object({
  fileName: backupFileNameSchema,
  /** The whole file's size: main checks the disk for it and refuses a piece beyond it. */
  bytes: z.number().int().min(1).max(MAX_BACKUP_BYTES),
  keep: keepSchema,
});
export type BackupOpenRequest = z.infer<typeof backupOpenRequestSchema>;

const backupSessionIdSchema = z.uuid();
export const backupSessionRequestSchema = z.object({ sessionId: backupSessionIdSchema });
export type BackupSessionRequest = z.infer<typeof backupSessionRequestSchema>;

export const backupWriteRequestSchema = z.object({
  sessionId: backupSessionIdSchema,
  data: z
    .instanceof(Uint8Array)
    .refine(
      (data) => data.byteLength > 0 && data.byteLength <= MAX_BACKUP_PIECE_BYTES,
      'Khối dữ liệu rỗng hoặc quá lớn',
    ),
});
export type BackupWriteRequest = z.infer<typeof backupWriteRequestSchema>;

export interface BackupSession {
  sessionId: string;
}

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

// What crosses the bridge between the desktop shell and the renderer: each request's and each
// answer's schema and type. shared/bridge-contract.ts pairs them with the channels.
import { z } from 'zod';

export type { BridgeError, BridgeErrorCode, BridgeResult } from './bridge-errors';
export type { SohoaBridge } from './bridge-contract';

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  isPackaged: z.boolean(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** A file name inside the chosen folder: no separators, no "..", no control characters. */
export const safeFileNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine(
    (name) => !/[\\/:*?"<>|]/.test(name) && ![...name].some((ch) => ch.charCodeAt(0) < 0x20),
    'file name has a character files may not have',
  )
  .refine((name) => name !== '.' && name !== '..' && !name.includes('..'), 'file name has ".."');

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

export const saveBundleResultSchema = z.object({
  /** Absolute folder the files were written into. */
  folder: z.string(),
  files: z.array(z.object({ name: z.string(), bytes: z.number() })),
});
export type SaveBundleResult = z.infer<typeof saveBundleResultSchema>;

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
    .refine((data) => data.byteLength <= MAX_EXPORT_CHUNK_BYTES, 'piece too large'),
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

export const exportSessionSchema = z.object({
  sessionId: z.string(),
  /** Absolute folder the files will be written into. */
  folder: z.string(),
});
export type ExportSession = z.infer<typeof exportSessionSchema>;

/** How many bytes a piece added; the answer of every write of a piece. */
export const writtenSchema = z.object({ bytes: z.number().int().nonnegative() });
export const bytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array);

/** Free and total bytes of the disk holding the app's data; the renderer checks the answer too. */
export const diskSpaceSchema = z.object({
  free: z.number().finite().nonnegative(),
  total: z.number().finite().nonnegative(),
});
export type DiskSpace = z.infer<typeof diskSpaceSchema>;

// ---- This installation's signing key (electron/ipc/installation-key.ts) ----

/** Who this PC is on the files it signs; the private key stays in the main process. */
export const installationIdentitySchema = z.object({
  installationId: z.string(),
  name: z.string(),
  /** Raw P-256 public key (uncompressed point), base64. */
  publicKey: z.string(),
  /** shared/signature/fingerprint.ts */
  fingerprint: z.string(),
});
export type InstallationIdentity = z.infer<typeof installationIdentitySchema>;

/** A file header is one JSON line; nothing larger is ever signed. */
export const MAX_SIGNED_HEADER_BYTES = 4 * 2 ** 20;

/** The canonical bytes of a file header naming this installation as its signer. */
export const signHeaderRequestSchema = z.object({
  bytes: z
    .instanceof(Uint8Array)
    .refine((bytes) => bytes.byteLength <= MAX_SIGNED_HEADER_BYTES, 'header too large'),
});
export type SignHeaderRequest = z.infer<typeof signHeaderRequestSchema>;

export const renameInstallationRequestSchema = z.object({ name: z.string().max(200) });
export type RenameInstallationRequest = z.infer<typeof renameInstallationRequestSchema>;

// ---- Automatic backups ----

/** Names the app gives backups: sohoa-sao-luu-YYYYMMDD-HHMM[-n].sohoa. Rotation only ever
 * removes files named like this, never anything else in the folder. */
export const BACKUP_FILE_PATTERN = /^sohoa-sao-luu-\d{8}-\d{4}(-\d{1,3})?\.sohoa$/;

/** The fewest backups the rotation leaves in the folder, so one request cannot erase them. */
export const MIN_BACKUPS_KEPT = 3;

const backupFileNameSchema = safeFileNameSchema.refine(
  (name) => BACKUP_FILE_PATTERN.test(name),
  'not a backup file name',
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
    .refine((data) => data.byteLength <= MAX_WHOLE_BACKUP_BYTES, 'too large for one call'),
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
      'piece empty or too large',
    ),
});
export type BackupWriteRequest = z.infer<typeof backupWriteRequestSchema>;

export const backupSessionSchema = z.object({ sessionId: z.string() });
export type BackupSession = z.infer<typeof backupSessionSchema>;

export const writeBackupResultSchema = z.object({
  /** Absolute path of the file written. */
  path: z.string(),
  /** Older backups removed by the rotation (file names). */
  removed: z.array(z.string()),
});
export type WriteBackupResult = z.infer<typeof writeBackupResultSchema>;

export const backupFolderInfoSchema = z.object({
  folder: z.string(),
  /** True while the officer has not chosen a folder (Documents/SoHoa/Sao lưu). */
  isDefault: z.boolean(),
});
export type BackupFolderInfo = z.infer<typeof backupFolderInfoSchema>;

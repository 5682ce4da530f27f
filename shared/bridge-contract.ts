// The one contract between the desktop shell and the renderer: every channel with the schema
// of its request and of its answer. Main registers one handler per row and checks each request
// against the row's schema before its handler sees it (electron/ipc/register-handlers.ts); in
// development and tests it checks each answer too. The preload exposes one function per row
// (electron/preload.ts), and the renderer's `SohoaBridge` type is derived from the rows, so a
// channel added here without its handler or its function fails the typecheck.
import { z } from 'zod';
import {
  appInfoSchema,
  backupFolderInfoSchema,
  backupOpenRequestSchema,
  backupSessionRequestSchema,
  backupSessionSchema,
  backupWriteRequestSchema,
  bytesSchema,
  diskSpaceSchema,
  exportOpenRequestSchema,
  exportReadRequestSchema,
  exportSessionRequestSchema,
  exportSessionSchema,
  exportWriteRequestSchema,
  installationIdentitySchema,
  renameInstallationRequestSchema,
  saveBundleRequestSchema,
  saveBundleResultSchema,
  signHeaderRequestSchema,
  writeBackupRequestSchema,
  writeBackupResultSchema,
  writtenSchema,
} from './bridge';
import { bridgeResultSchema as result } from './bridge-errors';
import { channel, type BridgeOf, type ChannelNamesOf } from './bridge-channel';
import { officerContract } from './officer-bridge';

export const bridgeContract = {
  getAppInfo: channel('app:get-info', null, appInfoSchema),
  saveBundle: channel(
    'files:save-bundle',
    saveBundleRequestSchema,
    result(saveBundleResultSchema),
    {
      needsSignIn: true,
    },
  ),
  getDiskSpace: channel('storage:get-disk-space', null, result(diskSpaceSchema)),
  // Automatic backups (electron/ipc/backups.ts): one small backup written whole, then the
  // oldest removed.
  writeBackup: channel('backups:write', writeBackupRequestSchema, result(writeBackupResultSchema)),
  getBackupFolder: channel('backups:get-folder', null, backupFolderInfoSchema),
  /** Lets the officer pick another backup folder; cancelled leaves the old one. */
  chooseBackupFolder: channel('backups:choose-folder', null, result(backupFolderInfoSchema)),
  /** Resolves when the officer closes the window: time for the backup at exit. */
  waitForExit: channel('backups:wait-exit', null, z.void()),
  /** The backup at exit is written (or failed): the window may close. */
  exitBackupDone: channel('backups:exit-done', null, z.void()),
  // A backup of any size, in pieces (electron/ipc/backup-session.ts): open (size declared, disk
  // space checked), write pieces in order, commit (checked, renamed into place, oldest removed)
  // or abort (temp file deleted).
  backupOpen: channel('backups:open', backupOpenRequestSchema, result(backupSessionSchema)),
  backupWrite: channel('backups:write-piece', backupWriteRequestSchema, result(writtenSchema)),
  backupCommit: channel(
    'backups:commit',
    backupSessionRequestSchema,
    result(writeBackupResultSchema),
  ),
  backupAbort: channel('backups:abort', backupSessionRequestSchema, result(z.null())),
  // Streamed export: open, write pieces, read back, then commit (rename) or abort (delete).
  // Opening needs a sign-in; an export already open may finish or be cancelled.
  exportOpen: channel('export:open', exportOpenRequestSchema, result(exportSessionSchema), {
    needsSignIn: true,
  }),
  exportWrite: channel('export:write', exportWriteRequestSchema, result(writtenSchema)),
  exportRead: channel('export:read', exportReadRequestSchema, result(bytesSchema)),
  exportCommit: channel(
    'export:commit',
    exportSessionRequestSchema,
    result(saveBundleResultSchema),
  ),
  exportAbort: channel('export:abort', exportSessionRequestSchema, result(z.null())),
  /** This PC's identity; the key pair is made on first use. */
  getInstallationIdentity: channel(
    'installation:get-identity',
    null,
    result(installationIdentitySchema),
  ),
  /** ECDSA P-256 / SHA-256 signature (64 bytes, r‖s) over a file header signed by this PC. */
  signHeader: channel('installation:sign-header', signHeaderRequestSchema, result(bytesSchema)),
  renameInstallation: channel(
    'installation:rename',
    renameInstallationRequestSchema,
    result(installationIdentitySchema),
  ),
  // The desktop's officers, session and audit head (shared/officer-bridge.ts).
  ...officerContract,
};

export type BridgeContract = typeof bridgeContract;
export type ChannelKey = keyof BridgeContract;

/** What the preload exposes as `window.sohoa`: one function per row of the contract. */
export type SohoaBridge = BridgeOf<BridgeContract>;

/** Channel names, keyed like the contract. */
export type ChannelNames = ChannelNamesOf<BridgeContract>;
export const channels = Object.fromEntries(
  Object.entries(bridgeContract).map(([key, row]) => [key, row.channel]),
) as ChannelNames;

/** The answer a handler gives for one channel, as the renderer receives it. */
export type ResponseOf<K extends ChannelKey> = z.output<BridgeContract[K]['response']>;

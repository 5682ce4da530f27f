// Wires each channel of shared/bridge.ts to its handler. Only the app's own top-level page
// may call: a frame from anywhere else gets a rejection, never an answer.
import { channels } from '../../shared/bridge';
import type { AppInfo, BridgeResult, DiskSpace, SaveBundleResult } from '../../shared/bridge';
import { ExportSessions } from './export-session';
import { isAllowedNavigation } from '../security';
import type { BackupService, ExitGate } from './backups';
import type { PickFolder } from './files';
import type { InstallationKeyService } from './installation-key';
import { handleSaveBundle } from './files';
import { fail } from './result';
import type { AuditHeadService } from './audit-head';
import type { OfficerService } from './officers';

/** What a handler needs to know about the caller; Electron's IpcMainInvokeEvent fits. */
export interface InvokeEvent {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/** The part of Electron's ipcMain used here, so tests can pass a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void;
}

export interface IpcDeps {
  allowedOrigins: readonly string[];
  getAppInfo: () => AppInfo;
  pickFolder: PickFolder;
  getDiskSpace: () => Promise<BridgeResult<DiskSpace>>;
  backups: BackupService;
  exitGate: ExitGate;
  installationKey: InstallationKeyService;
  /** The desktop's officers and session; main checks sign-ins and roles, not the page. */
  officers: OfficerService;
  auditHead: AuditHeadService;
}

export function isTrustedSender(event: InvokeEvent, allowedOrigins: readonly string[]): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAllowedNavigation(frame.url, allowedOrigins);
}

function assertTrusted(event: InvokeEvent, allowedOrigins: readonly string[]): void {
  if (!isTrustedSender(event, allowedOrigins)) {
    throw new Error(`Refused IPC from untrusted frame: ${event.senderFrame?.url ?? '(destroyed)'}`);
  }
}

/** Files leave the app only for an officer signed in in main, not for whoever has the page. */
const NOT_SIGNED_IN =
  'Chưa có cán bộ nào đăng nhập nên không có tệp nào được lưu. Hãy đăng nhập rồi làm lại.';

/** What main does for one channel of the bridge, given the request as it arrived. */
interface Handler {
  handle: (payload: unknown) => unknown;
  /** Refused with NOT_SIGNED_IN unless an officer is signed in in main. */
  needsSignIn?: boolean;
}

/**
 * One handler per channel of shared/bridge.ts, keyed like the bridge itself, so a channel added
 * there without a handler here (or the other way round) fails the typecheck. Every request is
 * checked by its handler's own schema; a channel that takes none ignores any payload.
 */
function handlerTable(
  deps: IpcDeps,
  exports: ExportSessions,
): Record<keyof typeof channels, Handler> {
  const { backups, exitGate, installationKey, officers, auditHead } = deps;
  return {
    getAppInfo: { handle: (): AppInfo => deps.getAppInfo() },
    saveBundle: {
      handle: (payload): Promise<BridgeResult<SaveBundleResult>> =>
        handleSaveBundle(payload, deps.pickFolder),
      needsSignIn: true,
    },
    getDiskSpace: { handle: (): Promise<BridgeResult<DiskSpace>> => deps.getDiskSpace() },
    // Automatic backups.
    writeBackup: { handle: (payload) => backups.write(payload) },
    backupOpen: { handle: (payload) => backups.pieces.open(payload) },
    backupWrite: { handle: (payload) => backups.pieces.write(payload) },
    backupCommit: { handle: (payload) => backups.pieces.commit(payload) },
    backupAbort: { handle: (payload) => backups.pieces.abort(payload) },
    getBackupFolder: { handle: () => backups.getFolder() },
    chooseBackupFolder: { handle: () => backups.chooseFolder() },
    waitForExit: { handle: () => exitGate.waitForExit() },
    exitBackupDone: { handle: () => exitGate.done() },
    // Streamed export: opening needs a sign-in; an export already open may finish or be cancelled.
    exportOpen: { handle: (payload) => exports.open(payload), needsSignIn: true },
    exportWrite: { handle: (payload) => exports.write(payload) },
    exportRead: { handle: (payload) => exports.read(payload) },
    exportCommit: { handle: (payload) => exports.commit(payload) },
    exportAbort: { handle: (payload) => exports.abort(payload) },
    // This PC's signing key.
    getInstallationIdentity: { handle: () => installationKey.identity() },
    signHeader: { handle: (payload) => installationKey.signHeader(payload) },
    renameInstallation: { handle: (payload) => installationKey.rename(payload) },
    // Officers, session and the audit head.
    officersList: { handle: () => officers.list() },
    officersSetUp: { handle: (payload) => officers.setUp(payload) },
    officersHandOver: { handle: (payload) => officers.handOver(payload) },
    officersSave: { handle: (payload) => officers.save(payload) },
    sessionSignIn: { handle: (payload) => officers.signIn(payload) },
    sessionCurrent: { handle: () => officers.current() },
    sessionSignOut: { handle: (payload) => officers.signOut(payload) },
    auditReadHead: { handle: (payload) => auditHead.read(payload) },
    auditWriteHead: { handle: (payload) => auditHead.write(payload) },
  };
}

export function registerIpcHandlers(ipcMain: IpcMainLike, deps: IpcDeps): ExportSessions {
  const exports = new ExportSessions(deps.pickFolder);
  const table = handlerTable(deps, exports);
  for (const name of Object.keys(table) as (keyof typeof channels)[]) {
    const { handle, needsSignIn = false } = table[name];
    ipcMain.handle(channels[name], (event, payload) => {
      assertTrusted(event, deps.allowedOrigins);
      if (needsSignIn && !deps.officers.isSignedIn()) return fail('unavailable', NOT_SIGNED_IN);
      return handle(payload);
    });
  }
  return exports;
}

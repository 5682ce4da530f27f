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

export function registerIpcHandlers(ipcMain: IpcMainLike, deps: IpcDeps): ExportSessions {
  ipcMain.handle(channels.getAppInfo, (event): AppInfo => {
    assertTrusted(event, deps.allowedOrigins);
    return deps.getAppInfo();
  });
  ipcMain.handle(
    channels.saveBundle,
    async (event, payload): Promise<BridgeResult<SaveBundleResult>> => {
      assertTrusted(event, deps.allowedOrigins);
      if (!deps.officers.isSignedIn()) return fail('unavailable', NOT_SIGNED_IN);
      return handleSaveBundle(payload, deps.pickFolder);
    },
  );
  ipcMain.handle(channels.getDiskSpace, (event): Promise<BridgeResult<DiskSpace>> => {
    assertTrusted(event, deps.allowedOrigins);
    return deps.getDiskSpace();
  });
  registerBackupHandlers(ipcMain, deps);
  registerInstallationKeyHandlers(ipcMain, deps);
  registerOfficerHandlers(ipcMain, deps);
  const exports = new ExportSessions(deps.pickFolder);
  const streamed = {
    [channels.exportOpen]: (payload: unknown) => exports.open(payload),
    [channels.exportWrite]: (payload: unknown) => exports.write(payload),
    [channels.exportRead]: (payload: unknown) => exports.read(payload),
    [channels.exportCommit]: (payload: unknown) => exports.commit(payload),
    [channels.exportAbort]: (payload: unknown) => exports.abort(payload),
  };
  for (const [channel, handler] of Object.entries(streamed)) {
    ipcMain.handle(channel, async (event, payload) => {
      assertTrusted(event, deps.allowedOrigins);
      // Opening needs a sign-in; an export already open may finish or be cancelled.
      if (channel === channels.exportOpen && !deps.officers.isSignedIn()) {
        return fail('unavailable', NOT_SIGNED_IN);
      }
      return handler(payload);
    });
  }
  return exports;
}

function registerBackupHandlers(ipcMain: IpcMainLike, deps: IpcDeps): void {
  ipcMain.handle(channels.writeBackup, async (event, payload) => {
    assertTrusted(event, deps.allowedOrigins);
    return deps.backups.write(payload);
  });
  const pieces = {
    [channels.backupOpen]: (payload: unknown) => deps.backups.pieces.open(payload),
    [channels.backupWrite]: (payload: unknown) => deps.backups.pieces.write(payload),
    [channels.backupCommit]: (payload: unknown) => deps.backups.pieces.commit(payload),
    [channels.backupAbort]: (payload: unknown) => deps.backups.pieces.abort(payload),
  };
  for (const [channel, handler] of Object.entries(pieces)) {
    ipcMain.handle(channel, async (event, payload) => {
      assertTrusted(event, deps.allowedOrigins);
      return handler(payload);
    });
  }
  ipcMain.handle(channels.getBackupFolder, async (event) => {
    assertTrusted(event, deps.allowedOrigins);
    return deps.backups.getFolder();
  });
  ipcMain.handle(channels.chooseBackupFolder, async (event) => {
    assertTrusted(event, deps.allowedOrigins);
    return deps.backups.chooseFolder();
  });
  ipcMain.handle(channels.waitForExit, async (event) => {
    assertTrusted(event, deps.allowedOrigins);
    return deps.exitGate.waitForExit();
  });
  ipcMain.handle(channels.exitBackupDone, (event) => {
    assertTrusted(event, deps.allowedOrigins);
    deps.exitGate.done();
  });
}

function registerInstallationKeyHandlers(ipcMain: IpcMainLike, deps: IpcDeps): void {
  ipcMain.handle(channels.getInstallationIdentity, async (event) => {
    assertTrusted(event, deps.allowedOrigins);
    return deps.installationKey.identity();
  });
  ipcMain.handle(channels.signHeader, async (event, payload) => {
    assertTrusted(event, deps.allowedOrigins);
    return deps.installationKey.signHeader(payload);
  });
  ipcMain.handle(channels.renameInstallation, async (event, payload) => {
    assertTrusted(event, deps.allowedOrigins);
    return deps.installationKey.rename(payload);
  });
}

function registerOfficerHandlers(ipcMain: IpcMainLike, deps: IpcDeps): void {
  const { officers, auditHead } = deps;
  const handlers = {
    [channels.officersList]: () => officers.list(),
    [channels.officersSetUp]: (payload: unknown) => officers.setUp(payload),
    [channels.officersHandOver]: (payload: unknown) => officers.handOver(payload),
    [channels.officersSave]: (payload: unknown) => officers.save(payload),
    [channels.sessionSignIn]: (payload: unknown) => officers.signIn(payload),
    [channels.sessionCurrent]: () => Promise.resolve(officers.current()),
    [channels.sessionSignOut]: (payload: unknown) => {
      officers.signOut(payload);
      return Promise.resolve();
    },
    [channels.auditReadHead]: (payload: unknown) => auditHead.read(payload),
    [channels.auditWriteHead]: (payload: unknown) => auditHead.write(payload),
  };
  for (const [channel, handler] of Object.entries(handlers)) {
    ipcMain.handle(channel, async (event, payload) => {
      assertTrusted(event, deps.allowedOrigins);
      return handler(payload);
    });
  }
}

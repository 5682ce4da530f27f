// Wires each channel of shared/bridge.ts to its handler. Only the app's own top-level page
// may call: a frame from anywhere else gets a rejection, never an answer.
import { channels } from '../../shared/bridge';
import type { AppInfo, BridgeResult, DiskSpace, SaveBundleResult } from '../../shared/bridge';
import { ExportSessions } from './export-session';
import { isAllowedNavigation } from '../security';
import type { BackupService, ExitGate } from './backups';
import type { PickFolder } from './files';
import { handleSaveBundle } from './files';

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

export function registerIpcHandlers(ipcMain: IpcMainLike, deps: IpcDeps): ExportSessions {
  ipcMain.handle(channels.getAppInfo, (event): AppInfo => {
    assertTrusted(event, deps.allowedOrigins);
    return deps.getAppInfo();
  });
  ipcMain.handle(
    channels.saveBundle,
    async (event, payload): Promise<BridgeResult<SaveBundleResult>> => {
      assertTrusted(event, deps.allowedOrigins);
      return handleSaveBundle(payload, deps.pickFolder);
    },
  );
  ipcMain.handle(channels.getDiskSpace, (event): Promise<BridgeResult<DiskSpace>> => {
    assertTrusted(event, deps.allowedOrigins);
    return deps.getDiskSpace();
  });
  registerBackupHandlers(ipcMain, deps);
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

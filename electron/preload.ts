// Exposes exactly one object, window.sohoa, with one function per use case. A sandboxed
// preload can only require('electron'), so everything from shared/ is imported as types.
import { contextBridge, ipcRenderer } from 'electron';
import type {
  AppInfo,
  BackupFolderInfo,
  BackupOpenRequest,
  BackupSession,
  BackupSessionRequest,
  BackupWriteRequest,
  BridgeResult,
  channels,
  DiskSpace,
  ExportOpenRequest,
  ExportReadRequest,
  ExportSession,
  ExportSessionRequest,
  ExportWriteRequest,
  SaveBundleRequest,
  SaveBundleResult,
  SohoaBridge,
  WriteBackupRequest,
  WriteBackupResult,
} from '../shared/bridge';

// Spelled out because shared/bridge.js cannot be loaded here; the type pins each literal
// to shared/bridge.ts, so a renamed channel fails the typecheck instead of the app.
const ch: typeof channels = {
  getAppInfo: 'app:get-info',
  saveBundle: 'files:save-bundle',
  getDiskSpace: 'storage:get-disk-space',
  writeBackup: 'backups:write',
  getBackupFolder: 'backups:get-folder',
  chooseBackupFolder: 'backups:choose-folder',
  waitForExit: 'backups:wait-exit',
  exitBackupDone: 'backups:exit-done',
  backupOpen: 'backups:open',
  backupWrite: 'backups:write-piece',
  backupCommit: 'backups:commit',
  backupAbort: 'backups:abort',
  exportOpen: 'export:open',
  exportWrite: 'export:write',
  exportRead: 'export:read',
  exportCommit: 'export:commit',
  exportAbort: 'export:abort',
};

const bridge = {
  getAppInfo: () => ipcRenderer.invoke(ch.getAppInfo) as Promise<AppInfo>,
  saveBundle: (request: SaveBundleRequest) =>
    ipcRenderer.invoke(ch.saveBundle, request) as Promise<BridgeResult<SaveBundleResult>>,
  getDiskSpace: () => ipcRenderer.invoke(ch.getDiskSpace) as Promise<BridgeResult<DiskSpace>>,
  writeBackup: (request: WriteBackupRequest) =>
    ipcRenderer.invoke(ch.writeBackup, request) as Promise<BridgeResult<WriteBackupResult>>,
  backupOpen: (request: BackupOpenRequest) =>
    ipcRenderer.invoke(ch.backupOpen, request) as Promise<BridgeResult<BackupSession>>,
  backupWrite: (request: BackupWriteRequest) =>
    ipcRenderer.invoke(ch.backupWrite, request) as Promise<BridgeResult<{ bytes: number }>>,
  backupCommit: (request: BackupSessionRequest) =>
    ipcRenderer.invoke(ch.backupCommit, request) as Promise<BridgeResult<WriteBackupResult>>,
  backupAbort: (request: BackupSessionRequest) =>
    ipcRenderer.invoke(ch.backupAbort, request) as Promise<BridgeResult<null>>,
  getBackupFolder: () => ipcRenderer.invoke(ch.getBackupFolder) as Promise<BackupFolderInfo>,
  chooseBackupFolder: () =>
    ipcRenderer.invoke(ch.chooseBackupFolder) as Promise<BridgeResult<BackupFolderInfo>>,
  waitForExit: () => ipcRenderer.invoke(ch.waitForExit) as Promise<void>,
  exitBackupDone: () => ipcRenderer.invoke(ch.exitBackupDone) as Promise<void>,
  exportOpen: (request: ExportOpenRequest) =>
    ipcRenderer.invoke(ch.exportOpen, request) as Promise<BridgeResult<ExportSession>>,
  exportWrite: (request: ExportWriteRequest) =>
    ipcRenderer.invoke(ch.exportWrite, request) as Promise<BridgeResult<{ bytes: number }>>,
  exportRead: (request: ExportReadRequest) =>
    ipcRenderer.invoke(ch.exportRead, request) as Promise<BridgeResult<Uint8Array>>,
  exportCommit: (request: ExportSessionRequest) =>
    ipcRenderer.invoke(ch.exportCommit, request) as Promise<BridgeResult<SaveBundleResult>>,
  exportAbort: (request: ExportSessionRequest) =>
    ipcRenderer.invoke(ch.exportAbort, request) as Promise<BridgeResult<null>>,
} satisfies SohoaBridge;

contextBridge.exposeInMainWorld('sohoa', bridge);

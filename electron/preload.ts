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
  InstallationIdentity,
  RenameInstallationRequest,
  SaveBundleRequest,
  SaveBundleResult,
  SignHeaderRequest,
  SohoaBridge,
  WriteBackupRequest,
  WriteBackupResult,
} from '../shared/bridge';
import type {
  AuditHeadOnFile,
  AuditHeadWrite,
  DesktopSession,
  HandOverRequest,
  HandOverResult,
  OfficerResult,
  OfficerSummary,
  SaveOfficerRequest,
  SessionTokenRequest,
  SetUpRequest,
  SignInAnswer,
  SignInRequest,
} from '../shared/officer-bridge';

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
  getInstallationIdentity: 'installation:get-identity',
  signHeader: 'installation:sign-header',
  renameInstallation: 'installation:rename',
  officersList: 'officers:list',
  officersSetUp: 'officers:set-up',
  officersHandOver: 'officers:hand-over',
  officersSave: 'officers:save',
  sessionSignIn: 'session:sign-in',
  sessionCurrent: 'session:current',
  sessionSignOut: 'session:sign-out',
  auditReadHead: 'audit:read-head',
  auditWriteHead: 'audit:write-head',
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
  getInstallationIdentity: () =>
    ipcRenderer.invoke(ch.getInstallationIdentity) as Promise<BridgeResult<InstallationIdentity>>,
  signHeader: (request: SignHeaderRequest) =>
    ipcRenderer.invoke(ch.signHeader, request) as Promise<BridgeResult<Uint8Array>>,
  renameInstallation: (request: RenameInstallationRequest) =>
    ipcRenderer.invoke(ch.renameInstallation, request) as Promise<
      BridgeResult<InstallationIdentity>
    >,
  officersList: () => ipcRenderer.invoke(ch.officersList) as Promise<OfficerSummary[]>,
  officersSetUp: (request: SetUpRequest) =>
    ipcRenderer.invoke(ch.officersSetUp, request) as Promise<OfficerResult<DesktopSession>>,
  officersHandOver: (request: HandOverRequest) =>
    ipcRenderer.invoke(ch.officersHandOver, request) as Promise<OfficerResult<HandOverResult>>,
  officersSave: (request: SaveOfficerRequest) =>
    ipcRenderer.invoke(ch.officersSave, request) as Promise<OfficerResult<OfficerSummary>>,
  sessionSignIn: (request: SignInRequest) =>
    ipcRenderer.invoke(ch.sessionSignIn, request) as Promise<SignInAnswer>,
  sessionCurrent: () => ipcRenderer.invoke(ch.sessionCurrent) as Promise<DesktopSession | null>,
  sessionSignOut: (request: SessionTokenRequest) =>
    ipcRenderer.invoke(ch.sessionSignOut, request) as Promise<void>,
  auditReadHead: (request: { database: string }) =>
    ipcRenderer.invoke(ch.auditReadHead, request) as Promise<AuditHeadOnFile | null>,
  auditWriteHead: (request: AuditHeadWrite) =>
    ipcRenderer.invoke(ch.auditWriteHead, request) as Promise<boolean>,
} satisfies SohoaBridge;

contextBridge.exposeInMainWorld('sohoa', bridge);

// Exposes exactly one object, window.sohoa, with one function per use case. A sandboxed
// preload can only require('electron'), so everything from shared/ is imported as types.
import { contextBridge, ipcRenderer } from 'electron';
import type { channels, SohoaBridge } from '../shared/bridge';

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

/**
 * One function per channel, each passing its one request (or none) through untouched and
 * answering what main answers; shared/bridge.ts gives each its request and answer types. Built
 * from the list above, so the functions and the channels cannot drift apart.
 */
const bridge = Object.fromEntries(
  Object.entries(ch).map(([name, channel]) => [
    name,
    (request?: unknown) =>
      request === undefined ? ipcRenderer.invoke(channel) : ipcRenderer.invoke(channel, request),
  ]),
) as unknown as SohoaBridge;

contextBridge.exposeInMainWorld('sohoa', bridge);

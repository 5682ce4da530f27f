// Exposes exactly one object, window.sohoa, with one function per row of the bridge's contract
// (shared/bridge-contract.ts). A sandboxed preload can only require('electron'), so the
// contract is imported as types only.
import { contextBridge, ipcRenderer } from 'electron';
import type { ChannelNames, SohoaBridge } from '../shared/bridge-contract';

// Spelled out because the contract (zod schemas) cannot be loaded here; the type pins each
// literal to its row, so a row added, renamed or removed fails the typecheck, not the app.
const ch: ChannelNames = {
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
 * answering what main answers; the contract gives each its request and answer types. Built
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

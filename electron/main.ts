// App lifecycle and wiring only: one instance, one locked-down window showing the renderer
// from app://sohoa. Policies live in security.ts, window.ts, session-guards.ts and ipc/.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session } from 'electron';
import { createAppProtocolHandler } from './app-protocol';
import { refuseDebugSwitches } from './debug-switches';
import { mainTexts } from './main-text';
import { readAppInfo } from './ipc/app-info';
import {
  createBackupFolderPicker,
  createBackupService,
  createExitGate,
  createFolderSettingFile,
} from './ipc/backups';
import { createAuditHeadService } from './ipc/audit-head';
import { createFolderPicker } from './ipc/files';
import { createInstallationKey } from './ipc/installation-key';
import { createJsonFile } from './ipc/json-file';
import { createOfficerService } from './ipc/officers';
import type { ExportSessions } from './ipc/export-session';
import { registerIpcHandlers } from './ipc/register-handlers';
import { readDiskSpace } from './ipc/storage';
import { APP_ENTRY_URL, APP_SCHEME, getAllowedOrigins, parseDevOrigin } from './security';
import { lockDownSession } from './session-guards';
import { chooseWindowBounds, createWindowOptions, lockDownWebContents } from './window';

// main.js is emitted to dist-electron/electron/, next to preload.js; vite builds to dist/.
const DIST_ROOT = path.join(__dirname, '..', '..', 'dist');
const PRELOAD_PATH = path.join(__dirname, 'preload.js');

// Must happen before 'ready'. standard + secure give app://sohoa a real, stable origin
// (IndexedDB, module workers, fetch); corsEnabled and bypassCSP stay off on purpose.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: {
      standard: true,
      secure: true,
      supportFetchAPI: true,
      stream: true,
      codeCache: true,
    },
  },
]);

// A packaged build never loads a dev server, whatever the environment says.
const devUrlSetting = app.isPackaged ? undefined : process.env['SOHOA_DEV_URL'];
const devOrigin = parseDevOrigin(devUrlSetting);
if (devUrlSetting !== undefined && devOrigin === null) {
  console.warn(`SOHOA_DEV_URL ignored (only http(s)://localhost is allowed): ${devUrlSetting}`);
}
const startUrl = devOrigin === null ? APP_ENTRY_URL : (devUrlSetting ?? '').trim();
const allowedOrigins = getAllowedOrigins(devOrigin);

let mainWindow: BrowserWindow | null = null;
// The renderer writes a backup when the officer closes the window; the close waits for it.
const exitGate = createExitGate();
let exportSessions: ExportSessions | null = null;

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function createMainWindow(): Promise<void> {
  const bounds = chooseWindowBounds(screen.getPrimaryDisplay().workAreaSize);
  const window = new BrowserWindow(
    createWindowOptions(PRELOAD_PATH, { bounds, devTools: !app.isPackaged }),
  );
  mainWindow = window;
  window.once('ready-to-show', () => {
    if (bounds.maximize) window.maximize();
    window.show();
  });
  window.on('close', (event) => {
    if (exitGate.hold(() => window.close())) event.preventDefault();
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  await window.loadURL(startUrl);
  if (devOrigin !== null) window.webContents.openDevTools({ mode: 'detach' });
}

async function start(): Promise<void> {
  // The default menu is English and its Help items open websites.
  Menu.setApplicationMenu(null);
  lockDownSession(session.defaultSession, allowedOrigins);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(DIST_ROOT));
  exportSessions = registerIpcHandlers(ipcMain, {
    allowedOrigins,
    // A handler answering off the contract fails loudly while the app is being developed.
    checkAnswers: !app.isPackaged,
    getAppInfo: () => readAppInfo(app),
    pickFolder: createFolderPicker(dialog, () => mainWindow),
    // IndexedDB lives in the profile under userData: that disk is the one that can fill up.
    getDiskSpace: () => readDiskSpace((folder) => fs.statfs(folder), app.getPath('userData')),
    backups: createBackupService({
      documentsPath: app.getPath('documents'),
      setting: createFolderSettingFile(path.join(app.getPath('userData'), 'backup-settings.json')),
      pickFolder: createBackupFolderPicker(dialog, () => mainWindow),
      freeBytes: async (folder) => {
        const stats = await fs.statfs(folder).catch(() => null);
        return stats ? stats.bavail * stats.bsize : null;
      },
    }),
    exitGate,
    // The key that signs this installation's backups and work packages stays in main.
    installationKey: createInstallationKey(
      path.join(app.getPath('userData'), 'installation-key.json'),
    ),
    officers: createOfficerService({
      file: createJsonFile(path.join(app.getPath('userData'), 'officers.json')),
    }),
    auditHead: createAuditHeadService(
      createJsonFile(path.join(app.getPath('userData'), 'audit-head.json')),
    ),
  });
  await createMainWindow();
}

function failToStart(error: unknown): void {
  console.error('SoHoa failed to start', error);
  // No page has said which language the officer uses: Vietnamese, then English.
  const { vi, en } = mainTexts;
  dialog.showErrorBox(
    `${vi.startFailedTitle} / ${en.startFailedTitle}`,
    `${vi.startFailed}\n\n${en.startFailed}`,
  );
  app.quit();
}

// A packaged build opened with --remote-debugging-port and the like says why and exits.
const mayStart = refuseDebugSwitches({
  isPackaged: app.isPackaged,
  argv: process.argv,
  hasSwitch: (name) => app.commandLine.hasSwitch(name),
  showError: (title, message) => dialog.showErrorBox(title, message),
  exit: (code) => app.exit(code),
});

if (!mayStart || !app.requestSingleInstanceLock()) {
  // Two instances would share one IndexedDB; the first one keeps the window.
  app.quit();
} else {
  app.enableSandbox();
  if (process.platform === 'win32') app.setAppUserModelId('vn.sohoa.app');

  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => {
    lockDownWebContents(contents, allowedOrigins);
  });
  app.on('window-all-closed', () => {
    // An export cut off by closing the window leaves no temp file behind.
    void (exportSessions?.abortAll() ?? Promise.resolve()).finally(() => {
      if (process.platform !== 'darwin') app.quit();
    });
  });
  app.on('activate', () => {
    if (mainWindow === null && app.isReady()) createMainWindow().catch(failToStart);
  });

  app.whenReady().then(start).catch(failToStart);
}

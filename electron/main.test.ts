import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channels } from '../shared/bridge-contract';

type Listener = (...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const appListeners = new Map<string, Listener>();
  let resolveReady: () => void = () => undefined;

  class FakeWindow {
    static instances: FakeWindow[] = [];
    readonly listeners = new Map<string, Listener>();
    readonly webContents = { openDevTools: vi.fn() };
    readonly loadURL = vi.fn((_url: string) => Promise.resolve());
    readonly maximize = vi.fn();
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    minimized = false;
    constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
      FakeWindow.instances.push(this);
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    once(event: string, listener: Listener): this {
      this.listeners.set(event, listener);
      return this;
    }
    on(event: string, listener: Listener): this {
      this.listeners.set(event, listener);
      return this;
    }
  }

  const app = {
    isPackaged: true,
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    exit: vi.fn(),
    commandLine: { hasSwitch: vi.fn((_name: string) => false) },
    enableSandbox: vi.fn(),
    setAppUserModelId: vi.fn(),
    isReady: vi.fn(() => true),
    getName: () => 'SoHoa',
    getVersion: () => '0.1.0',
    getPath: vi.fn((name: string) => `/home/officer/${name}`),
    on: vi.fn((event: string, listener: Listener) => {
      appListeners.set(event, listener);
    }),
    whenReady: vi.fn(
      () =>
        new Promise<void>((resolve) => {
          resolveReady = resolve;
        }),
    ),
  };

  return {
    appListeners,
    ready: () => resolveReady(),
    FakeWindow,
    module: {
      app,
      BrowserWindow: FakeWindow,
      dialog: { showOpenDialog: vi.fn(), showErrorBox: vi.fn() },
      ipcMain: { handle: vi.fn() },
      Menu: { setApplicationMenu: vi.fn() },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      screen: { getPrimaryDisplay: () => ({ workAreaSize: { width: 1366, height: 728 } }) },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn(),
          setPermissionCheckHandler: vi.fn(),
          setDevicePermissionHandler: vi.fn(),
          on: vi.fn(),
          webRequest: { onBeforeRequest: vi.fn() },
        },
      },
    },
  };
});

vi.mock('electron', () => electron.module);

const { app, protocol, ipcMain, session, Menu } = electron.module;

async function startMain(): Promise<InstanceType<typeof electron.FakeWindow> | undefined> {
  await import('./main');
  electron.ready();
  // The start-up reads files on the way: give a busy machine time, not a fixed second.
  await vi.waitFor(
    () => {
      expect(electron.FakeWindow.instances[0]?.loadURL).toHaveBeenCalled();
    },
    { timeout: 20_000 },
  );
  return electron.FakeWindow.instances[0];
}

beforeEach(() => {
  vi.resetModules();
  vi.clearAllMocks();
  electron.appListeners.clear();
  electron.FakeWindow.instances = [];
  app.isPackaged = true;
  app.requestSingleInstanceLock.mockReturnValue(true);
  app.commandLine.hasSwitch.mockReturnValue(false);
  vi.stubEnv('SOHOA_DEV_URL', undefined);
});

afterEach(() => {
  vi.unstubAllEnvs();
  process.argv = originalArgv;
});

const originalArgv = [...process.argv];

describe('main process', () => {
  it('registers app:// as a privileged scheme before the app is ready', async () => {
    await import('./main');
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: expect.objectContaining({
          standard: true,
          secure: true,
          supportFetchAPI: true,
          stream: true,
        }) as unknown,
      },
    ]);
    const [privileged] = protocol.registerSchemesAsPrivileged.mock.calls[0] as [
      { privileges: Record<string, unknown> }[],
    ];
    expect(privileged[0]?.privileges).not.toHaveProperty('bypassCSP', true);
    expect(privileged[0]?.privileges).not.toHaveProperty('corsEnabled', true);
    // Nothing that needs 'ready' has run yet.
    expect(protocol.handle).not.toHaveBeenCalled();
    expect(electron.FakeWindow.instances).toHaveLength(0);
  });

  it('quits at once when another instance already runs', async () => {
    app.requestSingleInstanceLock.mockReturnValue(false);
    await import('./main');
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(electron.appListeners.has('second-instance')).toBe(false);
  });

  it('once ready: locks the session, serves app://, wires IPC and opens the locked window', async () => {
    const window = await startMain();
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(session.defaultSession.webRequest.onBeforeRequest).toHaveBeenCalled();
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const registered = ipcMain.handle.mock.calls.map(([channel]) => channel as unknown);
    expect(registered.sort()).toEqual(Object.values(channels).sort());

    expect(window?.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      devTools: false,
    });
    expect(String(window?.options.webPreferences?.['preload'])).toMatch(/preload\.js$/);
    expect(window?.loadURL).toHaveBeenCalledWith('app://sohoa/index.html');
    expect(window?.webContents.openDevTools).not.toHaveBeenCalled();
  });

  it('shows the window maximised on a 1366×768 screen once it has painted', async () => {
    const window = await startMain();
    expect(window?.show).not.toHaveBeenCalled();
    window?.listeners.get('ready-to-show')?.();
    expect(window?.maximize).toHaveBeenCalled();
    expect(window?.show).toHaveBeenCalled();
  });

  it('locks down every web contents the app creates', async () => {
    await import('./main');
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    electron.appListeners.get('web-contents-created')?.({}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    const events = contents.on.mock.calls.map(([event]) => event as unknown);
    expect(events).toEqual(expect.arrayContaining(['will-navigate', 'will-attach-webview']));
  });

  it('brings the existing window back when a second instance starts', async () => {
    const window = await startMain();
    if (window) window.minimized = true;
    electron.appListeners.get('second-instance')?.();
    expect(window?.restore).toHaveBeenCalled();
    expect(window?.focus).toHaveBeenCalled();
  });

  it('loads SOHOA_DEV_URL in development', async () => {
    app.isPackaged = false;
    vi.stubEnv('SOHOA_DEV_URL', 'http://localhost:5173');
    const window = await startMain();
    expect(window?.loadURL).toHaveBeenCalledWith('http://localhost:5173');
    expect(window?.options.webPreferences?.['devTools']).toBe(true);
  });

  it('ignores SOHOA_DEV_URL in a packaged build', async () => {
    vi.stubEnv('SOHOA_DEV_URL', 'http://localhost:5173');
    const window = await startMain();
    expect(window?.loadURL).toHaveBeenCalledWith('app://sohoa/index.html');
  });

  it('ignores a SOHOA_DEV_URL that points off this machine', async () => {
    app.isPackaged = false;
    vi.stubEnv('SOHOA_DEV_URL', 'https://example.com');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const window = await startMain();
    expect(window?.loadURL).toHaveBeenCalledWith('app://sohoa/index.html');
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('refuses to start a packaged build opened with --remote-debugging-port', async () => {
    process.argv = ['C:\\SoHoa\\SoHoa.exe', '--remote-debugging-port=9222'];
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await import('./main');
    expect(app.exit).toHaveBeenCalledWith(1);
    const [title, message] = electron.module.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toBe('SoHoa không mở được / SoHoa cannot open');
    expect(message).toContain('--remote-debugging-port');
    // Nothing else starts: no lock taken, no window, no IPC.
    expect(app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    error.mockRestore();
  });

  it('refuses a switch Chromium parsed from elsewhere (app.commandLine)', async () => {
    app.commandLine.hasSwitch.mockImplementation(
      (name: string) => name === 'remote-debugging-pipe',
    );
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await import('./main');
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(app.whenReady).not.toHaveBeenCalled();
    error.mockRestore();
  });

  it('keeps the debugging switches in development', async () => {
    app.isPackaged = false;
    process.argv = ['electron', '.', '--remote-debugging-port=9222'];
    const window = await startMain();
    expect(app.exit).not.toHaveBeenCalled();
    expect(window?.loadURL).toHaveBeenCalled();
  });
});

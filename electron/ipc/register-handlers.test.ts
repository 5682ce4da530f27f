import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { bridgeContract, channels } from '../../shared/bridge-contract';
import type { AppInfo } from '../../shared/bridge';
import { getAllowedOrigins } from '../security';
import { createAuditHeadService } from './audit-head';
import { BackupWrites } from './backup-session';
import { createExitGate } from './backups';
import { createOfficerService } from './officers';
import { isTrustedSender, registerIpcHandlers } from './register-handlers';
import type { InvokeEvent, IpcDeps, IpcMainLike } from './register-handlers';

vi.mock('electron', () => ({}));

type Listener = Parameters<IpcMainLike['handle']>[1];

function createFakeIpcMain(): IpcMainLike & { listeners: Map<string, Listener> } {
  const listeners = new Map<string, Listener>();
  return {
    listeners,
    handle(channel, listener) {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`);
      listeners.set(channel, listener);
    },
  };
}

const info: AppInfo = { name: 'SoHoa', version: '0.1.0', platform: 'win32', isPackaged: true };
const appFrame = (url = 'app://sohoa/index.html'): InvokeEvent => ({
  senderFrame: { url, parent: null },
});

const space = { free: 5 * 1024 ** 3, total: 100 * 1024 ** 3 };

const identity = {
  installationId: 'pc-1',
  name: '',
  publicKey: 'BASE64',
  fingerprint: '00000 00000 00000 00000 00001',
};

function memoryFile() {
  let stored: unknown = null;
  return {
    read: () => Promise.resolve(stored),
    write: (value: unknown) => {
      stored = structuredClone(value);
      return Promise.resolve();
    },
  };
}

function setUp(
  pickFolder = vi.fn(() => Promise.resolve<string | null>(null)),
  overrides: Partial<IpcDeps> = {},
) {
  const ipcMain = createFakeIpcMain();
  const signHeader = vi.fn((_payload: unknown) =>
    Promise.resolve({ ok: true as const, value: new Uint8Array(64) }),
  );
  const officers = createOfficerService({ file: memoryFile(), iterations: 1000 });
  const getDiskSpace = vi.fn(() => Promise.resolve({ ok: true as const, value: space }));
  registerIpcHandlers(ipcMain, {
    allowedOrigins: getAllowedOrigins(null),
    getAppInfo: () => info,
    pickFolder,
    getDiskSpace,
    backups: {
      getFolder: () => Promise.resolve({ folder: '/tmp/sao-luu', isDefault: true }),
      chooseFolder: () => Promise.resolve({ ok: true, value: { folder: '/x', isDefault: false } }),
      write: () => Promise.resolve({ ok: true, value: { path: '/x/a.sohoa', removed: [] } }),
      pieces: new BackupWrites({
        getFolder: () => Promise.resolve('/tmp/sao-luu'),
        freeBytes: () => Promise.resolve(null),
      }),
    },
    exitGate: createExitGate(),
    installationKey: {
      identity: () => Promise.resolve({ ok: true, value: identity }),
      signHeader,
      rename: () => Promise.resolve({ ok: true, value: identity }),
    },
    officers,
    auditHead: createAuditHeadService(memoryFile()),
    // Every answer in these tests is checked against the contract.
    checkAnswers: true,
    ...overrides,
  });
  // Like ipcRenderer.invoke: a handler that throws becomes a rejected promise.
  const invoke = (channel: string, event: InvokeEvent, ...args: unknown[]): Promise<unknown> =>
    new Promise((resolve) => {
      const listener = ipcMain.listeners.get(channel);
      if (!listener) throw new Error(`no handler for ${channel}`);
      resolve(listener(event, ...args));
    });
  const signIn = () =>
    officers.setUp({
      officer: { id: 'admin-1', name: 'Nguyễn Văn An', role: 'admin', active: true },
      pin: '2468',
    });
  return { ipcMain, invoke, pickFolder, getDiskSpace, signHeader, signIn };
}

const invoke = (harness: ReturnType<typeof setUp>, channel: string) =>
  harness.invoke(channel, appFrame());

describe('registerIpcHandlers', () => {
  it('registers exactly the rows of the contract', () => {
    const { ipcMain } = setUp();
    const rows = Object.values(bridgeContract).map((row) => row.channel);
    expect([...ipcMain.listeners.keys()].sort()).toEqual(rows.sort());
    expect(Object.values(channels).sort()).toEqual(rows.sort());
  });

  it('checks each request against its row before the handler sees it', async () => {
    const { invoke, signHeader } = setUp();
    expect(await invoke(channels.signHeader, appFrame(), { bytes: 'not bytes' })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-request',
        params: { detail: expect.stringContaining('bytes') as unknown },
      },
    });
    expect(await invoke(channels.backupAbort, appFrame(), { sessionId: '../x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(signHeader).not.toHaveBeenCalled();
    const request = { bytes: new Uint8Array([1]) };
    await invoke(channels.signHeader, appFrame(), request);
    expect(signHeader).toHaveBeenCalledWith(request);
  });

  it('refuses an answer that breaks the contract where answers are checked', async () => {
    const wrong = () => ({ name: 'SoHoa', version: 1 }) as unknown as AppInfo;
    const checked = setUp(undefined, { getAppInfo: wrong });
    await expect(invoke(checked, channels.getAppInfo)).rejects.toThrow(/breaks the contract/);
    const unchecked = setUp(undefined, { getAppInfo: wrong, checkAnswers: false });
    expect(await invoke(unchecked, channels.getAppInfo)).toEqual({ name: 'SoHoa', version: 1 });
    const refusal = setUp(undefined, {
      getDiskSpace: () =>
        Promise.resolve({ ok: false, error: { code: 'disk-space-unknown', params: {} } }),
    });
    expect(await invoke(refusal, channels.getDiskSpace)).toMatchObject({ ok: false });
  });

  it('answers getAppInfo to the app page, ignoring any payload', async () => {
    const { invoke } = setUp();
    expect(await invoke(channels.getAppInfo, appFrame())).toEqual(info);
    expect(await invoke(channels.getAppInfo, appFrame(), { evil: true }, 'x')).toEqual(info);
  });

  it('answers getDiskSpace to the app page, ignoring any payload', async () => {
    const { invoke, getDiskSpace } = setUp();
    expect(await invoke(channels.getDiskSpace, appFrame(), '/etc', { path: '..' })).toEqual({
      ok: true,
      value: space,
    });
    expect(getDiskSpace).toHaveBeenCalledWith();
  });

  it('validates the saveBundle payload before opening any dialog', async () => {
    const { invoke, pickFolder, signIn } = setUp();
    await signIn();
    const result = await invoke(channels.saveBundle, appFrame(), { folderName: '../x', files: [] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(pickFolder).not.toHaveBeenCalled();
  });

  it('saves a bundle end to end into the picked folder', async () => {
    const parent = await fs.mkdtemp(path.join(os.tmpdir(), 'sohoa-ipc-'));
    try {
      const { invoke, signIn } = setUp(vi.fn(() => Promise.resolve<string | null>(parent)));
      await signIn();
      const result = await invoke(channels.saveBundle, appFrame('app://sohoa/#/export'), {
        folderName: 'Bo',
        files: [{ name: 'a.xlsx', data: new Uint8Array([1, 2, 3]) }],
      });
      expect(result).toEqual({
        ok: true,
        value: { folder: path.join(parent, 'Bo'), files: [{ name: 'a.xlsx', bytes: 3 }] },
      });
    } finally {
      await fs.rm(parent, { recursive: true, force: true });
    }
  });

  it.each([
    ['another origin', { senderFrame: { url: 'https://example.com/', parent: null } }],
    ['a file: page', { senderFrame: { url: 'file:///C:/evil.html', parent: null } }],
    ['a sub-frame of the app', { senderFrame: { url: 'app://sohoa/index.html', parent: {} } }],
    ['a destroyed frame', { senderFrame: null }],
    [
      'the dev server in a packaged build',
      { senderFrame: { url: 'http://localhost:5173/', parent: null } },
    ],
  ] satisfies [string, InvokeEvent][])('rejects calls from %s', async (_label, event) => {
    const { invoke, pickFolder, getDiskSpace } = setUp();
    await expect(invoke(channels.getAppInfo, event)).rejects.toThrow(/untrusted/);
    await expect(invoke(channels.getDiskSpace, event)).rejects.toThrow(/untrusted/);
    expect(getDiskSpace).not.toHaveBeenCalled();
    await expect(
      invoke(channels.saveBundle, event, {
        folderName: 'Bo',
        files: [{ name: 'a', data: new Uint8Array() }],
      }),
    ).rejects.toThrow(/untrusted/);
    await expect(
      invoke(channels.exportOpen, event, { folderName: 'Bo', fileNames: ['a.zip'] }),
    ).rejects.toThrow(/untrusted/);
    expect(pickFolder).not.toHaveBeenCalled();
  });
});

describe('files leaving the app', () => {
  it('need an officer signed in in main, whatever the page says', async () => {
    // The officer cancels the folder dialog: what matters is whether it opens at all.
    const { invoke, pickFolder, signIn } = setUp();
    const bundle = { folderName: 'Bo', files: [{ name: 'a.xlsx', data: new Uint8Array([1]) }] };
    expect(await invoke(channels.saveBundle, appFrame(), bundle)).toMatchObject({
      ok: false,
      error: { code: 'not-signed-in', params: {} },
    });
    expect(
      await invoke(channels.exportOpen, appFrame(), { folderName: 'Bo', fileNames: ['a.zip'] }),
    ).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
    expect(pickFolder).not.toHaveBeenCalled();
    const session = await signIn();
    expect(await invoke(channels.saveBundle, appFrame(), bundle)).toMatchObject({
      ok: false,
      error: { code: 'cancelled' },
    });
    expect(pickFolder).toHaveBeenCalled();
    if (session.ok)
      await invoke(channels.sessionSignOut, appFrame(), { token: session.value.token });
    pickFolder.mockClear();
    expect(await invoke(channels.saveBundle, appFrame(), bundle)).toMatchObject({ ok: false });
    expect(pickFolder).not.toHaveBeenCalled();
  });
});

describe('backup channels', () => {
  it('answer the app page and refuse any other frame', async () => {
    const { invoke } = setUp();
    expect(await invoke(channels.getBackupFolder, appFrame())).toEqual({
      folder: '/tmp/sao-luu',
      isDefault: true,
    });
    const other: InvokeEvent = { senderFrame: { url: 'https://example.com/', parent: null } };
    for (const channel of [
      channels.writeBackup,
      channels.backupOpen,
      channels.backupWrite,
      channels.backupCommit,
      channels.backupAbort,
      channels.getBackupFolder,
      channels.chooseBackupFolder,
      channels.waitForExit,
      channels.exitBackupDone,
    ]) {
      await expect(invoke(channel, other, {})).rejects.toThrow(/untrusted/);
    }
  });
});

describe('installation key channels', () => {
  it('answer the app page and refuse any other frame without signing', async () => {
    const { invoke, signHeader } = setUp();
    expect(await invoke(channels.getInstallationIdentity, appFrame())).toEqual({
      ok: true,
      value: identity,
    });
    const request = { bytes: new Uint8Array([1, 2, 3]) };
    await invoke(channels.signHeader, appFrame(), request);
    expect(signHeader).toHaveBeenLastCalledWith(request);
    const other: InvokeEvent = { senderFrame: { url: 'https://example.com/', parent: null } };
    for (const channel of [
      channels.getInstallationIdentity,
      channels.signHeader,
      channels.renameInstallation,
    ]) {
      await expect(invoke(channel, other, request)).rejects.toThrow(/untrusted/);
    }
    expect(signHeader).toHaveBeenCalledOnce();
  });
});

describe('isTrustedSender', () => {
  it('trusts the dev server page only when it is an allowed origin', () => {
    const event: InvokeEvent = { senderFrame: { url: 'http://localhost:5173/', parent: null } };
    expect(isTrustedSender(event, getAllowedOrigins('http://localhost:5173'))).toBe(true);
    expect(isTrustedSender(event, getAllowedOrigins(null))).toBe(false);
  });
});

describe('officer and session channels', () => {
  const other: InvokeEvent = { senderFrame: { url: 'https://example.com/', parent: null } };
  const admin = { id: 'admin-1', name: 'Nguyễn Văn An', role: 'admin', active: true };

  it('sign in through the bridge; the page gets a token and never a digest', async () => {
    const { invoke } = setUp();
    const set = (await invoke(channels.officersSetUp, appFrame(), {
      officer: admin,
      pin: '2468',
    })) as { ok: true; value: { token: string } };
    expect(set.ok).toBe(true);
    expect(set.value.token).toMatch(/^[0-9a-f]{64}$/);
    expect(await invoke(channels.sessionCurrent, appFrame())).toMatchObject({
      officerId: 'admin-1',
      role: 'admin',
    });
    const listed = await invoke(channels.officersList, appFrame());
    expect(JSON.stringify(listed)).not.toMatch(/hash|salt|PBKDF2/);
    expect(listed).toEqual([{ ...admin, hasPin: true }]);
  });

  it('reject malformed requests and every frame but the app page', async () => {
    const { invoke } = setUp();
    await expect(
      invoke(channels.sessionSignIn, appFrame(), { officerId: '../x', pin: '1234' }),
    ).rejects.toThrow(/Invalid request/);
    await expect(
      invoke(channels.auditWriteHead, appFrame(), { database: 'sohoa', count: -1, hash: 'x' }),
    ).rejects.toThrow(/Invalid request/);
    for (const channel of [
      channels.officersList,
      channels.officersSetUp,
      channels.officersHandOver,
      channels.officersSave,
      channels.sessionSignIn,
      channels.sessionCurrent,
      channels.sessionSignOut,
      channels.auditReadHead,
      channels.auditWriteHead,
    ]) {
      await expect(invoke(channel, other, {})).rejects.toThrow(/untrusted/);
    }
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { bridgeContract, channels } from '../shared/bridge-contract';
import type { SohoaBridge } from '../shared/bridge';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn<(key: string, api: unknown) => void>() },
  ipcRenderer: {
    invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(),
    send: vi.fn(),
    on: vi.fn(),
  },
}));

vi.mock('electron', () => electron);

let bridge: SohoaBridge;

beforeAll(async () => {
  await import('./preload');
  const [call] = electron.contextBridge.exposeInMainWorld.mock.calls;
  bridge = call?.[1] as SohoaBridge;
});

describe('preload', () => {
  it('exposes exactly one object, window.sohoa, with exactly the bridge functions', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(electron.contextBridge.exposeInMainWorld.mock.calls[0]?.[0]).toBe('sohoa');
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(channels).sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('sends every function on its row of the contract, a request untouched, none when it takes none', async () => {
    for (const [key, row] of Object.entries(bridgeContract)) {
      electron.ipcRenderer.invoke.mockResolvedValueOnce(null);
      const call = bridge[key as keyof SohoaBridge] as (request?: unknown) => Promise<unknown>;
      const request = { sent: key };
      await (row.request === null ? call() : call(request));
      expect(electron.ipcRenderer.invoke.mock.lastCall).toEqual(
        row.request === null ? [row.channel] : [row.channel, request],
      );
      if (row.request !== null)
        expect(electron.ipcRenderer.invoke.mock.lastCall?.[1]).toBe(request);
    }
  });

  it('does not leak ipcRenderer or a generic send', () => {
    const exposed = Object.values(bridge) as unknown[];
    expect(exposed).not.toContain(electron.ipcRenderer);
    expect(exposed).not.toContain(electron.ipcRenderer.invoke);
    expect(exposed).not.toContain(electron.ipcRenderer.send);
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
  });

  it('sends getAppInfo on its channel, with no payload', async () => {
    const info = { name: 'SoHoa', version: '0.1.0', platform: 'win32', isPackaged: true };
    electron.ipcRenderer.invoke.mockResolvedValueOnce(info);
    await expect(bridge.getAppInfo()).resolves.toEqual(info);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(channels.getAppInfo);
  });

  it('sends saveBundle on its channel, passing the request through untouched', async () => {
    const request = { folderName: 'Bo', files: [{ name: 'a.pdf', data: new Uint8Array([1]) }] };
    const answer = { ok: false, error: { code: 'cancelled', message: 'Đã huỷ' } };
    electron.ipcRenderer.invoke.mockResolvedValueOnce(answer);
    await expect(bridge.saveBundle(request)).resolves.toEqual(answer);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(channels.saveBundle, request);
    expect(electron.ipcRenderer.invoke.mock.lastCall?.[1]).toBe(request);
  });

  it('asks for the disk space on its channel, with no payload', async () => {
    const answer = { ok: true, value: { free: 1, total: 2 } };
    electron.ipcRenderer.invoke.mockResolvedValueOnce(answer);
    await expect(bridge.getDiskSpace()).resolves.toEqual(answer);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(channels.getDiskSpace);
  });

  it('sends the backup calls on their channels, the backup request untouched', async () => {
    const request = {
      fileName: 'sohoa-sao-luu-20261121-0700.sohoa',
      data: new Uint8Array([1]),
      keep: 10,
    };
    electron.ipcRenderer.invoke.mockResolvedValue(undefined);
    await bridge.writeBackup(request);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(channels.writeBackup, request);
    expect(electron.ipcRenderer.invoke.mock.lastCall?.[1]).toBe(request);
    const piece = { sessionId: '0b6f4b8e-3c1a-4f6e-9a53-1f2d3c4b5a69', data: new Uint8Array([2]) };
    const session = { sessionId: piece.sessionId };
    const open = { fileName: request.fileName, bytes: 1, keep: 10 };
    for (const [call, channel, sent] of [
      [() => bridge.backupOpen(open), channels.backupOpen, open],
      [() => bridge.backupWrite(piece), channels.backupWrite, piece],
      [() => bridge.backupCommit(session), channels.backupCommit, session],
      [() => bridge.backupAbort(session), channels.backupAbort, session],
    ] as const) {
      await call();
      expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(channel, sent);
    }
    for (const [call, channel] of [
      [() => bridge.getBackupFolder(), channels.getBackupFolder],
      [() => bridge.chooseBackupFolder(), channels.chooseBackupFolder],
      [() => bridge.waitForExit(), channels.waitForExit],
      [() => bridge.exitBackupDone(), channels.exitBackupDone],
    ] as const) {
      await call();
      expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(channel);
    }
    electron.ipcRenderer.invoke.mockReset();
  });

  it('sends each streamed-export call on its own channel', async () => {
    const sessionId = '00000000-0000-4000-8000-000000000000';
    const calls: [(request: never) => Promise<unknown>, string, unknown][] = [
      [
        (r) => bridge.exportOpen(r),
        channels.exportOpen,
        { folderName: 'Bo', fileNames: ['a.zip'] },
      ],
      [
        (r) => bridge.exportWrite(r),
        channels.exportWrite,
        { sessionId, fileName: 'a.zip', data: new Uint8Array([1]) },
      ],
      [
        (r) => bridge.exportRead(r),
        channels.exportRead,
        { sessionId, fileName: 'a.zip', offset: 0, length: 1 },
      ],
      [(r) => bridge.exportCommit(r), channels.exportCommit, { sessionId }],
      [(r) => bridge.exportAbort(r), channels.exportAbort, { sessionId }],
    ];
    for (const [call, channel, request] of calls) {
      electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: null });
      await call(request as never);
      expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(channel, request);
    }
  });

  it('requires nothing but electron, as a sandboxed preload must', () => {
    const source = readFileSync(path.join(import.meta.dirname, 'preload.ts'), 'utf8');
    const valueImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map(
      (match) => match[1],
    );
    expect(valueImports).toEqual(['electron']);
  });
});

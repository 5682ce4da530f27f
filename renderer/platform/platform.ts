// What the renderer needs from the outside world. The desktop shell provides it through
// window.sohoa; a plain browser through web APIs. Screens only ever see this interface.
import { diskSpaceSchema } from '../../shared/bridge';
import type {
  AppInfo,
  BridgeResult,
  DiskSpace,
  SaveBundleRequest,
  SaveBundleResult,
  SohoaBridge,
} from '../../shared/bridge';
import {
  createDownloadTarget,
  createFolderTarget,
  downloadFiles,
  ownBuffer,
  type BundleTarget,
  type BundleTargetRequest,
} from './bundle-targets';
import { bridgeErrorText } from '../locales/bridge-error';

/** 'folder': written into a folder the officer picks; 'download': the browser's downloads. */
export type BundleDestination = 'folder' | 'download';

export interface Platform {
  kind: 'desktop' | 'browser';
  getAppInfo(): Promise<AppInfo>;
  /** Saves a few small files at once (backups, work packages); exports stream instead. */
  saveBundle(request: SaveBundleRequest): Promise<BridgeResult<SaveBundleResult>>;
  /** Free space on the data's disk; null where only the browser's own estimate exists. */
  getDiskSpace(): Promise<DiskSpace | null>;
  /** The destinations this platform offers for an export, the preferred one first. */
  bundleDestinations(): BundleDestination[];
  /** Opens a streamed export; asks for the folder when the destination is one. */
  openBundle(
    request: BundleTargetRequest,
    destination: BundleDestination,
  ): Promise<BridgeResult<BundleTarget>>;
}

declare global {
  interface Window {
    sohoa?: SohoaBridge;
    showDirectoryPicker?: (options?: {
      id?: string;
      mode?: 'read' | 'readwrite';
    }) => Promise<FileSystemDirectoryHandle>;
  }
}

function unwrap<T>(result: BridgeResult<T>): T {
  if (!result.ok) throw new Error(bridgeErrorText(result.error));
  return result.value;
}

function desktopTarget(bridge: SohoaBridge, sessionId: string): BundleTarget {
  return {
    async write(fileName, data) {
      unwrap(await bridge.exportWrite({ sessionId, fileName, data: ownBuffer(data) }));
    },
    finish: () => Promise.resolve(),
    async read(fileName, offset, length) {
      return unwrap(await bridge.exportRead({ sessionId, fileName, offset, length }));
    },
    commit: () => bridge.exportCommit({ sessionId }),
    async abort() {
      await bridge.exportAbort({ sessionId });
    },
  };
}

export function createDesktopPlatform(bridge: SohoaBridge): Platform {
  return {
    kind: 'desktop',
    getAppInfo: () => bridge.getAppInfo(),
    saveBundle: (request) => bridge.saveBundle(request),
    async getDiskSpace() {
      const answer = await bridge.getDiskSpace();
      if (!answer.ok) return null;
      const parsed = diskSpaceSchema.safeParse(answer.value);
      return parsed.success ? parsed.data : null;
    },
    bundleDestinations: () => ['folder'],
    async openBundle(request) {
      const opened = await bridge.exportOpen(request);
      return opened.ok
        ? { ok: true, value: desktopTarget(bridge, opened.value.sessionId) }
        : opened;
    },
  };
}

/** A folder through the File System Access API where the browser has it, else downloads. */
export function createBrowserPlatform(version: string): Platform {
  return {
    kind: 'browser',
    getAppInfo: () =>
      Promise.resolve({ name: 'SoHoa', version, platform: 'web', isPackaged: false }),
    getDiskSpace: () => Promise.resolve(null),
    async saveBundle(request) {
      await downloadFiles(
        request.files.map((file) => ({ name: file.name, blob: new Blob([file.data]) })),
      );
      return {
        ok: true,
        value: {
          folder: '',
          files: request.files.map((f) => ({ name: f.name, bytes: f.data.byteLength })),
        },
      };
    },
    bundleDestinations: () =>
      typeof window.showDirectoryPicker === 'function' ? ['folder', 'download'] : ['download'],
    async openBundle(request, destination) {
      if (destination === 'download' || typeof window.showDirectoryPicker !== 'function') {
        return { ok: true, value: createDownloadTarget(request) };
      }
      let picked: FileSystemDirectoryHandle;
      try {
        picked = await window.showDirectoryPicker({ id: 'sohoa-export', mode: 'readwrite' });
      } catch (error) {
        const isCancel = error instanceof DOMException && error.name === 'AbortError';
        return {
          ok: false,
          error: isCancel
            ? { code: 'cancelled', params: {} }
            : { code: 'folder-refused', params: {} },
        };
      }
      try {
        return await createFolderTarget(picked, request);
      } catch (error) {
        return {
          ok: false,
          error: {
            code: 'folder-write-failed',
            params: { detail: error instanceof Error ? error.message : String(error) },
          },
        };
      }
    },
  };
}

export const platform: Platform = window.sohoa
  ? createDesktopPlatform(window.sohoa)
  : createBrowserPlatform(__APP_VERSION__);

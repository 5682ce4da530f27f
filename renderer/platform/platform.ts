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

export interface Platform {
  kind: 'desktop' | 'browser';
  getAppInfo(): Promise<AppInfo>;
  saveBundle(request: SaveBundleRequest): Promise<BridgeResult<SaveBundleResult>>;
  /** Free space on the data's disk; null where only the browser's own estimate exists. */
  getDiskSpace(): Promise<DiskSpace | null>;
}

declare global {
  interface Window {
    sohoa?: SohoaBridge;
  }
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
  };
}

/** Triggers one download per file; the browser decides the folder (usually "Tải về"). */
export function createBrowserPlatform(version: string): Platform {
  return {
    kind: 'browser',
    getAppInfo: () =>
      Promise.resolve({ name: 'SoHoa', version, platform: 'web', isPackaged: false }),
    getDiskSpace: () => Promise.resolve(null),
    async saveBundle(request) {
      for (const file of request.files) {
        const url = URL.createObjectURL(new Blob([file.data]));
        const link = document.createElement('a');
        link.href = url;
        link.download = file.name;
        link.rel = 'noopener';
        document.body.append(link);
        link.click();
        link.remove();
        // Revoking at once can cancel the download in some browsers.
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        // Chromium drops a second download started in the same task.
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      return {
        ok: true,
        value: {
          folder: '',
          files: request.files.map((f) => ({ name: f.name, bytes: f.data.byteLength })),
        },
      };
    },
  };
}

export const platform: Platform = window.sohoa
  ? createDesktopPlatform(window.sohoa)
  : createBrowserPlatform(__APP_VERSION__);

// Name, version and platform for the about screen and for support logs.
import type { App } from 'electron';
import type { AppInfo } from '../../shared/bridge';

export type AppInfoSource = Pick<App, 'getName' | 'getVersion' | 'isPackaged'>;

/** The call carries no payload; anything the renderer sends along is ignored. */
export function readAppInfo(app: AppInfoSource, platform: string = process.platform): AppInfo {
  return {
    name: app.getName(),
    version: app.getVersion(),
    platform,
    isPackaged: app.isPackaged,
  };
}

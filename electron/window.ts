// The one application window: locked down (sandbox, isolation, no Node, no webviews) and
// sized for the 1366×768 laptops most commune offices have.
import type { BrowserWindowConstructorOptions, WebContents } from 'electron';
import { isAllowedNavigation } from './security';

export interface WindowSize {
  width: number;
  height: number;
}

export interface WindowBounds extends WindowSize {
  /** Small screens get the whole work area: the scan and the form sit side by side. */
  maximize: boolean;
}

const PREFERRED: WindowSize = { width: 1440, height: 900 };
const MINIMUM: WindowSize = { width: 1024, height: 600 };

export function chooseWindowBounds(workArea: WindowSize): WindowBounds {
  const maximize = workArea.width < PREFERRED.width || workArea.height < PREFERRED.height;
  return {
    width: Math.max(MINIMUM.width, Math.min(PREFERRED.width, workArea.width)),
    height: Math.max(MINIMUM.height, Math.min(PREFERRED.height, workArea.height)),
    maximize,
  };
}

export interface WindowOptionsInput {
  bounds: WindowSize;
  /** DevTools only outside packaged builds: officers have no use for them. */
  devTools: boolean;
}

export function createWindowOptions(
  preloadPath: string,
  { bounds, devTools }: WindowOptionsInput = { bounds: PREFERRED, devTools: false },
): BrowserWindowConstructorOptions {
  return {
    width: bounds.width,
    height: bounds.height,
    minWidth: MINIMUM.width,
    minHeight: MINIMUM.height,
    title: 'SoHoa',
    show: false,
    autoHideMenuBar: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools,
    },
  };
}

/** The subset of WebContents the guards touch, so tests can pass a fake. */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Applied to every WebContents the app creates: no new windows (external links included;
 * nothing is handed to the system browser), no navigation away from our origin, no webviews.
 */
export function lockDownWebContents(
  contents: GuardedContents,
  allowedOrigins: readonly string[],
): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // will-frame-navigate already covers the main frame; will-navigate stays as a second lock.
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url, allowedOrigins)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url, allowedOrigins)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url, allowedOrigins)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

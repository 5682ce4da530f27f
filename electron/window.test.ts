import { describe, expect, it, vi } from 'vitest';
import { getAllowedOrigins } from './security';
import { chooseWindowBounds, createWindowOptions, lockDownWebContents } from './window';
import type { GuardedContents } from './window';

vi.mock('electron', () => ({}));

describe('createWindowOptions', () => {
  it('locks the renderer down', () => {
    const options = createWindowOptions('/app/dist-electron/electron/preload.js');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist-electron/electron/preload.js',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
  });

  it('stays hidden until the first paint and keeps the menu bar steady', () => {
    const options = createWindowOptions('/p.js', {
      bounds: { width: 1366, height: 728 },
      devTools: true,
    });
    expect(options.show).toBe(false);
    expect(options.autoHideMenuBar).toBe(false);
    expect(options).toMatchObject({ width: 1366, height: 728 });
    expect(options.webPreferences?.devTools).toBe(true);
    expect(options.minWidth).toBeLessThanOrEqual(1366);
    expect(options.minHeight).toBeLessThanOrEqual(728);
  });
});

describe('chooseWindowBounds', () => {
  it('maximises on the 1366×768 laptops common in commune offices', () => {
    expect(chooseWindowBounds({ width: 1366, height: 728 })).toEqual({
      width: 1366,
      height: 728,
      maximize: true,
    });
  });

  it('opens a comfortable window on a large screen', () => {
    expect(chooseWindowBounds({ width: 1920, height: 1040 })).toEqual({
      width: 1440,
      height: 900,
      maximize: false,
    });
  });

  it('never goes below the minimum size', () => {
    const bounds = chooseWindowBounds({ width: 800, height: 560 });
    expect(bounds.maximize).toBe(true);
    expect(bounds.width).toBeGreaterThanOrEqual(1024);
    expect(bounds.height).toBeGreaterThanOrEqual(600);
  });
});

type NavigationListener = (event: { url: string; preventDefault: () => void }) => void;

function createFakeContents() {
  const listeners = new Map<string, NavigationListener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const fake = {
    on(event: string, listener: NavigationListener) {
      listeners.set(event, listener);
      return fake;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  };
  const fire = (event: string, url: string): boolean => {
    const listener = listeners.get(event);
    if (!listener) throw new Error(`no listener for ${event}`);
    const preventDefault = vi.fn();
    listener({ url, preventDefault });
    return preventDefault.mock.calls.length > 0;
  };
  return {
    contents: fake as unknown as GuardedContents,
    fire,
    openWindow: (url: string) => openHandler?.({ url }),
  };
}

describe('lockDownWebContents', () => {
  const navigationEvents = ['will-navigate', 'will-frame-navigate', 'will-redirect'];

  it.each(navigationEvents)('%s: stays on the app origin', (event) => {
    const { contents, fire } = createFakeContents();
    lockDownWebContents(contents, getAllowedOrigins(null));
    expect(fire(event, 'app://sohoa/index.html#/books')).toBe(false);
    expect(fire(event, 'https://example.com/')).toBe(true);
    expect(fire(event, 'file:///C:/Users/canbo/Desktop/so.pdf')).toBe(true);
    expect(fire(event, 'http://localhost:5173/')).toBe(true);
  });

  it('lets the configured dev server through in development', () => {
    const { contents, fire } = createFakeContents();
    lockDownWebContents(contents, getAllowedOrigins('http://localhost:5173'));
    expect(fire('will-navigate', 'http://localhost:5173/')).toBe(false);
    expect(fire('will-navigate', 'http://localhost:8080/')).toBe(true);
  });

  it('denies every new window, external links included', () => {
    const { contents, openWindow } = createFakeContents();
    lockDownWebContents(contents, getAllowedOrigins(null));
    expect(openWindow('https://moj.gov.vn/')).toEqual({ action: 'deny' });
    expect(openWindow('app://sohoa/index.html')).toEqual({ action: 'deny' });
  });

  it('refuses to attach webviews', () => {
    const { contents, fire } = createFakeContents();
    lockDownWebContents(contents, getAllowedOrigins(null));
    expect(fire('will-attach-webview', 'app://sohoa/index.html')).toBe(true);
  });
});

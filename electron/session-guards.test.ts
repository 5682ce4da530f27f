import { describe, expect, it, vi } from 'vitest';
import { getAllowedOrigins } from './security';
import { lockDownSession } from './session-guards';
import type { GuardedSession } from './session-guards';

vi.mock('electron', () => ({}));

type RequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string },
) => void;
type CheckHandler = (contents: unknown, permission: string, requestingOrigin: string) => boolean;
type BeforeRequest = (
  details: { url: string },
  callback: (response: { cancel?: boolean }) => void,
) => void;

function createFakeSession() {
  const captured: {
    request?: RequestHandler;
    check?: CheckHandler;
    device?: () => boolean;
    beforeRequest?: BeforeRequest;
    willDownload?: (event: { preventDefault: () => void }) => void;
  } = {};
  const fake = {
    setPermissionRequestHandler: (handler: RequestHandler) => {
      captured.request = handler;
    },
    setPermissionCheckHandler: (handler: CheckHandler) => {
      captured.check = handler;
    },
    setDevicePermissionHandler: (handler: () => boolean) => {
      captured.device = handler;
    },
    on: (event: string, listener: (event: { preventDefault: () => void }) => void) => {
      if (event === 'will-download') captured.willDownload = listener;
      return fake;
    },
    webRequest: {
      onBeforeRequest: (listener: BeforeRequest) => {
        captured.beforeRequest = listener;
      },
    },
  };
  return { session: fake as unknown as GuardedSession, captured };
}

function requestPermission(handler: RequestHandler | undefined, permission: string, url: string) {
  if (!handler) throw new Error('no permission request handler');
  let granted: boolean | undefined;
  handler(null, permission, (value) => (granted = value), { requestingUrl: url });
  return granted;
}

describe('lockDownSession', () => {
  it('denies permission requests and checks, except persistent storage for the app', () => {
    const { session, captured } = createFakeSession();
    lockDownSession(session, getAllowedOrigins(null));
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
    ]) {
      expect(requestPermission(captured.request, permission, 'app://sohoa/index.html')).toBe(false);
      expect(captured.check?.(null, permission, 'app://sohoa')).toBe(false);
    }
    expect(
      requestPermission(captured.request, 'persistent-storage', 'app://sohoa/index.html'),
    ).toBe(true);
    expect(requestPermission(captured.request, 'persistent-storage', 'https://example.com/')).toBe(
      false,
    );
    expect(captured.check?.(null, 'persistent-storage', 'app://sohoa')).toBe(true);
    expect(captured.device?.()).toBe(false);
  });

  it('cancels every request that is not for the app itself', () => {
    const { session, captured } = createFakeSession();
    lockDownSession(session, getAllowedOrigins(null));
    const cancelled = (url: string) => {
      let response: { cancel?: boolean } | undefined;
      captured.beforeRequest?.({ url }, (value) => (response = value));
      return response?.cancel;
    };
    expect(cancelled('app://sohoa/assets/index.js')).toBe(false);
    expect(cancelled('blob:app://sohoa/1234')).toBe(false);
    expect(cancelled('https://www.google-analytics.com/collect')).toBe(true);
    expect(cancelled('http://10.0.0.1/upload')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
  });

  it('blocks browser downloads: files leave only through the save dialog', () => {
    const { session, captured } = createFakeSession();
    lockDownSession(session, getAllowedOrigins(null));
    const preventDefault = vi.fn();
    captured.willDownload?.({ preventDefault });
    expect(preventDefault).toHaveBeenCalledOnce();
  });
});

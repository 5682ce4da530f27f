// The session refuses every permission but the few the app needs and cancels every request
// that is not for our own origin: no remote content in, no citizens' data out.
import type { Session } from 'electron';
import { isAllowedRequestUrl, isPermissionAllowed } from './security';

/** The subset of Session the guards touch, so tests can pass a fake. */
export type GuardedSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'on'
> & { webRequest: Pick<Session['webRequest'], 'onBeforeRequest'> };

export function lockDownSession(session: GuardedSession, allowedOrigins: readonly string[]): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, allowedOrigins));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, allowedOrigins),
  );
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, allowedOrigins) });
  });
  // Files leave the app only through the save-bundle dialog, never as a browser download.
  session.on('will-download', (event) => {
    event.preventDefault();
  });
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  getAllowedOrigins,
  isAllowedNavigation,
  isAllowedRequestUrl,
  isPathInside,
  isPermissionAllowed,
  originOf,
  parseDevOrigin,
  resolveAppPath,
} from './security';

const prodOrigins = getAllowedOrigins(null);
const devOrigins = getAllowedOrigins('http://localhost:5173');

describe('isAllowedNavigation', () => {
  it('allows pages of the app origin', () => {
    expect(isAllowedNavigation('app://sohoa/index.html', prodOrigins)).toBe(true);
    expect(isAllowedNavigation('app://sohoa/#/books/1', prodOrigins)).toBe(true);
    expect(isAllowedNavigation('APP://SOHOA/index.html', prodOrigins)).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://localhost:5173/',
    'file:///C:/Windows/system32/cmd.exe',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://other/index.html',
    'app://sohoa.evil.com/index.html',
    'app://evil@sohoa/index.html',
    'app://sohoa:80@evil.com/',
    'mailto:someone@example.com',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url, prodOrigins)).toBe(false);
  });

  it('allows the dev origin only when it is configured', () => {
    expect(isAllowedNavigation('http://localhost:5173/src/main.tsx', devOrigins)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5173/src/main.tsx', prodOrigins)).toBe(false);
    expect(isAllowedNavigation('http://localhost:5174/', devOrigins)).toBe(false);
    expect(isAllowedNavigation('https://localhost:5173/', devOrigins)).toBe(false);
    expect(isAllowedNavigation('http://127.0.0.1:5173/', devOrigins)).toBe(false);
  });
});

describe('originOf', () => {
  it('builds the origin of the custom scheme that Node reports as "null"', () => {
    expect(new URL('app://sohoa/x').origin).toBe('null');
    expect(originOf('app://sohoa/x')).toBe(APP_ORIGIN);
    expect(originOf('https://example.com:443/a')).toBe('https://example.com');
  });
});

describe('isAllowedRequestUrl', () => {
  it('lets the app load its own files, blobs, data URLs and DevTools', () => {
    expect(isAllowedRequestUrl('app://sohoa/assets/index-abc.js', prodOrigins)).toBe(true);
    expect(
      isAllowedRequestUrl('blob:app://sohoa/0b6d1c1e-7a44-4b1b-9d35-1e0c1d7a5f00', prodOrigins),
    ).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA', prodOrigins)).toBe(true);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/inspector.html', prodOrigins)).toBe(
      true,
    );
  });

  it.each([
    'https://fonts.googleapis.com/css?family=Roboto',
    'http://192.168.1.10/upload',
    'ws://localhost:5173/',
    'wss://example.com/socket',
    'file:///C:/Users/canbo/Documents/so.xlsx',
    'blob:https://example.com/0b6d1c1e',
    'ftp://example.com/',
    'chrome://gpu',
    'app://other/x.js',
  ])('cancels %s in a packaged build', (url) => {
    expect(isAllowedRequestUrl(url, prodOrigins)).toBe(false);
  });

  it('lets the dev server and its hot-reload socket through only in development', () => {
    expect(isAllowedRequestUrl('http://localhost:5173/@vite/client', devOrigins)).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:5173/?token=x', devOrigins)).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:9999/', devOrigins)).toBe(false);
    expect(isAllowedRequestUrl('https://example.com/', devOrigins)).toBe(false);
  });
});

describe('parseDevOrigin', () => {
  it('accepts http(s) dev servers on this machine', () => {
    expect(parseDevOrigin('http://localhost:5173')).toBe('http://localhost:5173');
    expect(parseDevOrigin(' http://127.0.0.1:5173/some/path ')).toBe('http://127.0.0.1:5173');
    expect(parseDevOrigin('https://localhost:8443/')).toBe('https://localhost:8443');
  });

  it.each([
    undefined,
    '',
    '   ',
    'https://example.com',
    'http://192.168.1.5:5173',
    'file:///tmp/index.html',
    'localhost:5173',
  ])('ignores %s', (value) => {
    expect(parseDevOrigin(value)).toBeNull();
  });

  it('adds the dev origin to the allowed origins, after the app origin', () => {
    expect(getAllowedOrigins(null)).toEqual([APP_ORIGIN]);
    expect(getAllowedOrigins('http://localhost:5173')).toEqual([
      APP_ORIGIN,
      'http://localhost:5173',
    ]);
  });
});

describe('isPermissionAllowed', () => {
  it('grants only persistent storage, and only to the app', () => {
    expect(isPermissionAllowed('persistent-storage', 'app://sohoa', prodOrigins)).toBe(true);
    expect(isPermissionAllowed('persistent-storage', 'https://example.com', prodOrigins)).toBe(
      false,
    );
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'fileSystem',
    ]) {
      expect(isPermissionAllowed(permission, 'app://sohoa/index.html', prodOrigins)).toBe(false);
    }
  });
});

const directivesOf = (policy: string) =>
  new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows nothing from outside the app', () => {
    const directives = directivesOf(CONTENT_SECURITY_POLICY);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('connect-src')).toEqual(["'self'", 'blob:', 'data:']);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|\s'unsafe-eval'/);
  });
});

describe('resolveAppPath', () => {
  const root = path.resolve('/srv/sohoa/dist');
  const inRoot = (...parts: string[]): string => path.join(root, ...parts);

  it('maps app URLs to files inside dist/', () => {
    expect(resolveAppPath(root, 'app://sohoa/index.html')).toBe(inRoot('index.html'));
    expect(resolveAppPath(root, 'app://sohoa/')).toBe(inRoot('index.html'));
    expect(resolveAppPath(root, 'app://sohoa')).toBe(inRoot('index.html'));
    expect(resolveAppPath(root, 'app://sohoa/assets/main-1a2b.js?v=1#x')).toBe(
      inRoot('assets', 'main-1a2b.js'),
    );
    expect(resolveAppPath(root, 'app://sohoa/assets/S%E1%BB%95%20h%E1%BB%99.png')).toBe(
      inRoot('assets', 'Sổ hộ.png'),
    );
  });

  it('refuses other schemes and hosts', () => {
    expect(resolveAppPath(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppPath(root, 'https://sohoa/index.html')).toBeNull();
    expect(resolveAppPath(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppPath(root, 'app://user:pw@sohoa/index.html')).toBeNull();
    expect(resolveAppPath(root, 'not a url')).toBeNull();
  });

  // Each case either is refused or, once the URL parser has normalised it, still lands in dist/.
  it.each([
    'app://sohoa/../../etc/passwd',
    'app://sohoa/assets/../../../etc/passwd',
    'app://sohoa/%2e%2e/%2e%2e/etc/passwd',
    'app://sohoa/%2E%2E/secret',
    'app://sohoa/.%2e/secret',
    'app://sohoa/..%2f..%2fetc%2fpasswd',
    'app://sohoa/..%2F..%2Fetc%2Fpasswd',
    'app://sohoa/..%5c..%5cwindows%5cwin.ini',
    'app://sohoa/..\\..\\windows\\win.ini',
    'app://sohoa/assets\\..\\..\\secret',
    'app://sohoa//etc/passwd',
    'app://sohoa/%2fetc%2fpasswd',
    'app://sohoa/C:/Windows/win.ini',
    'app://sohoa/C%3A%5CWindows%5Cwin.ini',
    'app://sohoa/index.html%00.png',
    'app://sohoa/%00',
    'app://sohoa/%E0%A4%A',
    'app://sohoa/%252e%252e/secret',
  ])('never escapes dist/ for %s', (url) => {
    const resolved = resolveAppPath(root, url);
    if (resolved !== null) {
      expect(isPathInside(root, resolved)).toBe(true);
      expect(resolved).not.toBe(root);
    }
  });

  it.each([
    'app://sohoa/..%2f..%2fetc%2fpasswd',
    'app://sohoa/..%5c..%5cwindows%5cwin.ini',
    'app://sohoa/..\\..\\windows\\win.ini',
    'app://sohoa/%2fetc%2fpasswd',
    'app://sohoa/C:/Windows/win.ini',
    'app://sohoa/C%3A%5CWindows%5Cwin.ini',
    'app://sohoa/index.html%00.png',
    'app://sohoa/%E0%A4%A',
  ])('refuses outright %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });
});

describe('isPathInside', () => {
  it('tells a child from a sibling with a common prefix', () => {
    const root = path.resolve('/data/out');
    expect(isPathInside(root, path.join(root, 'a', 'b.txt'))).toBe(true);
    expect(isPathInside(root, root)).toBe(true);
    expect(isPathInside(root, path.resolve('/data/out-evil/a'))).toBe(false);
    expect(isPathInside(root, path.resolve('/data'))).toBe(false);
    expect(isPathInside(root, path.join(root, '..', 'x'))).toBe(false);
  });
});

describe('the policy shipped in the page', () => {
  // The browser mode has only this one; it must not keep the dev server's reload socket.
  it('allows no more than the desktop header does', () => {
    const html = readFileSync(path.join(import.meta.dirname, '../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/u.exec(html)?.[1];
    expect(meta).toBeDefined();
    const header = directivesOf(CONTENT_SECURITY_POLICY);
    for (const [name, sources] of directivesOf(meta ?? '')) {
      expect(sources, name).toEqual(header.get(name));
    }
  });
});

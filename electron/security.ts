// Policy: the window only ever shows our own files from app://sohoa (or, in development, the
// one dev server origin), and nothing it loads may reach the network. Pure functions, no electron.
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'sohoa';
/** Never change: IndexedDB (all of the officers' work) is keyed by this origin. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "img-src 'self' blob: data:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Web permissions the app itself needs; everything else is refused. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set([
  // All records live in IndexedDB; without this Chromium may evict them when the disk fills.
  'persistent-storage',
]);

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * `scheme://host[:port]` for app, http and https URLs, else null. Node's URL reports the
 * origin of a custom scheme as "null", so it is built by hand; URLs with credentials are
 * refused because they only serve to disguise where a link really goes.
 */
export function originOf(url: string): string | null {
  const parsed = parseUrl(url);
  if (!parsed || parsed.username !== '' || parsed.password !== '') return null;
  if (!['app:', 'http:', 'https:'].includes(parsed.protocol) || parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host.toLowerCase()}`;
}

export function isAllowedNavigation(url: string, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && allowedOrigins.includes(origin);
}

/**
 * Whether the session may load `url` at all. Anything not served by us is cancelled so
 * citizens' data cannot leave the machine even if a page were tricked into trying.
 */
export function isAllowedRequestUrl(url: string, allowedOrigins: readonly string[]): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  switch (parsed.protocol) {
    case 'data:':
    case 'devtools:':
      return true;
    case 'blob:':
      // blob:app://sohoa/<uuid> carries the origin that created it.
      return isAllowedNavigation(parsed.pathname, allowedOrigins);
    case 'app:':
    case 'http:':
    case 'https:':
      return isAllowedNavigation(url, allowedOrigins);
    case 'ws:':
    case 'wss:': {
      // Only the dev server's hot-reload socket, which shares its host and port.
      const asHttp = `${parsed.protocol === 'wss:' ? 'https:' : 'http:'}//${parsed.host}/`;
      return isAllowedNavigation(asHttp, allowedOrigins);
    }
    default:
      return false;
  }
}

export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  allowedOrigins: readonly string[],
): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAllowedNavigation(requestingUrl, allowedOrigins);
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server origin from SOHOA_DEV_URL, or null when unset or unusable. Only plain
 * http(s) on this machine is accepted, so the variable can never point the app at a
 * remote site.
 */
export function parseDevOrigin(devUrl: string | undefined): string | null {
  if (devUrl === undefined || devUrl.trim() === '') return null;
  const parsed = parseUrl(devUrl.trim());
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) return null;
  if (!LOOPBACK_HOSTS.has(parsed.hostname.toLowerCase())) return null;
  return originOf(parsed.href);
}

export function getAllowedOrigins(devOrigin: string | null): readonly string[] {
  return devOrigin === null ? [APP_ORIGIN] : [APP_ORIGIN, devOrigin];
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

export function isPathInside(root: string, candidate: string): boolean {
  return isInside(path.resolve(root), path.resolve(candidate));
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    if (text.charCodeAt(i) < 0x20 || text.charCodeAt(i) === 0x7f) return true;
  }
  return false;
}

/**
 * Maps app://sohoa/<path> to a file inside `distRoot`, or null. Each segment is decoded
 * on its own so an encoded "/" or "\" cannot create new segments; "." / "..", drive
 * letters and control characters are refused outright rather than normalised away.
 * `/` maps to index.html.
 */
export function resolveAppPath(distRoot: string, requestUrl: string): string | null {
  const parsed = parseUrl(requestUrl);
  if (!parsed || parsed.protocol !== `${APP_SCHEME}:` || parsed.host.toLowerCase() !== APP_HOST) {
    return null;
  }
  if (parsed.username !== '' || parsed.password !== '') return null;
  // Raw backslashes are path separators on Windows; the WHATWG parser keeps them for
  // non-special schemes, so they are refused here instead of trusted to stay literal.
  if (parsed.pathname.includes('\\')) return null;

  const segments: string[] = [];
  for (const raw of parsed.pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (
      segment === '.' ||
      segment === '..' ||
      /[\\/:]/.test(segment) ||
      hasControlCharacter(segment)
    ) {
      return null;
    }
    segments.push(segment);
  }
  if (segments.length === 0) segments.push('index.html');

  const root = path.resolve(distRoot);
  const resolved = path.resolve(root, ...segments);
  return resolved !== root && isInside(root, resolved) ? resolved : null;
}

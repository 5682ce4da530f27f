// Serves the built renderer for app://sohoa. Every response carries the CSP, and nothing
// outside dist/ can be read however the URL is spelled (see resolveAppPath).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY, resolveAppPath } from './security';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  // Streaming WebAssembly compilation refuses any other type.
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // A new release must not be shadowed by a cached copy of the old bundle.
    'Cache-Control': 'no-cache',
  };
}

function textResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

async function isFile(filePath: string): Promise<boolean> {
  try {
    return (await fs.stat(filePath)).isFile();
  } catch {
    return false;
  }
}

/** A route of the single-page app rather than a missing asset. */
function isAppRoute(filePath: string): boolean {
  const extension = path.extname(filePath).toLowerCase();
  return extension === '' || extension === '.html';
}

export type AppRequestHandler = (request: Request) => Promise<Response>;

export function createAppProtocolHandler(distRoot: string): AppRequestHandler {
  const indexPath = path.join(distRoot, 'index.html');
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'Method Not Allowed');
    }
    const resolved = resolveAppPath(distRoot, request.url);
    if (resolved === null) return textResponse(404, 'Not Found');

    let filePath = resolved;
    if (!(await isFile(filePath))) {
      if (!isAppRoute(filePath) || !(await isFile(indexPath)))
        return textResponse(404, 'Not Found');
      filePath = indexPath;
    }

    let body: Buffer<ArrayBuffer>;
    try {
      body = await fs.readFile(filePath);
    } catch {
      return textResponse(500, 'Internal Error');
    }
    const headers = {
      ...securityHeaders(),
      'Content-Type': contentTypeFor(filePath),
      'Content-Length': String(body.byteLength),
    };
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}

import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, createAppProtocolHandler } from './app-protocol';
import type { AppRequestHandler } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './security';

let sandbox: string;
let handle: AppRequestHandler;

beforeAll(async () => {
  sandbox = await fs.mkdtemp(path.join(os.tmpdir(), 'sohoa-protocol-'));
  const dist = path.join(sandbox, 'dist');
  await fs.mkdir(path.join(dist, 'assets'), { recursive: true });
  await fs.writeFile(path.join(dist, 'index.html'), '<!doctype html><title>SoHoa</title>');
  await fs.writeFile(path.join(dist, 'assets', 'main.js'), 'console.log(1)');
  await fs.writeFile(path.join(dist, 'assets', 'pdf.worker.mjs'), 'self.onmessage = null');
  await fs.writeFile(path.join(dist, 'assets', 'decoder.wasm'), new Uint8Array([0, 97, 115, 109]));
  // A file next to dist/ that no URL may ever reach.
  await fs.writeFile(path.join(sandbox, 'secret.txt'), 'citizens');
  handle = createAppProtocolHandler(dist);
});

afterAll(async () => {
  await fs.rm(sandbox, { recursive: true, force: true });
});

const get = (url: string, method = 'GET'): Promise<Response> =>
  handle(new Request(url, { method }));

describe('app:// protocol handler', () => {
  it('serves files from dist/ with their type and the CSP', async () => {
    const response = await get('app://sohoa/assets/main.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('serves module workers as JavaScript and wasm as application/wasm', async () => {
    expect((await get('app://sohoa/assets/pdf.worker.mjs')).headers.get('content-type')).toMatch(
      /^text\/javascript/,
    );
    const wasm = await get('app://sohoa/assets/decoder.wasm');
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
  });

  it('serves index.html for the root and for unknown app routes', async () => {
    for (const url of ['app://sohoa/', 'app://sohoa/index.html', 'app://sohoa/books/12']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).toContain('<title>SoHoa</title>');
    }
  });

  it('answers 404 for a missing asset instead of disguising index.html as script', async () => {
    const response = await get('app://sohoa/assets/missing.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    'app://sohoa/../secret.txt',
    'app://sohoa/%2e%2e/secret.txt',
    'app://sohoa/..%2fsecret.txt',
    'app://sohoa/..%5csecret.txt',
    'app://sohoa/assets/..\\..\\secret.txt',
    'app://other/secret.txt',
  ])('never serves the file beside dist/ for %s', async (url) => {
    const response = await get(url);
    expect(await response.text()).not.toContain('citizens');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://sohoa/assets/main.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String('console.log(1)'.length));
    expect(await head.text()).toBe('');
    expect((await get('app://sohoa/assets/main.js', 'POST')).status).toBe(405);
  });
});

describe('contentTypeFor', () => {
  it('falls back to a type the browser will not execute', () => {
    expect(contentTypeFor('/x/font.WOFF2')).toBe('font/woff2');
    expect(contentTypeFor('/x/cmap.bcmap')).toBe('application/octet-stream');
    expect(contentTypeFor('/x/noextension')).toBe('application/octet-stream');
  });
});

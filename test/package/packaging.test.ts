// Packs the built app the way `npm run dist` does, against a stand-in Electron distribution (the
// real binary cannot be downloaded on our build machines), and checks what an installer would
// carry: the renderer and the main process inside app.asar, only the app's locales, and the
// security fuses flipped. A broken `files`, asar or fuse setting in electron-builder.yml fails
// here instead of on a release day.
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const run = promisify(execFile);

// The marker @electron/fuses looks for in a binary, then wire version 1, its length, and one
// byte per fuse: '1' enabled, '0' disabled. The stand-in starts with every fuse enabled, so
// each one the config disables shows.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_COUNT = 8;
const ENABLED = '1'.charCodeAt(0);
const DISABLED = '0'.charCodeAt(0);

let work: string;
let appDir: string;
let asarPath: string;
let files: string[];

async function makeStandInElectron(folder: string): Promise<void> {
  const { version } = JSON.parse(
    await readFile(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ) as { version: string };
  await mkdir(join(folder, 'locales'), { recursive: true });
  await writeFile(
    join(folder, 'electron'),
    Buffer.concat([
      Buffer.from('#!/bin/sh\n# stand-in for the Electron binary\n'),
      Buffer.from(FUSE_SENTINEL),
      Buffer.from([1, FUSE_COUNT]),
      Buffer.alloc(FUSE_COUNT, ENABLED),
      Buffer.from('\nexit 0\n'),
    ]),
    { mode: 0o755 },
  );
  await writeFile(join(folder, 'version'), version);
  for (const locale of ['vi', 'en-US', 'fr', 'zh-CN']) {
    await writeFile(join(folder, 'locales', `${locale}.pak`), locale);
  }
}

beforeAll(async () => {
  for (const built of ['dist/index.html', 'dist-electron/electron/main.js']) {
    if (!existsSync(join(root, built))) {
      throw new Error(`${built} is missing: run \`npm run build\` before this check.`);
    }
  }
  work = await mkdtemp(join(tmpdir(), 'sohoa-package-'));
  const electronDist = join(work, 'electron-dist');
  await makeStandInElectron(electronDist);
  await run(
    process.execPath,
    [
      join(root, 'node_modules', 'electron-builder', 'cli.js'),
      '--linux',
      '--dir',
      '--x64',
      '--config',
      'electron-builder.yml',
      `-c.electronDist=${electronDist}`,
      `-c.directories.output=${join(work, 'out')}`,
    ],
    { cwd: root, env: { ...process.env, CI: 'true' }, maxBuffer: 16 * 2 ** 20 },
  );
  appDir = join(work, 'out', 'linux-unpacked');
  asarPath = join(appDir, 'resources', 'app.asar');
  files = listPackage(asarPath, { isPack: false });
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the packaged desktop app', () => {
  it('carries the renderer build: its page and every script and style the page loads', async () => {
    expect(files).toContain('/dist/index.html');
    const page = extractFile(asarPath, 'dist/index.html').toString('utf8');
    const assets = [...page.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((match) => match[1]);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(files).toContain(`/dist/${asset}`);
    const built = await readdir(join(root, 'dist', 'assets'));
    for (const name of built) expect(files).toContain(`/dist/assets/${name}`);
  });

  it('carries the main process and preload, and starts from the main file package.json names', () => {
    expect(files).toContain('/dist-electron/electron/main.js');
    expect(files).toContain('/dist-electron/electron/preload.js');
    const pkg = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as {
      main: string;
    };
    expect(files).toContain(`/${pkg.main}`);
  });

  it('leaves out the development launcher and the sources', () => {
    expect(files).not.toContain('/dist-electron/electron/start-desktop.js');
    expect(
      files.filter((name) => /\.(tsx?|map)$/.test(name) && !name.includes('/node_modules/')),
    ).toEqual([]);
    expect(files.some((name) => name.startsWith('/renderer/') || name.startsWith('/test/'))).toBe(
      false,
    );
  });

  it('ships only the Vietnamese and English locales', async () => {
    expect((await readdir(join(appDir, 'locales'))).sort()).toEqual(['en-US.pak', 'vi.pak']);
  });

  it('has the security fuses flipped as configured', async () => {
    const wire = await getCurrentFuseWire(join(appDir, 'sohoa'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(DISABLED);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(DISABLED);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(DISABLED);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(DISABLED);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ENABLED);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ENABLED);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ENABLED);
  });
});

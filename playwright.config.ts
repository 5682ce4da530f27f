import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const headlessShell = '/usr/bin/chromium-headless-shell';

/**
 * Debian's Chromium headless shell where it is installed (`.ci/run` installs it): the same
 * engine as the full browser, but it starts faster and spends less on drawing. The full browser
 * where the shell is missing; `CHROMIUM_PATH=/usr/bin/chromium` for `--headed`.
 */
export const chromiumPath =
  process.env.CHROMIUM_PATH ?? (existsSync(headlessShell) ? headlessShell : '/usr/bin/chromium');
// Several checkouts can run their suites side by side on one machine: each picks its own
// port and build folder.
const port = Number(process.env.E2E_PORT ?? 4173);
// Absolute: vite preview resolves a relative --outDir against its root (renderer/).
const distDir = resolve(process.env.E2E_DIST ?? 'dist');
export const e2eBaseUrl = `http://127.0.0.1:${port}`;

/** Flags for Debian's Chromium on machines with a closed network and no GPU. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'test/e2e',
  // Limits sized for a PC several times slower than ours and busy with other work: a test
  // that passes is never slowed by them, one that hangs is stopped.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  // Every test opens its own page or profile, so both workers share out tests, not files: a
  // file of a few long tests no longer keeps one worker busy while the other idles.
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  reporter: [['list']],
  // The list ends with the slowest files, so the CI log shows where the suite's time goes.
  reportSlowTests: { max: 10, threshold: 30_000 },
  use: {
    baseURL: e2eBaseUrl,
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    acceptDownloads: true,
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    // Recording a trace (DOM snapshots and a screencast at every step) costs about a quarter
    // of the suite's time, so CI runs without; a failing test is re-run with E2E_TRACE=1 (or
    // anywhere outside CI) to keep its trace.
    trace: process.env.CI && !process.env.E2E_TRACE ? 'off' : 'retain-on-failure',
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${distDir}`,
    url: e2eBaseUrl,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});

// `npm run bench`: speed and memory of the work officers wait on. Generates its own
// fixtures, writes bench/results.json ({ name: { value, unit, note } }) and prints a table.
import { chromium } from '@playwright/test';
import { stat } from 'node:fs/promises';
import { createServer } from 'vite';
import { chromiumArgs } from '../playwright.config';
import { benchPort, fixtures, root, saveResults, scanPath } from './bench-context';
import {
  benchExport,
  benchExportApp,
  benchPrepare,
  benchScanSize,
  scanPdf,
} from './export-sections';
import {
  benchApp,
  benchBackupApp,
  benchImport,
  benchRealScans,
  benchReconcileAppSection,
  benchReconcileSection,
  benchSaveLatency,
  serveApp,
} from './app-sections';
import { benchKeyingSection } from './keying-bench';
import { benchTypingLatencySection } from './typing-latency-bench';
import { realScanJpegs, realScanPdf } from './viewer-first-bench';
import { benchLongBookSection } from './viewer-long-book-bench';

async function main(): Promise<void> {
  // `npm run bench -- --keying-only`: just the accuracy of the checking modes (no browser).
  if (process.argv.includes('--keying-only')) {
    benchKeyingSection();
    await saveResults({ keepEarlier: true });
    return;
  }
  // `npm run bench -- --reconcile-only`: just the linking of an extract, in Node and in the app.
  if (process.argv.includes('--reconcile-only')) {
    benchReconcileSection();
    const app = await serveApp();
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    });
    try {
      await benchReconcileAppSection(browser, app.url);
    } finally {
      await browser.close();
      await app.close();
    }
    await saveResults({ keepEarlier: true });
    return;
  }
  // `npm run bench -- --backup-only`: just backup and restore with a large scan.
  if (process.argv.includes('--backup-only')) {
    const app = await serveApp();
    try {
      await benchBackupApp(app.url);
    } finally {
      await app.close();
    }
    // Only these numbers change: the others in results.json stay as the full run left them.
    await saveResults({ keepEarlier: true });
    return;
  }
  const server = await createServer({
    configFile: false,
    root,
    logLevel: 'error',
    // No reloads when files change under a running benchmark.
    server: { port: benchPort, strictPort: true, host: '127.0.0.1', hmr: false, watch: null },
  });
  await server.listen();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${benchPort}/bench/browser/index.html`);
    await page.waitForFunction('typeof window.runSaveBench === "function"');
    // `npm run bench -- --prepared-only`: preparing pages, then the in-app export of prepared pages.
    const isPreparedOnly = process.argv.includes('--prepared-only');
    // `npm run bench -- --viewer-only`: just the viewer with real-like scans;
    // `--one-page-files-only`: of those, only the memory of a book of one-page PDFs.
    const isMemoryOnly = process.argv.includes('--one-page-files-only');
    // `npm run bench -- --typing-latency-only`: just Enter, Ctrl+Enter and reloading, at 1× and 4×.
    if (process.argv.includes('--typing-latency-only')) {
      const app = await serveApp();
      try {
        const jpegs = await realScanJpegs(page, fixtures);
        await benchTypingLatencySection(app.url, await realScanPdf(jpegs, fixtures, 'A'));
      } finally {
        await app.close();
      }
      await saveResults({ keepEarlier: true, withNotes: true });
      return;
    }
    // `npm run bench -- --long-book-only`: just the memory of a 10,000-entry book with a 300-page
    // scan open after turning 50 pages.
    if (process.argv.includes('--long-book-only')) {
      const app = await serveApp();
      try {
        await benchLongBookSection(app.url, await realScanJpegs(page, fixtures), fixtures);
      } finally {
        await app.close();
      }
      await saveResults({ keepEarlier: true, withNotes: true });
      return;
    }
    if (process.argv.includes('--viewer-only') || isMemoryOnly) {
      const app = await serveApp();
      try {
        await benchRealScans(browser, page, app.url, { isMemoryOnly });
      } finally {
        await app.close();
      }
      await saveResults({ keepEarlier: true, withNotes: true });
      return;
    }
    await benchPrepare(page);
    if (!isPreparedOnly) await benchScanSize(page);
    const scan = await scanPdf(page);
    if (!isPreparedOnly) await benchExport(scan.length);
    const app = await serveApp();
    try {
      await benchExportApp(app.url);
      // `npm run bench -- --export-only`: just the export, e.g. after changing the worker.
      if (!process.argv.includes('--export-only') && !isPreparedOnly) {
        await benchSaveLatency(page);
        await benchImport(page);
        benchReconcileSection();
        await benchReconcileAppSection(browser, app.url);
        benchKeyingSection();
        await benchApp(browser, page, app.url);
        await benchBackupApp(app.url);
      }
    } finally {
      await app.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  await saveResults({ keepEarlier: false });
  const size = (await stat(scanPath)).size;
  console.log(`scan fixture: ${(size / 1e6).toFixed(1)} MB`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

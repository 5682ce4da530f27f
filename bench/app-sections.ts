// Bench sections in the built app: import, saving, the viewer with real-like scans, typing, backup,
// and reconciliation.
import type { Browser, Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { benchBackupInApp } from './backup-app-bench';
import { benchSaveAndNext, benchTyping } from './typing-bench';
import { benchViewer, makeA4Scan } from './viewer-bench';
import {
  benchFirstView,
  benchOnePageFiles,
  realScanJpegs,
  realScanPdf,
} from './viewer-first-bench';
import { benchTypingLatencySection } from './typing-latency-bench';
import { benchLongBookSection } from './viewer-long-book-bench';
import { benchReconcileInApp } from './reconcile-app-bench';
import { benchReconcile, BIRTHS } from './reconcile-bench';
import { appPort, fixtures, percentile, record, root } from './bench-context';

export const IMPORT_ROWS = 5000;

/**
 * Import of a 5,000-row sheet: reading and checking in a fresh Node process (the code the
 * import worker runs), then the one repository write in Chromium's IndexedDB.
 */
export async function benchImport(page: Page): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'import-run.ts'), String(IMPORT_ROWS)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`import benchmark failed (exit ${code})`);
  const read = JSON.parse(output) as {
    seconds: number;
    cpuSeconds: number;
    readSeconds: number;
    checkSeconds: number;
    peakRssMiB: number;
    baselineRssMiB: number;
    xlsxBytes: number;
  };
  const writeMs = await page.evaluate<number>(`window.runImportWriteBench(${IMPORT_ROWS})`);
  const sheet = `${IMPORT_ROWS}-row khai sinh sheet (${(read.xlsxBytes / 1e6).toFixed(1)} MB, 70 columns)`;
  record(
    'import.ks5000.time',
    read.seconds + writeMs / 1000,
    's',
    `${sheet}: read ${read.readSeconds.toFixed(1)} s + check ${read.checkSeconds.toFixed(1)} s (import-core in Node, as in the worker) + write ${(writeMs / 1000).toFixed(1)} s (one importEntries transaction, Chromium IndexedDB, strict durability); target ≤ 10 s`,
  );
  record(
    'import.ks5000.readCpu',
    read.cpuSeconds,
    's',
    'CPU time of the read and check alone: the wall time above also counts waiting for a busy CPU',
  );
  record(
    'import.ks5000.peakRss',
    read.peakRssMiB,
    'MiB',
    `read and check; process RSS at start ${read.baselineRssMiB.toFixed(0)} MiB`,
  );
}

export async function benchSaveLatency(page: Page): Promise<void> {
  const timings = await page.evaluate<Record<string, number[]>>('window.runSaveBench(10000, 200)');
  const save = timings.saveField ?? [];
  const next = timings.createNext ?? [];
  const note = '10,000 entries in the book, Chromium IndexedDB, strict durability';
  record('save.field.p50', percentile(save, 50), 'ms', note);
  record('save.field.p95', percentile(save, 95), 'ms', note);
  record('entry.createNext.p95', percentile(next, 95), 'ms', `${note}; new entry with next số`);
}

/**
 * The production build of the app, served as a user would get it. BENCH_APP_DIST serves an
 * existing build instead (another release's, to compare with).
 */
export async function serveApp(): Promise<{ url: string; close: () => Promise<void> }> {
  const outDir = process.env.BENCH_APP_DIST ?? join(fixtures, 'app');
  const vite = join(root, 'node_modules', '.bin', 'vite');
  if (!process.env.BENCH_APP_DIST) {
    const built = spawn(
      vite,
      ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
      {
        cwd: root,
        stdio: 'inherit',
        // The bench page's dev server, started in this process, set NODE_ENV to development; a
        // build inheriting it bundles React's development runtime, several times slower than
        // what `npm run build` gives the officers.
        env: { ...process.env, NODE_ENV: 'production' },
      },
    );
    const code = await new Promise<number | null>((resolve) => built.on('close', resolve));
    if (code !== 0) throw new Error(`app build failed (exit ${code})`);
  }
  const server = spawn(
    vite,
    [
      'preview',
      '--outDir',
      outDir,
      '--host',
      '127.0.0.1',
      '--port',
      String(appPort),
      '--strictPort',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    server.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(String(appPort))) resolve();
    });
    server.on('close', (exit) => reject(new Error(`preview stopped (exit ${exit})`)));
  });
  return {
    url: `http://127.0.0.1:${appPort}`,
    close: () =>
      new Promise((resolve) => {
        server.removeAllListeners('close');
        server.on('close', () => resolve());
        server.kill();
      }),
  };
}

/** One-page PDFs viewed one after another for the memory figure. */
export const ONE_PAGE_FILES = 150;

/**
 * The viewer with real-like scans: first view against the picture's decode, and memory; with
 * `isMemoryOnly`, the memory alone.
 */
export async function benchRealScans(
  browser: Browser,
  benchPage: Page,
  appUrl: string,
  options: { isMemoryOnly?: boolean } = {},
): Promise<void> {
  const jpegs = await realScanJpegs(benchPage, fixtures);
  const sizes = jpegs.map((jpeg) => jpeg.length / 1e6);
  const pagesNote = `${jpegs.length} 300-dpi colour A4 JPEG pages of ${Math.min(...sizes).toFixed(2)}–${Math.max(...sizes).toFixed(2)} MB (paper grain, register grid, handwriting), one per PDF page, Chromium, 1366×768`;
  const firstViews = options.isMemoryOnly
    ? []
    : await benchFirstView(browser, appUrl, jpegs, fixtures);
  for (const run of firstViews) {
    const key = run.rate === 1 ? 'viewer.real' : `viewer.real.throttle${run.rate}x`;
    const at = run.rate === 1 ? 'no throttle' : `CPU throttled ${run.rate}× (CDP)`;
    const ratios = run.firstView.map((ms, i) => ms / (run.decode[i] ?? ms));
    record(
      `${key}.firstView.p50`,
      percentile(run.firstView, 50),
      'ms',
      `${pagesNote}, ${at}; click on "Hiện trang n" of a page never seen to the page painted; ${run.firstView.length} pages, ${run.cachedFirstViews} served from a cache`,
    );
    record(
      `${key}.decode.p50`,
      percentile(run.decode, 50),
      'ms',
      `${at}; createImageBitmap of the same pages' JPEGs at the painted size, same run`,
    );
    record(
      `${key}.firstViewToDecode.p50`,
      percentile(ratios, 50),
      '×',
      `${at}; per page, first view ÷ its decode; target ≤ 1.5×`,
    );
    record(
      `${key}.prefetchedTurn.p50`,
      percentile(run.prefetched, 50),
      'ms',
      `${at}; Alt+PageDown to painted once the next page was prefetched; ${run.prefetched.length} turns; target ≤ 50 ms at 4×`,
    );
  }
  const memory = await benchOnePageFiles(appUrl, jpegs, fixtures, ONE_PAGE_FILES);
  const asPc = process.env.BENCH_DEVICE_MEMORY
    ? `, the app told it runs on a ${process.env.BENCH_DEVICE_MEMORY} GB PC`
    : '';
  const memoryNote = `a book stored as ${ONE_PAGE_FILES} one-page PDFs of the pages above, every page viewed with Alt+PageDown, profile on disk${asPc}`;
  record(
    'viewer.onePageFiles150.rendererRss',
    (memory.afterMiB * 2 ** 20) / 1e6,
    'MB',
    `${memoryNote}; RSS of the tab's renderer after the last page; target ≤ 400 MB`,
  );
  record(
    'viewer.onePageFiles150.peakRendererRss',
    (memory.peakMiB * 2 ** 20) / 1e6,
    'MB',
    `${memoryNote}; largest RSS sampled every 10 pages`,
  );
  if (!options.isMemoryOnly) await benchLongBookSection(appUrl, jpegs, fixtures);
}

export async function benchApp(browser: Browser, benchPage: Page, appUrl: string): Promise<void> {
  await benchRealScans(browser, benchPage, appUrl);
  const a4 = await makeA4Scan(benchPage, 6);
  const viewerPage = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const viewer = await benchViewer(viewerPage, appUrl, a4);
  const a4Note = `6-page scan of 300-dpi A4 JPEG pages (${(a4.length / 1e6).toFixed(1)} MB), Chromium, 1366×768`;
  record(
    'viewer.render300dpi.p50',
    percentile(viewer.coldRender, 50),
    'ms',
    `${a4Note}; keydown to painted at a zoom not rendered before (renders served from the cache are left out); target ≤ 300 ms`,
  );
  record(
    'viewer.render300dpi.max',
    Math.max(...viewer.coldRender),
    'ms',
    `${viewer.coldRender.length} uncached renders`,
  );
  record(
    'viewer.pageTurn.p50',
    percentile(viewer.prefetchedTurn, 50),
    'ms',
    `Alt+PageDown to painted after the prefetch; ${viewer.turnsFromCache}/${viewer.prefetchedTurn.length} turns served from the prefetch; target ≤ 80 ms`,
  );
  record(
    'viewer.pageTurn.max',
    Math.max(...viewer.prefetchedTurn),
    'ms',
    `${viewer.prefetchedTurn.length} turns`,
  );
  await viewerPage.close();

  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const typing = await benchTyping(page, appUrl);
  if (typing.mismatches.length > 0) {
    console.warn(
      `typing script: ${typing.mismatches.length} fields differ`,
      typing.mismatches.slice(0, 5),
    );
  }
  const note = `${typing.entries} scripted khai sinh entries typed in the app (Chromium); every entry read back: ${typing.mismatches.length} fields differ`;
  record('typing.keys.withFeatures', typing.withFeatures, 'keys', note);
  record(
    'typing.keys.inFull',
    typing.inFull,
    'keys',
    'same entries, every shown field typed in full, one key to move on',
  );
  record('typing.keys.ratio', (typing.withFeatures / typing.inFull) * 100, '%', 'target ≤ 50%');
  const next = await benchSaveAndNext(page);
  record(
    'entry.saveAndOpenNext.p95',
    percentile(next, 95),
    'ms',
    `Ctrl+Enter to the next entry's form, ${next.length} samples with 10,000 entries in the book; target ≤ 50 ms`,
  );
  record('entry.saveAndOpenNext.p50', percentile(next, 50), 'ms', 'same samples');
  await page.close();
  const jpegs = await realScanJpegs(benchPage, fixtures);
  await benchTypingLatencySection(appUrl, await realScanPdf(jpegs, fixtures, 'A'));
}

/** Scan sizes of the backup bench, MiB: BENCH_BACKUP_SCAN_MIB=100,300 picks others. */
export const BACKUP_SCAN_MIB = (process.env.BENCH_BACKUP_SCAN_MIB ?? '300')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);

/** "Sao lưu" then "Khôi phục…" of a book with one large scan, in the built app. */
export async function benchBackupApp(appUrl: string): Promise<void> {
  for (const mib of BACKUP_SCAN_MIB) {
    const measured = await benchBackupInApp(appUrl, mib);
    const key = `backup.scan${mib}MiB`;
    const outcome = measured.failure
      ? `did not finish: ${measured.failure}`
      : measured.identical
        ? 'restored scan identical (SHA-256)'
        : 'RESTORED SCAN DIFFERS';
    const note = `a book with one ${mib} MiB scan and 200 entries, built app in Chromium with a profile on disk, browser download; ${outcome}`;
    record(
      `${key}.backupPeakRendererRss`,
      measured.backupPeakRendererRssMiB,
      'MiB',
      `${note}; peak RSS of the tab's renderer from "Sao lưu" to the saved download (${measured.baselineRendererRssMiB.toFixed(0)} MiB before); target < 700 MB`,
    );
    record(
      `${key}.restorePeakRendererRss`,
      measured.restorePeakRendererRssMiB,
      'MiB',
      `${note}; peak RSS of the renderer of a fresh profile from "Khôi phục…" to "Đã khôi phục"; target < 700 MB`,
    );
    record(
      `${key}.backupBytes`,
      measured.backupBytes / 2 ** 20,
      'MiB',
      `${note}; size of the backup file (the scan is ${mib} MiB)`,
    );
    record(`${key}.backupTime`, measured.backupSeconds, 's', `${note}; "Sao lưu" to the download`);
    record(
      `${key}.restoreTime`,
      measured.restoreSeconds,
      's',
      `${note}; choosing the file to "Đã khôi phục"`,
    );
    record(`${key}.identical`, measured.identical ? 1 : 0, 'bool', note);
    console.log(`backup bench ${mib} MiB:`, measured);
  }
}

/** Linking 20k SoHoa entries to a 20k-row extract with known truth (Node, as in the worker). */
export function benchReconcileSection(): void {
  const measured = benchReconcile();
  const note = `${measured.sohoa} entries × ${measured.extract} extract rows, generated with known truth`;
  record('reconcile.20k.time', measured.seconds, 's', `${note}; target ≤ 60 s in the app`);
  record(
    'reconcile.20k.precision',
    measured.precision,
    'ratio',
    `${note}; "same" band, goal ≥ 0.99`,
  );
  record('reconcile.20k.recall', measured.recall, 'ratio', `${note}; "same" band, goal ≥ 0.97`);
  record('reconcile.20k.toPerson', measured.toPerson, 'ratio', `${note}; share sent to a person`);
  console.log('reconcile bench:', measured);
}

/**
 * The same 20k × 20k in the built app: the extract chosen, read and linked in the worker while
 * the window keeps answering, with progress, and a second run stopped.
 */
export async function benchReconcileAppSection(browser: Browser, appUrl: string): Promise<void> {
  const measured = await benchReconcileInApp(browser, appUrl, BIRTHS);
  const note = `${measured.entries} entries in a khai sinh book × a ${measured.rows}-row extract in the 158 template (${(measured.xlsxBytes / 1e6).toFixed(1)} MB), built app in Chromium`;
  record(
    'reconcile.app20k.linkTime',
    measured.linkSeconds,
    's',
    `${note}; "Đối chiếu với các sổ…" to the result on screen; target ≤ 60 s`,
  );
  record(
    'reconcile.app20k.readTime',
    measured.readSeconds,
    's',
    `${note}; choosing the file to its preview (read in the worker)`,
  );
  record(
    'reconcile.app20k.longestTask',
    measured.longestTaskMs,
    'ms',
    `${note}; longest main-thread task while linking (PerformanceObserver longtask), begun ${measured.longestTaskAtMs.toFixed(0)} ms after confirming; ${measured.longTasks} over 100 ms`,
  );
  record(
    'reconcile.app20k.progressUpdates',
    measured.progressUpdates,
    'updates',
    `${note}; progress texts shown while linking; longest wait between two ${measured.longestProgressGapMs.toFixed(0)} ms`,
  );
  record(
    'reconcile.app20k.cancel',
    measured.cancelMs,
    'ms',
    `${note}; "Dừng" during a second run to "Đã dừng"`,
  );
  console.log('reconcile in the app:', measured);
}

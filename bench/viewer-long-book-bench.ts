// Renderer memory in an officer's long day: a book of 10,000 entries with its 300-page scan (one
// real-like 300-dpi colour JPEG per page, as scanners write them) open beside the form, 50 pages
// turned one after another. The renderer's resident memory is sampled all along, not only
// between pages, so a short-lived peak while a page is drawn or prepared counts too.
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { chromiumArgs } from '../playwright.config';
import { rendererPids, rendererRssMiB } from './backup-app-bench';
import { record } from './bench-context';
import { probeMemory } from './memory-probe';
import { timeToPaint } from './paint-timer';
import { benchTyping, seedEntries } from './typing-bench';

export const LONG_BOOK_ENTRIES = 10_000;
export const LONG_SCAN_PAGES = 300;
export const LONG_BOOK_TURNS = 50;

/** One scanner's PDF of `pages` pages, each its own copy of one of the real-like JPEGs. */
async function longScan(jpegs: Buffer[], fixtures: string, pages: number): Promise<string> {
  const path = join(fixtures, `real-scan-long-${pages}.pdf`);
  if (existsSync(path)) return path;
  const doc = await PDFDocument.create();
  doc.setTitle(`long-${pages}`);
  for (let i = 0; i < pages; i++) {
    const image = await doc.embedJpg(jpegs[i % jpegs.length] ?? Buffer.alloc(0));
    doc.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  }
  await writeFile(path, await doc.save());
  return path;
}

export interface LongBookMemory {
  scanBytes: number;
  beforeMiB: number;
  peakMiB: number;
  afterMiB: number;
  samples: number;
}

/** Samples the largest renderer's RSS every `everyMs` until stopped; resolves with the peak. */
function sampleRss(profile: string, everyMs: number) {
  let peak = 0;
  let samples = 0;
  let isRunning = true;
  const done = (async () => {
    while (isRunning) {
      peak = Math.max(peak, await rendererRssMiB(await rendererPids(profile)));
      samples += 1;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return async () => {
    isRunning = false;
    await done;
    return { peak, samples };
  };
}

export async function benchLongBook(
  appUrl: string,
  jpegs: Buffer[],
  fixtures: string,
): Promise<LongBookMemory> {
  const scanPath = await longScan(jpegs, fixtures, LONG_SCAN_PAGES);
  const scanBytes = (await stat(scanPath)).size;
  const profile = await mkdtemp(join(tmpdir(), 'sohoa-long-book-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
    viewport: { width: 1366, height: 768 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const deviceMemory = Number(process.env.BENCH_DEVICE_MEMORY);
    if (deviceMemory > 0) {
      await page.addInitScript(
        `Object.defineProperty(Navigator.prototype, 'deviceMemory', { get: () => ${deviceMemory} })`,
      );
    }
    if (process.env.BENCH_BLOCK_PREPARE) {
      await page.route('**/*prepare.worker*', (route) => route.abort());
    }
    await benchTyping(page, appUrl, 2);
    await page.evaluate(seedEntries(LONG_BOOK_ENTRIES));
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Nhập bản scan' }).click();
    await (await chooser).setFiles(scanPath, { timeout: 600_000 });
    await page
      .getByTestId('page-indicator')
      .getByText(new RegExp(`/${LONG_SCAN_PAGES}$`))
      .waitFor({ timeout: 600_000 });
    // The book opened afresh, as on the next morning: the import's own memory is not counted.
    await page.reload();
    await page.locator('#f-so').waitFor();
    const picture = page.getByRole('img', { name: /^Trang \d+ của tệp/ });
    await picture.waitFor({ timeout: 120_000 });
    await page.waitForTimeout(3000);
    const beforeMiB = await rendererRssMiB(await rendererPids(profile));
    console.log(`long book: ${LONG_BOOK_ENTRIES} entries, scan open, ${beforeMiB.toFixed(0)} MiB`);
    const stop = sampleRss(profile, 100);
    for (let n = 1; n <= LONG_BOOK_TURNS; n++) {
      await timeToPaint(page, () => page.keyboard.press('Alt+PageDown'));
      if (process.env.BENCH_MEMORY_PROBE && n % 10 === 0) {
        const rss = await rendererRssMiB(await rendererPids(profile));
        console.log(`long book, page ${n + 1}: ${rss.toFixed(0)} MiB`);
      }
    }
    // The officer keeps reading the last page: whatever the app frees once idle is freed, and
    // preparing pages for export in the background (which starts once the officer is quiet) counts.
    await page.waitForTimeout(8000);
    const sampled = await stop();
    const afterMiB = await rendererRssMiB(await rendererPids(profile));
    if (process.env.BENCH_MEMORY_PROBE === '1') {
      const pids = await rendererPids(profile);
      const sizes = await Promise.all(pids.map((pid) => rendererRssMiB([pid])));
      const pid = pids[sizes.indexOf(Math.max(...sizes))] ?? 0;
      console.log(
        'long book, idle',
        JSON.stringify(await probeMemory(page, pid), (_, v: unknown) =>
          typeof v === 'number' ? Math.round(v) : v,
        ),
      );
    }
    return {
      scanBytes,
      beforeMiB,
      peakMiB: Math.max(sampled.peak, afterMiB),
      afterMiB,
      samples: sampled.samples,
    };
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

/** Records the long book's memory figures. */
export async function benchLongBookSection(
  appUrl: string,
  jpegs: Buffer[],
  fixtures: string,
): Promise<void> {
  const measured = await benchLongBook(appUrl, jpegs, fixtures);
  const asPc = process.env.BENCH_DEVICE_MEMORY
    ? `, the app told it runs on a ${process.env.BENCH_DEVICE_MEMORY} GB PC`
    : '';
  const note = `${LONG_BOOK_ENTRIES.toLocaleString('en')} khai sinh entries and a ${LONG_SCAN_PAGES}-page scan of the real-like JPEG pages (${(measured.scanBytes / 1e6).toFixed(0)} MB, one PDF), ${LONG_BOOK_TURNS} pages turned with Alt+PageDown, then 8 s idle, profile on disk${asPc}`;
  const mb = (mib: number) => (mib * 2 ** 20) / 1e6;
  record(
    'viewer.longBook.rendererRss',
    mb(measured.afterMiB),
    'MB',
    `${note}; RSS of the tab's renderer after the turns and the idle time (${mb(measured.beforeMiB).toFixed(0)} MB with the scan open before); target ≤ 400 MB`,
  );
  record(
    'viewer.longBook.peakRendererRss',
    mb(measured.peakMiB),
    'MB',
    `${note}; largest RSS of ${measured.samples} samples taken every 100 ms through the turns and the idle time; target ≤ 400 MB`,
  );
  console.log('long book memory:', measured);
}

// The export as an officer runs it, in the built app in Chromium: a 1,000-entry book over the
// 500-page scan, written into a folder (the browser's private file system stands in for the
// folder picker). Measures the time from "Xuất sổ" to the checked bundle, the peak memory of
// the tab's renderer process (the page and its export worker live there), and the main
// thread's long tasks while the export runs.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs } from '../playwright.config';
import { foldAccents } from '../shared/text/vietnamese';
import {
  entryAcknowledgements,
  entryFields,
  pageOfEntry,
  type PreparedFixture,
} from './export-fixture';
import { setUpAdministrator } from './first-run';

/** How long the bench waits for the in-app export before recording it as not finished. */
export const APP_EXPORT_LIMIT_MS = 900_000;

export interface AppExportResult {
  seconds: number;
  /**
   * CPU time the tab's renderer (page and export worker) used during the export: unlike the
   * wall time, it does not grow when other programs share the cores.
   */
  rendererCpuSeconds: number;
  /** When the pages were prepared before the export: how, and how long it took in the app. */
  preparation?: AppPreparation;
  /** The tab before the export: the app, the entry list and the scan open in the viewer. */
  baselineRendererRssMiB: number;
  peakRendererRssMiB: number;
  /** The peak while the bundle was re-read (the rest of the time it was written). */
  verifyPeakRendererRssMiB: number;
  longTasks: number;
  longestTaskMs: number;
  summary: string;
}

// Strings, not functions: the TS runner would wrap a function with helpers the page lacks.
const BEFORE_APP = `(() => {
  window.showDirectoryPicker = () => navigator.storage.getDirectory();
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
})()`;

/** In-page script lines: `done` turns an IndexedDB request into a promise; `db` is the app's database. */
const OPEN_APP_DB = `const done = (request) => new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const db = await done(indexedDB.open('sohoa'));`;

/** Writes the entries straight into IndexedDB, linked to the imported pages, as the app would. */
function seedScript(
  entries: {
    fields: Record<string, string>;
    page: number;
    nameKey: string;
    acknowledgements: { field: string; rule: string; reason: string; at: number }[];
  }[],
) {
  return `(async () => {
    ${OPEN_APP_DB}
    const tx = db.transaction(['books', 'pages', 'records'], 'readwrite');
    const [book] = await done(tx.objectStore('books').getAll());
    // An approval counts only with its event in the hash-chained audit log, which seeding
    // cannot write: the entries wait for review and the book exports those, the same work.
    tx.objectStore('books').put({ ...book, exportSubmitted: true });
    const pages = (await done(tx.objectStore('pages').getAll())).sort((a, b) => a.order - b.order);
    const entries = ${JSON.stringify(entries)};
    const now = Date.now();
    entries.forEach((entry, i) => {
      tx.objectStore('records').put({
        id: 'bench-' + i, bookId: book.id, templateVersion: book.templateVersion,
        fields: entry.fields, pageIds: [pages[entry.page].id], status: 'submitted',
        createdAt: now + i, updatedAt: now + i, revision: 1, nameKey: entry.nameKey,
        acknowledgements: entry.acknowledgements,
      });
    });
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    db.close();
  })()`;
}

export interface AppPreparation {
  /** Pages the app's own background preparation made, from the first in book order. */
  preparedInApp: number;
  /** From the end of the import to those pages prepared, in the app (its worker, idle-paced). */
  seconds: number;
  /** Pages given a copy of the preparation of the page their image is byte-identical to. */
  copied: number;
  /** Pages holding a preparation for the book's target when the export started. */
  readyAtExport: number;
}

/** How many of the first `distinct` pages have a preparation, read from IndexedDB. */
function preparedCountScript(distinct: number) {
  return `(async () => {
    ${OPEN_APP_DB}
    const all = await done(db.transaction('preparedPages').objectStore('preparedPages').getAll());
    db.close();
    return all.filter((p) => p.indexInScan < ${distinct} && p.result.kind !== 'failed').length;
  })()`;
}

/**
 * Gives every page whose image is byte-identical to one of the first \`distinct\` pages (the
 * fixture repeats them) a copy of that page's preparation, as preparing it would have made.
 */
function copyPreparationsScript(distinct: number) {
  return `(async () => {
    ${OPEN_APP_DB}
    const tx = db.transaction(['pages', 'preparedPages'], 'readwrite');
    const store = tx.objectStore('preparedPages');
    const pages = await done(tx.objectStore('pages').getAll());
    const made = new Map((await done(store.getAll())).map((p) => [p.id, p]));
    let copied = 0;
    for (const page of pages) {
      if (page.indexInScan < ${distinct}) continue;
      const from = made.get(page.scanId + '#' + (page.indexInScan % ${distinct}));
      if (!from) throw new Error('page ' + page.indexInScan + ' has no prepared twin');
      store.put({ ...from, id: page.scanId + '#' + page.indexInScan, indexInScan: page.indexInScan });
      copied += 1;
    }
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    db.close();
    return copied;
  })()`;
}

/** The preparations of the first `distinct` pages, JPEGs in base64, for the Node run. */
function preparedFixtureScript(distinct: number) {
  return `(async () => {
    ${OPEN_APP_DB}
    const all = await done(db.transaction('preparedPages').objectStore('preparedPages').getAll());
    db.close();
    const base64 = async (blob) => {
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000) {
        text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      }
      return btoa(text);
    };
    const pages = [];
    for (const p of all.filter((p) => p.indexInScan < ${distinct}).sort((a, b) => a.indexInScan - b.indexInScan)) {
      const r = p.result;
      pages.push({
        indexInScan: p.indexInScan,
        result: r.kind === 'reencoded'
          ? { kind: 'reencoded', jpegBase64: await base64(r.jpeg), legibility: r.legibility, isOverTarget: r.isOverTarget, source: r.source }
          : { kind: r.kind, isOverTarget: r.isOverTarget, source: r.source },
      });
    }
    return { distinct: ${distinct}, targetBytesPerPage: 100000, pages };
  })()`;
}

/** Pages with a usable preparation for the default target. */
const READY_SCRIPT = `(async () => {
  const done = (request) => new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const db = await done(indexedDB.open('sohoa'));
  const all = await done(db.transaction('preparedPages').objectStore('preparedPages').getAll());
  db.close();
  return all.filter((p) => p.targetBytesPerPage === 100000 && p.result.kind !== 'failed').length;
})()`;

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds (user and system) the processes have used so far, from /proc. */
async function cpuSeconds(pids: number[]): Promise<number> {
  let ticks = 0;
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // Fields after the command's closing parenthesis: state is the 3rd, utime the 14th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  }
  return ticks / CLOCK_TICKS_PER_SECOND;
}

async function rendererRssMiB(pids: number[]): Promise<number> {
  let largest = 0;
  for (const pid of pids) {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    largest = Math.max(largest, kb / 1024);
  }
  return largest;
}

/** Renderer processes of the Chromium whose profile is `profile`, found through /proc. */
async function rendererPids(profile: string): Promise<number[]> {
  const processes: { pid: number; parent: number; command: string }[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const [stat, command] = await Promise.all([
      readFile(`/proc/${name}/stat`, 'utf8').catch(() => ''),
      readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => ''),
    ]);
    const parent = Number(/\) \S+ (\d+)/.exec(stat)?.[1] ?? 0);
    processes.push({ pid: Number(name), parent, command: command.replaceAll('\0', ' ') });
  }
  const browser = processes.find(
    (p) => p.command.includes(`--user-data-dir=${profile}`) && !p.command.includes('--type='),
  );
  if (!browser) throw new Error('the benchmark browser is not running');
  const family = new Set([browser.pid]);
  for (let grown = true; grown;) {
    grown = false;
    for (const p of processes) {
      if (family.has(p.parent) && !family.has(p.pid)) {
        family.add(p.pid);
        grown = true;
      }
    }
  }
  return processes
    .filter((p) => family.has(p.pid) && p.command.includes('--type=renderer'))
    .map((p) => p.pid);
}

async function createBookWithScan(page: Page, baseUrl: string, scanPath: string, pages: number) {
  await page.goto(`${baseUrl}/`);
  await setUpAdministrator(page);
  await page.getByRole('button', { name: 'Tạo sổ mới' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tạo sổ mới' });
  await dialog.getByLabel('Quyển số').fill('01/2008');
  await dialog.getByLabel('Năm mở sổ').fill('2008');
  for (const label of ['Nơi đăng ký', 'Chức vụ người ký', 'Người thực hiện']) {
    await dialog.getByLabel(label).fill('UBND xã An Nhơn');
  }
  await dialog.getByLabel('Người ký', { exact: true }).fill('Lê Đức Tuấn');
  await dialog.getByRole('button', { name: 'Tạo sổ' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Nhập bản scan' }).click();
  // By path: Playwright refuses in-memory files over 50 MB.
  await (await chooser).setFiles(scanPath);
  await page
    .getByTestId('page-indicator')
    .filter({ hasText: `/${pages}` })
    .waitFor({ timeout: 300_000 });
}

export async function benchExportInApp(
  baseUrl: string,
  scanPath: string,
  pages: number,
  entries: number,
  /**
   * Prepare pages before the export: the app prepares the first `distinctPages` itself, and the
   * pages repeating their images get copies. Absent: the export starts as soon as the book is
   * in, with whatever the app prepared by then.
   */
  options: {
    distinctPages?: number;
    /** Where to write the app's preparations (PreparedFixture) for the Node run. */
    preparedFixturePath?: string;
  } = {},
): Promise<AppExportResult> {
  // A profile on disk, as the app has (Electron's, or a browser's own): an in-memory profile
  // would keep IndexedDB's copy of the scan and the written files in memory.
  const profile = await mkdtemp(join(tmpdir(), 'sohoa-export-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
    viewport: { width: 1366, height: 768 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(BEFORE_APP);
    await createBookWithScan(page, baseUrl, scanPath, pages);
    let preparation: AppPreparation | undefined;
    const distinct = options.distinctPages;
    if (distinct !== undefined) {
      const started = performance.now();
      // The app prepares in the background after the import; polled once a second.
      while ((await page.evaluate<number>(preparedCountScript(distinct))) < distinct) {
        if (performance.now() - started > distinct * 120_000) {
          throw new Error(`the app did not prepare ${distinct} pages in time`);
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      const seconds = (performance.now() - started) / 1000;
      if (options.preparedFixturePath) {
        const fixture = await page.evaluate<PreparedFixture>(preparedFixtureScript(distinct));
        await writeFile(options.preparedFixturePath, JSON.stringify(fixture));
      }
      const copied = await page.evaluate<number>(copyPreparationsScript(distinct));
      preparation = { preparedInApp: distinct, seconds, copied, readyAtExport: 0 };
    }
    const seeded = Array.from({ length: entries }, (_, i) => {
      const fields = entryFields(i, pages, entries);
      return {
        fields,
        page: pageOfEntry(i, pages, entries),
        nameKey: foldAccents(fields.nksHoTen ?? ''),
        acknowledgements: entryAcknowledgements(fields, Date.now()),
      };
    });
    await page.evaluate(seedScript(seeded));
    await page.reload();
    await page.getByRole('button', { name: 'Xuất sổ' }).waitFor();
    if (preparation) preparation.readyAtExport = await page.evaluate<number>(READY_SCRIPT);

    const pids = await rendererPids(profile);
    const baseline = await rendererRssMiB(pids);
    const cpuBefore = await cpuSeconds(pids);
    let start = performance.now();
    let peak = baseline;
    /** The peak while the export was re-reading what it wrote (the screen says so). */
    let verifyPeak = 0;
    let isVerifying = false;
    let sampling = true;
    const sampler = (async () => {
      for (let tick = 0; sampling; tick++) {
        const rss = await rendererRssMiB(pids);
        peak = Math.max(peak, rss);
        if (isVerifying) verifyPeak = Math.max(verifyPeak, rss);
        // BENCH_EXPORT_TIMELINE=1: the renderer's memory beside the export's progress, twice a second.
        if (process.env.BENCH_EXPORT_TIMELINE && tick % 5 === 0) {
          const status = await page
            .evaluate<string>(`document.querySelector('.export-progress')?.textContent ?? ''`)
            .catch(() => '');
          console.error(
            `${(performance.now() - start).toFixed(0)} ms ${rss.toFixed(0)} MiB ${status.slice(0, 50)}`,
          );
        }
        if (tick % 5 === 0 && !isVerifying) {
          isVerifying = await page
            .evaluate<boolean>(
              `document.querySelector('.export-progress')?.textContent?.includes('Đang đọc lại') ?? false`,
            )
            .catch(() => false);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();

    await page.evaluate('window.__longTasks = []');
    start = performance.now();
    await page.getByRole('button', { name: 'Xuất sổ' }).click();
    await page
      .getByRole('button', { name: 'Chọn thư mục và ghi' })
      .click({ timeout: 120_000 })
      .catch(async (error: unknown) => {
        // The check refused the book, or it never ended: the screen says which.
        await page.screenshot({ path: join(tmpdir(), 'sohoa-export-bench-failed.png') });
        throw error;
      });
    const done = page.getByRole('region', { name: 'Đã xuất và kiểm tra lại bộ dữ liệu' });
    await done.waitFor({ timeout: APP_EXPORT_LIMIT_MS });
    const seconds = (performance.now() - start) / 1000;
    const cpu = (await cpuSeconds(pids)) - cpuBefore;
    sampling = false;
    await sampler;
    const longTasks = await page.evaluate<number[]>('window.__longTasks');
    const summary = (await done.locator('p').allInnerTexts()).join(' ');
    return {
      seconds,
      rendererCpuSeconds: cpu,
      ...(preparation ? { preparation } : {}),
      peakRendererRssMiB: peak,
      verifyPeakRendererRssMiB: verifyPeak,
      longTasks: longTasks.filter((ms) => ms > 100).length,
      longestTaskMs: Math.max(0, ...longTasks),
      baselineRendererRssMiB: baseline,
      summary,
    };
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

// "Sao lưu" and "Khôi phục…" as an officer runs them, in the built app in Chromium, for a book
// whose one scan is hundreds of MB: the peak memory of the tab's renderer process while the
// backup is made and downloaded, then while it is read and restored on a fresh profile, and
// whether the restored scan is the same file (SHA-256). The scan is random bytes (a scanner's
// JPEGs do not compress either), written by Node and stored in the app's IndexedDB as the app
// would after an import.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { chromiumArgs } from '../playwright.config';
import { setUpAdministrator } from './first-run';

const ENTRIES = 200;
const STEP_LIMIT_MS = 600_000;

export interface AppBackupResult {
  scanBytes: number;
  backupBytes: number;
  backupSeconds: number;
  restoreSeconds: number;
  baselineRendererRssMiB: number;
  backupPeakRendererRssMiB: number;
  restorePeakRendererRssMiB: number;
  /** The restored scan's SHA-256 equals the original's. */
  identical: boolean;
  /** Where it stopped, when it did not finish (a crashed tab, a refusal). */
  failure?: string;
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A scan-sized file of random bytes behind a PDF signature, and its SHA-256. */
async function writeScan(path: string, bytes: number): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  const piece = 4 * 2 ** 20;
  for (let written = 0; written < bytes; written += piece) {
    const chunk = randomBytes(Math.min(piece, bytes - written));
    if (written === 0) chunk.write('%PDF-1.7\n', 0, 'latin1');
    hash.update(chunk);
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return hash.digest('hex');
}

export async function rendererRssMiB(pids: number[]): Promise<number> {
  let largest = 0;
  for (const pid of pids) {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    largest = Math.max(largest, kb / 1024);
  }
  return largest;
}

/** Renderer processes of the Chromium whose profile is `profile`, found through /proc. */
export async function rendererPids(profile: string): Promise<number[]> {
  const processes: { pid: number; parent: number; command: string }[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const [statText, command] = await Promise.all([
      readFile(`/proc/${name}/stat`, 'utf8').catch(() => ''),
      readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => ''),
    ]);
    const parent = Number(/\) \S+ (\d+)/.exec(statText)?.[1] ?? 0);
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

/**
 * Samples the renderers' memory every 100 ms while `work` runs and reports the peak, in MiB,
 * also when the work fails (a crashed tab is a number worth keeping).
 */
async function peakWhile(
  profile: string,
  work: () => Promise<void>,
  report: (peakMiB: number) => void,
): Promise<void> {
  let peak = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      // Looked up each time: a crashed tab comes back as a new process.
      const pids = await rendererPids(profile).catch(() => []);
      peak = Math.max(peak, await rendererRssMiB(pids));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  try {
    await work();
  } finally {
    sampling = false;
    await sampler;
    report(peak);
  }
}

async function openProfile(profile: string): Promise<{ context: BrowserContext; page: Page }> {
  // A profile on disk, as the app has (Electron's, or a browser's own): an in-memory profile
  // would keep IndexedDB's copy of the scan, and every Blob, in memory.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

// Strings, not functions: the TS runner would wrap a function with helpers the page lacks.
const SEED = (entries: number) => `(async () => {
  const done = (request) => new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const file = document.getElementById('bench-scan').files[0];
  const db = await done(indexedDB.open('sohoa'));
  const tx = db.transaction(['books', 'scans', 'pages', 'records'], 'readwrite');
  const [book] = await done(tx.objectStore('books').getAll());
  const now = Date.now();
  tx.objectStore('scans').put({
    id: 'bench-scan', bookId: book.id, fileName: 'so-khai-sinh-2008.pdf',
    mimeType: 'application/pdf', size: file.size, blob: file, pageCount: 1, importedAt: now,
  });
  tx.objectStore('pages').put({
    id: 'bench-page', bookId: book.id, scanId: 'bench-scan', indexInScan: 0, order: 0, rotation: 0,
  });
  for (let i = 0; i < ${entries}; i++) {
    tx.objectStore('records').put({
      id: 'bench-' + i, bookId: book.id, templateVersion: book.templateVersion,
      fields: { so: String(i + 1), nksHoTen: 'Nguyễn Văn An ' + i }, pageIds: ['bench-page'],
      status: 'draft', createdAt: now + i, updatedAt: now + i, revision: 1,
      nameKey: 'nguyen van an ' + i, acknowledgements: [],
    });
  }
  await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
  db.close();
})()`;

/** Downloads the restored scan out of IndexedDB, so Node can hash it without the page. */
const DOWNLOAD_SCAN = `(async () => {
  const done = (request) => new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const db = await done(indexedDB.open('sohoa'));
  const scan = await done(db.transaction('scans').objectStore('scans').get('bench-scan'));
  db.close();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(scan.blob);
  link.download = 'restored-scan.pdf';
  document.body.append(link);
  link.click();
})()`;

async function createBook(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Tạo sổ mới' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tạo sổ mới' });
  await dialog.getByLabel('Quyển số').fill('01/2008');
  await dialog.getByLabel('Năm mở sổ').fill('2008');
  for (const label of ['Nơi đăng ký', 'Chức vụ người ký', 'Người thực hiện']) {
    await dialog.getByLabel(label).fill('UBND xã An Nhơn');
  }
  await dialog.getByLabel('Người ký', { exact: true }).fill('Lê Đức Tuấn');
  await dialog.getByRole('button', { name: 'Tạo sổ' }).click();
  await page.getByRole('button', { name: 'Nhập bản scan' }).waitFor();
}

function crashed(page: Page): Promise<never> {
  return new Promise((_, reject) => page.once('crash', () => reject(new Error('the tab crashed'))));
}

export async function benchBackupInApp(baseUrl: string, scanMiB: number): Promise<AppBackupResult> {
  const work = await mkdtemp(join(tmpdir(), 'sohoa-backup-bench-'));
  const scanPath = join(work, 'scan.pdf');
  const scanBytes = scanMiB * 2 ** 20;
  const scanSha = await writeScan(scanPath, scanBytes);
  const result: AppBackupResult = {
    scanBytes,
    backupBytes: 0,
    backupSeconds: 0,
    restoreSeconds: 0,
    baselineRendererRssMiB: 0,
    backupPeakRendererRssMiB: 0,
    restorePeakRendererRssMiB: 0,
    identical: false,
  };
  const backupPath = join(work, 'sao-luu.sohoa');
  const source = join(work, 'profile-a');
  const target = join(work, 'profile-b');
  try {
    // The PC the backup is made on: a book, its 300 MB scan, a few hundred entries.
    const a = await openProfile(source);
    try {
      const { page } = a;
      await page.goto(`${baseUrl}/`);
      await setUpAdministrator(page);
      await createBook(page);
      await page.evaluate(`(() => {
        const input = document.createElement('input');
        input.type = 'file';
        input.id = 'bench-scan';
        input.hidden = true;
        document.body.append(input);
      })()`);
      // By path: the page gets a File backed by the disk, as a chosen scan is.
      await page.setInputFiles('#bench-scan', scanPath);
      await page.evaluate(SEED(ENTRIES));
      console.log(`backup bench: ${scanMiB} MiB scan stored, backing up`);
      await page.goto(`${baseUrl}/#/`);
      await page.reload();
      await page.getByRole('button', { name: 'Sao lưu', exact: true }).waitFor();
      result.baselineRendererRssMiB = await rendererRssMiB(await rendererPids(source));
      const start = performance.now();
      await peakWhile(
        source,
        async () => {
          const download = page.waitForEvent('download', { timeout: STEP_LIMIT_MS });
          await page.getByRole('button', { name: 'Sao lưu', exact: true }).click();
          const failed = page.getByText('Không sao lưu được').first();
          const refused = failed.waitFor({ timeout: STEP_LIMIT_MS }).then(async () => {
            throw new Error(await failed.innerText());
          });
          await Promise.race([
            refused,
            (async () => {
              await (await download).saveAs(backupPath);
              await page
                .getByRole('status')
                .filter({ hasText: 'Đã sao lưu 1 sổ' })
                .waitFor({ timeout: STEP_LIMIT_MS });
            })(),
            crashed(page),
          ]);
        },
        (peak) => {
          result.backupPeakRendererRssMiB = peak;
        },
      );
      result.backupSeconds = (performance.now() - start) / 1000;
      result.backupBytes = (await stat(backupPath)).size;
    } finally {
      await a.context.close();
    }

    console.log(`backup bench: backed up in ${result.backupSeconds.toFixed(1)} s, restoring`);
    // A fresh PC (a reinstalled Windows): restore from the file.
    const b = await openProfile(target);
    try {
      const { page } = b;
      await page.goto(`${baseUrl}/`);
      await setUpAdministrator(page);
      const start = performance.now();
      await peakWhile(
        target,
        async () => {
          const chooser = page.waitForEvent('filechooser');
          await page.getByRole('button', { name: 'Khôi phục…', exact: true }).click();
          await (await chooser).setFiles(backupPath);
          const dialog = page.getByRole('dialog', { name: 'Khôi phục từ bản sao lưu' });
          const restore = dialog.getByRole('button', { name: 'Khôi phục vào máy này' });
          await Promise.race([
            (async () => {
              await restore.or(dialog.getByRole('alert')).waitFor({ timeout: STEP_LIMIT_MS });
              if (!(await restore.isVisible())) {
                throw new Error((await dialog.getByRole('alert').innerText()).split('\n')[0]);
              }
              await restore.click();
              await page
                .getByRole('status')
                .filter({ hasText: 'Đã khôi phục 1 sổ' })
                .waitFor({ timeout: STEP_LIMIT_MS });
            })(),
            crashed(page),
          ]);
        },
        (peak) => {
          result.restorePeakRendererRssMiB = peak;
        },
      );
      result.restoreSeconds = (performance.now() - start) / 1000;
      const download = page.waitForEvent('download', { timeout: STEP_LIMIT_MS });
      await page.evaluate(DOWNLOAD_SCAN);
      const restoredPath = join(work, 'restored-scan.pdf');
      await (await download).saveAs(restoredPath);
      result.identical = (await sha256OfFile(restoredPath)) === scanSha;
    } finally {
      await b.context.close();
    }
  } catch (error) {
    result.failure = error instanceof Error ? error.message.split('\n')[0] : String(error);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return result;
}

// The viewer with real-scan-like pages (300-dpi colour JPEGs of 0.5–1.5 MB, one per page, as
// scanners write them): the first view of a page never seen beside the decode of that page's own
// JPEG by createImageBitmap at the same size in the same run, a page turn once the page was
// prefetched, both with no throttle and with the CPU throttled 4× (a stand-in for an old PC),
// and the renderer's memory after viewing a book stored as one-page PDFs.
import { chromium, type Browser, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { chromiumArgs } from '../playwright.config';
import { rendererPids, rendererRssMiB } from './backup-app-bench';
import { setUpAdministrator } from './first-run';
import { probeMemory } from './memory-probe';
import { timeToPaint } from './paint-timer';

const DISTINCT_PAGES = 12;

/** The real-like JPEG pages, drawn once by the bench page and kept in the fixtures folder. */
export async function realScanJpegs(benchPage: Page, fixtures: string): Promise<Buffer[]> {
  await mkdir(fixtures, { recursive: true });
  const jpegs: Buffer[] = [];
  for (let i = 0; i < DISTINCT_PAGES; i++) {
    const path = join(fixtures, `real-scan-${i + 1}.jpg`);
    if (!existsSync(path)) {
      const base64 = await benchPage.evaluate<string>(`window.makeScanJpeg(${i + 101})`);
      await writeFile(path, Buffer.from(base64, 'base64'));
    }
    jpegs.push(await readFile(path));
  }
  return jpegs;
}

/** A scanner's PDF: each page one JPEG over the whole A4 page. The title keeps files distinct. */
async function scanOf(jpegs: Buffer[], title: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  for (const jpeg of jpegs) {
    const image = await doc.embedJpg(jpeg);
    doc.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  }
  return Buffer.from(await doc.save());
}

/** The real-like pages as one scanner's PDF in the fixtures folder; its path. */
export async function realScanPdf(jpegs: Buffer[], fixtures: string, title: string) {
  const path = join(fixtures, `real-scan-${title}.pdf`);
  if (!existsSync(path)) await writeFile(path, await scanOf(jpegs, title));
  return path;
}

async function openBook(page: Page, appUrl: string): Promise<void> {
  await page.goto(`${appUrl}/`);
  await setUpAdministrator(page);
  await page.getByRole('button', { name: 'Tạo sổ mới' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tạo sổ mới' });
  await dialog.getByLabel('Quyển số').fill('03/2008');
  for (const label of ['Nơi đăng ký', 'Chức vụ người ký', 'Người thực hiện']) {
    await dialog.getByLabel(label).fill('UBND xã An Nhơn');
  }
  await dialog.getByLabel('Người ký', { exact: true }).fill('Lê Đức Tuấn');
  await dialog.getByRole('button', { name: 'Tạo sổ' }).click();
}

async function importFiles(page: Page, paths: string[], pages: number): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Nhập bản scan' }).click();
  await (await chooser).setFiles(paths, { timeout: 600_000 });
  await page
    .getByTestId('page-indicator')
    .getByText(new RegExp(`/${pages}$`))
    .waitFor({ timeout: 600_000 });
}

export interface FirstViewRun {
  rate: number;
  /** Click to painted, per page never seen. */
  firstView: number[];
  /** createImageBitmap of the same page's JPEG at the size painted. */
  decode: number[];
  /** Alt+PageDown to painted, the page prefetched. */
  prefetched: number[];
  /** How many of the first views the app served from a cache (should be none). */
  cachedFirstViews: number;
}

/**
 * Jumps (through the pages list) to pages three apart, so none was prefetched, and turns one
 * page on after each, once its prefetch had time to finish. File A is read without throttle,
 * file B at 4×.
 */
export async function benchFirstView(
  browser: Browser,
  appUrl: string,
  jpegs: Buffer[],
  fixtures: string,
): Promise<FirstViewRun[]> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await openBook(page, appUrl);
  const count = jpegs.length;
  const paths = [await realScanPdf(jpegs, fixtures, 'A'), await realScanPdf(jpegs, fixtures, 'B')];
  await importFiles(page, paths, 2 * count);
  await page.getByRole('button', { name: 'Thêm trường hợp' }).click();
  await page.locator('#f-so').waitFor();
  await page.evaluate(
    (list) => {
      (window as unknown as { __jpegs: Uint8Array[] }).__jpegs = list.map((base64) =>
        Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)),
      );
    },
    jpegs.map((jpeg) => jpeg.toString('base64')),
  );
  await page.getByText(`Các trang của sổ (${2 * count})`, { exact: true }).click();
  const picture = page.getByRole('img', { name: /^Trang \d+ của tệp/ });
  await picture.waitFor();
  await page.waitForTimeout(2000);

  const cdp = await page.context().newCDPSession(page);
  const runs: FirstViewRun[] = [];
  for (const [file, rate] of [
    [0, 1],
    [1, 4],
  ] as const) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const run: FirstViewRun = {
      rate,
      firstView: [],
      decode: [],
      prefetched: [],
      cachedFirstViews: 0,
    };
    for (let n = 3; n <= count; n += 3) {
      const order = file * count + n;
      const view = await timeToPaint(page, () =>
        page.getByRole('button', { name: `Hiện trang ${order}`, exact: true }).click(),
      );
      run.firstView.push(view.ms);
      if (view.cached) run.cachedFirstViews += 1;
      const size = await picture.evaluate((element) => {
        const canvas = element as HTMLCanvasElement;
        return [canvas.width, canvas.height];
      });
      const decode = await page.evaluate(
        async ([index, width, height]) => {
          const bytes = (window as unknown as { __jpegs: Uint8Array[] }).__jpegs[index!]!;
          const blob = new Blob([bytes.slice()], { type: 'image/jpeg' });
          const start = performance.now();
          const bitmap = await createImageBitmap(blob, {
            resizeWidth: width,
            resizeHeight: height,
            resizeQuality: 'high',
          });
          const ms = performance.now() - start;
          bitmap.close();
          return ms;
        },
        [n - 1, size[0], size[1]],
      );
      run.decode.push(decode);
      if (n + 1 <= count) {
        // Time for the prefetch of the next page, as reading a page gives it.
        await page.waitForTimeout(1500 * rate);
        const turn = await timeToPaint(page, () => page.keyboard.press('Alt+PageDown'));
        run.prefetched.push(turn.ms);
      }
    }
    runs.push(run);
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await page.close();
  return runs;
}

/**
 * Renderer memory after viewing every page of a book stored as `files` one-page PDFs, on a
 * profile on disk (an in-memory profile would hold every stored Blob in memory).
 */
export async function benchOnePageFiles(
  appUrl: string,
  jpegs: Buffer[],
  fixtures: string,
  files: number,
): Promise<{ afterMiB: number; peakMiB: number }> {
  const folder = join(fixtures, 'one-page-files');
  await mkdir(folder, { recursive: true });
  const paths: string[] = [];
  for (let i = 0; i < files; i++) {
    const path = join(folder, `trang-${String(i + 1).padStart(3, '0')}.pdf`);
    if (!existsSync(path)) {
      await writeFile(path, await scanOf([jpegs[i % jpegs.length] ?? Buffer.alloc(0)], `p${i}`));
    }
    paths.push(path);
  }
  const profile = await mkdtemp(join(tmpdir(), 'sohoa-viewer-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
    viewport: { width: 1366, height: 768 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // BENCH_DEVICE_MEMORY=4 tells the app it runs on a 4 GB PC, as the officers' are: it sizes
    // its cache of drawn pages by the PC's memory (Chromium reports 8 on any larger machine).
    const deviceMemory = Number(process.env.BENCH_DEVICE_MEMORY);
    if (deviceMemory > 0) {
      await page.addInitScript(
        `Object.defineProperty(Navigator.prototype, 'deviceMemory', { get: () => ${deviceMemory} })`,
      );
    }
    // BENCH_BLOCK_PREPARE=1 leaves the pages unprepared, to tell the viewer's share from theirs.
    if (process.env.BENCH_BLOCK_PREPARE) {
      await page.route('**/*prepare.worker*', (route) => route.abort());
    }
    await openBook(page, appUrl);
    await importFiles(page, paths, files);
    await page.getByRole('button', { name: 'Thêm trường hợp' }).click();
    await page.locator('#f-so').waitFor();
    await page.getByRole('img', { name: /^Trang \d+ của tệp/ }).waitFor();
    // BENCH_MEMORY_PROBE=trace prints the memory every 10 pages; =1 also where it goes every 30
    // (after collecting the window's garbage, which lowers the figures that follow).
    const probe = async (label: string) => {
      if (process.env.BENCH_MEMORY_PROBE !== '1') return;
      const pids = await rendererPids(profile);
      const sizes = await Promise.all(pids.map((pid) => rendererRssMiB([pid])));
      const pid = pids[sizes.indexOf(Math.max(...sizes))] ?? 0;
      console.log(
        label,
        JSON.stringify(await probeMemory(page, pid), (_, v: unknown) =>
          typeof v === 'number' ? Math.round(v) : v,
        ),
      );
    };
    await probe('imported');
    let peak = 0;
    for (let n = 2; n <= files; n++) {
      await timeToPaint(page, () => page.keyboard.press('Alt+PageDown'));
      if (n % 10 === 0) {
        const rss = await rendererRssMiB(await rendererPids(profile));
        peak = Math.max(peak, rss);
        if (process.env.BENCH_MEMORY_PROBE) console.log(`page ${n}: ${rss.toFixed(0)} MiB`);
      }
      if (n % 30 === 0) await probe(`page ${n}`);
    }
    // Whatever the page frees once idle is freed: the officer keeps reading.
    await page.waitForTimeout(3000);
    const afterMiB = await rendererRssMiB(await rendererPids(profile));
    await probe('idle');
    return { afterMiB, peakMiB: Math.max(peak, afterMiB) };
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

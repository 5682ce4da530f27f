// Bench sections for the export: scan fixtures, page preparation, bytes per page and legibility, the
// export in Node and in the built app.
import type { Page } from '@playwright/test';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { APP_EXPORT_LIMIT_MS, benchExportInApp, type AppExportResult } from './export-app-bench';
import { LEGIBLE_SSIM } from '../shared/image/legibility';
import type { ScanSizeResult } from './browser/scan-size-bench';
import type { PrepareBenchResult } from './browser/prepare-bench';
import {
  DISTINCT_SCAN_PAGES,
  EXPORT_ENTRIES,
  EXPORT_PAGES,
  fixtures,
  record,
  scanPath,
} from './bench-context';

/** 300-dpi colour register pages made by Chromium's encoder, so they look like real scans. */
export async function makeScanJpegs(page: Page, count: number): Promise<Buffer[]> {
  const images: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    // A string, not a function: the TS runner would wrap a function with helpers the page lacks.
    const base64 = await page.evaluate<string>(`window.makeScanJpeg(${i + 1})`);
    images.push(Buffer.from(base64, 'base64'));
  }
  return images;
}

/**
 * A scanner-style PDF: one JPEG per page, and one resources dictionary naming every page's
 * image, shared by all pages (the worst case the export must not copy into each entry).
 */
export async function scanPdf(page: Page): Promise<Buffer> {
  if (existsSync(scanPath)) return readFile(scanPath);
  await mkdir(fixtures, { recursive: true });
  const jpegs = await makeScanJpegs(page, DISTINCT_SCAN_PAGES);
  const doc = await PDFDocument.create();
  const shared = doc.context.obj({});
  for (let i = 0; i < EXPORT_PAGES; i++) {
    // Each page embeds its own copy, as a scanner writes one image per page.
    const image = await doc.embedJpg(jpegs[i % jpegs.length] ?? Buffer.alloc(0));
    const pdfPage = doc.addPage([595, 842]);
    pdfPage.drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
    const own = pdfPage.node.Resources()?.lookup(PDFName.of('XObject'), PDFDict);
    for (const [key, value] of own?.entries() ?? []) shared.set(key, value);
  }
  for (const pdfPage of doc.getPages()) pdfPage.node.delete(PDFName.of('Resources'));
  doc.catalog.Pages().set(PDFName.of('Resources'), doc.context.obj({ XObject: shared }));
  const bytes = Buffer.from(await doc.save());
  await writeFile(scanPath, bytes);
  return bytes;
}

export interface NodeExportResult {
  seconds: number;
  cpuSeconds: number;
  writeSeconds: number;
  verifySeconds: number;
  peakRssMiB: number;
  writePeakRssMiB: number;
  baselineRssMiB: number;
  zipBytes: number;
  xlsxBytes: number;
  pdfPages: number;
  meanBytesPerPage: number;
  maxBytesPerPage: number;
  pagesRebuilt: number;
  pagesPrepared: number;
}

/**
 * Runs the export in a fresh Node process so its peak memory is the export's alone; with
 * `preparedPath`, of the pages the app prepared (export-app-bench.ts wrote them there).
 */
export async function runNodeExport(preparedPath?: string): Promise<NodeExportResult> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(__dirname, 'export-run.ts'),
      scanPath,
      String(EXPORT_PAGES),
      String(EXPORT_ENTRIES),
      ...(preparedPath ? [preparedPath] : []),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`export benchmark failed (exit ${code})`);
  return JSON.parse(output) as NodeExportResult;
}

export async function benchExport(scanBytes: number): Promise<void> {
  const measured = await runNodeExport();
  const note = `${EXPORT_ENTRIES} entries, 1 page each, two to a page of a ${(scanBytes / 1e6).toFixed(1)} MB ${EXPORT_PAGES}-page scanner-style PDF (one resources dictionary shared by all pages); gate, streamed write to temp files on disk, re-read, rename; export-core in its own Node process (the same code the Web Worker runs)`;
  record('export.ks1000.time', measured.seconds, 's', `${note}; target ≤ 30 s`);
  record(
    'export.ks1000.writeTime',
    measured.writeSeconds,
    's',
    'gate + workbook + entry PDFs streamed into the zip',
  );
  record('export.ks1000.verifyTime', measured.verifySeconds, 's', 're-read of both files');
  record(
    'export.ks1000.peakRss',
    measured.peakRssMiB,
    'MiB',
    `${note}; process RSS at start ${measured.baselineRssMiB.toFixed(0)} MiB; target ≤ 700 MB for page + worker`,
  );
  record(
    'export.ks1000.bytesPerPage',
    measured.meanBytesPerPage / 1000,
    'kB',
    `entry PDF bytes / pages (${measured.pdfPages} pages, largest ${(measured.maxBytesPerPage / 1000).toFixed(0)} kB/page; ${measured.pagesRebuilt} pages rebuilt to drop shared images); scan pages copied as they are`,
  );
  record('export.ks1000.zipBytes', measured.zipBytes / 1e6, 'MB', 'stored zip of the entry PDFs');
  record(
    'export.ks1000.xlsxBytes',
    measured.xlsxBytes / 1024,
    'KiB',
    `${EXPORT_ENTRIES} rows × 70 columns`,
  );
}

/** Distinct realistic pages the scan-size bench exports one entry each. */
export const SCAN_SIZE_PAGES = 20;

/**
 * Bytes per page and legibility on the realistic scanner pages: the export's own code in
 * Chromium (which has the canvas the re-encoding needs), every exported page then compared
 * with its scan by the legibility metric.
 */
export async function benchScanSize(page: Page): Promise<void> {
  const measured = await page.evaluate<ScanSizeResult>(
    `window.runScanSizeBench(${SCAN_SIZE_PAGES})`,
  );
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  const stats = measured.pageBytes;
  const note = `${SCAN_SIZE_PAGES} distinct 300-dpi colour A4 scanner pages (${(Math.min(...measured.scanBytes) / 1e6).toFixed(2)}–${(Math.max(...measured.scanBytes) / 1e6).toFixed(2)} MB), one entry each, export-core in Chromium`;
  record(
    'export.scan300.scanBytesPerPage',
    mean(measured.scanBytes) / 1000,
    'kB',
    `${note}; the scanner's JPEG per page, what the export copied before re-encoding`,
  );
  record(
    'export.scan300.bytesPerPage',
    stats.meanBytesPerPage / 1000,
    'kB',
    `${note}; entry PDF bytes / pages; target ≤ 120 kB per A4 page`,
  );
  record(
    'export.scan300.maxBytesPerPage',
    stats.maxBytesPerPage / 1000,
    'kB',
    `largest entry PDF per page; ${stats.pagesOverTarget} of ${stats.pages} pages over the ${stats.targetBytesPerPage / 1000} kB target because nothing smaller stayed legible`,
  );
  record(
    'export.scan300.legibilityMin',
    Math.min(...measured.legibility),
    'SSIM',
    `every exported page against its scan: SSIM of ink, greyscale at 150 dpi (${measured.legibility.map((v) => v.toFixed(3)).join(', ')}); threshold ${LEGIBLE_SSIM}`,
  );
  record(
    'export.scan300.secondsPerPage',
    measured.writeSeconds / SCAN_SIZE_PAGES,
    's',
    `writing the bundle, re-encoding included, per page; × ${EXPORT_PAGES} pages is the re-encoding share of the 1,000-entry export`,
  );
}

/** Distinct realistic pages the preparation bench prepares one after another. */
export const PREPARE_PAGES = 8;

/**
 * Preparing pages for export, as the app does in the background after import: the
 * preparation worker's code in Chromium on realistic 300-dpi pages, each page timed.
 */
export async function benchPrepare(page: Page): Promise<void> {
  const measured = await page.evaluate<PrepareBenchResult>(
    `window.runPrepareBench(${PREPARE_PAGES})`,
  );
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  const note = `${PREPARE_PAGES} distinct 300-dpi colour A4 scanner pages (${(Math.min(...measured.scanBytes) / 1e6).toFixed(2)}–${(Math.max(...measured.scanBytes) / 1e6).toFixed(2)} MB), prepared one after another with the previous page's hint (prepare-core, canvas codec, Chromium)`;
  record(
    'prepare.scan300.secondsPerPage',
    mean(measured.seconds),
    's',
    `${note}; per page: ${measured.seconds.map((v) => v.toFixed(1)).join(', ')} s; done in the background after import, not at export`,
  );
  record('prepare.scan300.maxSecondsPerPage', Math.max(...measured.seconds), 's', 'slowest page');
  const made = measured.preparedBytes.filter((bytes) => bytes > 0);
  record(
    'prepare.scan300.imageBytesPerPage',
    made.length > 0 ? mean(made) / 1000 : 0,
    'kB',
    `export-ready JPEG per page (${made.length} of ${PREPARE_PAGES} re-encoded, largest ${(Math.max(0, ...made) / 1000).toFixed(0)} kB); legibility ${measured.legibility.map((v) => v.toFixed(3)).join(', ')} (threshold ${LEGIBLE_SSIM})`,
  );
}

/** The same book exported in the built app: what the officer waits for, and the tab's memory. */
export async function benchExportApp(appUrl: string): Promise<void> {
  let measured: AppExportResult;
  const preparedPath = join(fixtures, 'prepared-pages.json');
  try {
    measured = await benchExportInApp(appUrl, scanPath, EXPORT_PAGES, EXPORT_ENTRIES, {
      distinctPages: DISTINCT_SCAN_PAGES,
      preparedFixturePath: preparedPath,
    });
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'TimeoutError') throw error;
    // Re-encoding 500 realistic scanner pages at export can outlast the limit: a number to
    // record, not a reason to lose the rest of the results.
    record(
      'export.app.time',
      APP_EXPORT_LIMIT_MS / 1000,
      's',
      `did not finish within ${APP_EXPORT_LIMIT_MS / 1000} s (${error.message.split('\n')[0]}); target ≤ 30 s`,
    );
    return;
  }
  const prepared = measured.preparation;
  const preparedNote = prepared
    ? `, pages prepared before the export (${prepared.readyAtExport} of ${EXPORT_PAGES} ready): the app prepared the ${prepared.preparedInApp} distinct pages itself in ${prepared.seconds.toFixed(0)} s after the import, the ${prepared.copied} pages repeating their images got copies of those preparations`
    : '';
  const note = `${EXPORT_ENTRIES} entries over the ${EXPORT_PAGES}-page scan, in the built app in Chromium with a profile on disk, written into a folder (private file system) and re-read${preparedNote}`;
  if (prepared) {
    record(
      'prepare.app.secondsPerPage',
      prepared.seconds / prepared.preparedInApp,
      's',
      `the app's background preparation (worker, one page at a time after the screen is idle) of the first ${prepared.preparedInApp} pages of the ${EXPORT_PAGES}-page scan, from the end of the import`,
    );
  }
  record(
    'export.app.time',
    measured.seconds,
    's',
    `${note}; "Xuất sổ" to the checked bundle; target ≤ 30 s`,
  );
  record(
    'export.app.peakRendererRss',
    measured.peakRendererRssMiB,
    'MiB',
    `${note}; the tab's renderer process, which holds the page, the viewer's pdf.js worker and the export worker, in MiB (2^20 bytes): ${((measured.peakRendererRssMiB * 2 ** 20) / 1e6).toFixed(0)} MB (10^6 bytes); ${measured.baselineRendererRssMiB.toFixed(0)} MiB before the export; target ≤ 700 MB = ${(700e6 / 2 ** 20).toFixed(0)} MiB`,
  );
  record(
    'export.app.peakRendererRssMB',
    (measured.peakRendererRssMiB * 2 ** 20) / 1e6,
    'MB',
    `the same peak in MB (10^6 bytes), the unit of the target (${((measured.verifyPeakRendererRssMiB * 2 ** 20) / 1e6).toFixed(0)} MB while re-reading); target ≤ 700 MB`,
  );
  // The same export code on the same prepared pages in Node, in this run: what the app adds.
  const node = await runNodeExport(preparedPath);
  record(
    'export.nodePrepared.time',
    node.seconds,
    's',
    `the same book and pages as export.app.time (${node.pagesPrepared} pages as the app prepared them), export-core in its own Node process: gate, streamed write to temp files on disk, re-read, rename`,
  );
  record(
    'export.nodePrepared.peakRss',
    node.peakRssMiB,
    'MiB',
    `Node process RSS (write phase ${node.writePeakRssMiB.toFixed(0)} MiB, at start ${node.baselineRssMiB.toFixed(0)} MiB)`,
  );
  record(
    'export.app.vsNode',
    measured.seconds / node.seconds,
    '×',
    `export.app.time / export.nodePrepared.time, measured in the same run; target ≤ 1.5×`,
  );
  record(
    'export.app.cpuTime',
    measured.rendererCpuSeconds,
    's',
    `CPU time (user + system) of the tab's renderer during export.app.time: the work, whatever else shares the cores`,
  );
  record(
    'export.nodePrepared.cpuTime',
    node.cpuSeconds,
    's',
    'CPU time (user + system) of the Node process during export.nodePrepared.time',
  );
  record(
    'export.app.cpuVsNode',
    measured.rendererCpuSeconds / node.cpuSeconds,
    '×',
    'export.app.cpuTime / export.nodePrepared.cpuTime: the ratio of the work done, robust to a loaded machine',
  );
  record(
    'export.app.longTasksOver100ms',
    measured.longTasks,
    'tasks',
    `main-thread tasks over 100 ms during the export (longest ${measured.longestTaskMs.toFixed(0)} ms); target 0`,
  );
  // The export report's own numbers, as the officer reads them.
  const sizes = /trung bình ([\d.,]+) kB\/trang, lớn nhất ([\d.,]+) kB\/trang/.exec(
    measured.summary,
  );
  // Vietnamese numbers: '.' groups thousands, ',' marks decimals.
  const number = (text: string) => Number(text.replaceAll('.', '').replace(',', '.'));
  if (sizes) {
    record(
      'export.app.bytesPerPage',
      number(sizes[1] ?? ''),
      'kB',
      `entry PDF bytes / pages in the export report, largest entry PDF ${sizes[2]} kB/page; target ≤ 120 kB per A4 page`,
    );
  }
  console.log(`in-app export: ${measured.summary}`);
}

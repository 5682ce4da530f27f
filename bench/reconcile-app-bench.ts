// Reconciliation as an officer runs it, in the built app in Chromium: a khai sinh book of about
// 20,000 entries on the PC and a 20,000-row extract in the 158 template, both from the generator
// with known truth. Measures choosing the file to its preview, "Đối chiếu với các sổ…" to the
// result on screen, the main thread's longest task meanwhile (the window must keep answering),
// the progress the screen showed, and how long "Dừng" takes to stop a second run.
import type { Browser, Page } from '@playwright/test';
import { generatePairs } from '../shared/reconcile/generator';
import { foldAccents } from '../shared/text/vietnamese';
import { makeXlsx, rowOf, templateHeaders } from '../test/fixtures/make-xlsx';
import { setUpAdministrator } from './first-run';

/** How long a step may take before the bench records it as not finished. */
const STEP_LIMIT_MS = 600_000;

export interface AppReconcileResult {
  entries: number;
  rows: number;
  xlsxBytes: number;
  /** Choosing the file to its preview: the worker reading and tidying every row. */
  readSeconds: number;
  /** "Đối chiếu với các sổ…" to the result's counts on screen. */
  linkSeconds: number;
  longTasks: number;
  longestTaskMs: number;
  /** When it began, from the confirmation. */
  longestTaskAtMs: number;
  /** Distinct progress texts the screen showed while linking. */
  progressUpdates: number;
  /** The longest the progress text stood still while linking. */
  longestProgressGapMs: number;
  /** "Dừng" during a second run to the screen saying it stopped. */
  cancelMs: number;
  overall: Record<string, string>;
}

// Strings, not functions: the TS runner would wrap a function with helpers the page lacks.
const BEFORE_APP = `(() => {
  window.__longTasks = [];
  window.__progress = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const watch = () => {
    new MutationObserver(() => {
      const text = document.querySelector('.reconcile-progress p')?.textContent ?? '';
      const last = window.__progress[window.__progress.length - 1];
      if (text && (!last || last.text !== text)) window.__progress.push({ text, at: performance.now() });
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  };
  if (document.body) watch();
  else document.addEventListener('DOMContentLoaded', watch);
})()`;

/** Writes the entries into the one book, as typed and sent for review. */
function seedScript(entries: Record<string, string>[]) {
  return `(async () => {
    const done = (request) => new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const db = await done(indexedDB.open('sohoa'));
    const tx = db.transaction(['books', 'records'], 'readwrite');
    const [book] = await done(tx.objectStore('books').getAll());
    const entries = ${JSON.stringify(entries)};
    const now = Date.now();
    entries.forEach((fields, i) => {
      tx.objectStore('records').put({
        id: 'bench-' + i, bookId: book.id, templateVersion: book.templateVersion,
        fields, pageIds: [], status: 'submitted', createdAt: now + i, updatedAt: now + i,
        revision: 1, nameKey: fields.__nameKey, acknowledgements: [],
      });
      delete fields.__nameKey;
    });
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    db.close();
  })()`;
}

async function createBook(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/`);
  await setUpAdministrator(page);
  await page.getByRole('button', { name: 'Tạo sổ mới' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tạo sổ mới' });
  await dialog.getByLabel('Quyển số').fill('01/1995');
  await dialog.getByLabel('Năm mở sổ').fill('1995');
  for (const label of ['Nơi đăng ký', 'Chức vụ người ký', 'Người thực hiện']) {
    await dialog.getByLabel(label).fill('UBND xã An Nhơn');
  }
  await dialog.getByLabel('Người ký', { exact: true }).fill('Lê Đức Tuấn');
  await dialog.getByRole('button', { name: 'Tạo sổ' }).click();
  await page.getByRole('button', { name: 'Nhập bản scan' }).waitFor();
}

async function chooseExtract(page: Page, button: string, buffer: Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (
    await chooser
  ).setFiles({
    name: 'trich-xuat-158.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
}

const confirmButton = (page: Page) =>
  page.getByRole('button', { name: /^Đối chiếu với các sổ Khai sinh/ });

async function overallLine(page: Page): Promise<Record<string, string>> {
  const table = page.getByRole('table', { name: 'Kết quả đối chiếu' });
  const headers = await table.getByRole('columnheader').allInnerTexts();
  const cells = await table
    .getByRole('row', { name: /^Tổng hợp/ })
    .getByRole('cell')
    .allInnerTexts();
  return Object.fromEntries(headers.slice(1).map((header, i) => [header, cells[i] ?? '']));
}

export async function benchReconcileInApp(
  browser: Browser,
  baseUrl: string,
  births: number,
): Promise<AppReconcileResult> {
  const generated = generatePairs({ births, seed: 2026 });
  const xlsx = await makeXlsx({
    headers: templateHeaders('ks-70'),
    rows: generated.extract.map((record) => rowOf('ks-70', record.fields)),
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(BEFORE_APP);
    await createBook(page, baseUrl);
    await page.evaluate(
      seedScript(
        generated.sohoa.map((record) => ({
          ...record.fields,
          __nameKey: foldAccents(record.fields.nksHoTen ?? ''),
        })),
      ),
    );
    await page.goto(`${baseUrl}/#/reconcile`);
    await page.reload();

    let start = performance.now();
    await chooseExtract(page, 'Chọn tệp Excel trích xuất…', xlsx);
    await confirmButton(page).waitFor({ timeout: STEP_LIMIT_MS });
    const readSeconds = (performance.now() - start) / 1000;

    await page.evaluate('window.__longTasks = []; window.__progress = []');
    const confirmedAt = await page.evaluate<number>('performance.now()');
    start = performance.now();
    await confirmButton(page).click();
    await page
      .getByRole('heading', { name: 'Kết quả đối chiếu' })
      .waitFor({ timeout: STEP_LIMIT_MS });
    const linkSeconds = (performance.now() - start) / 1000;
    const tasks = await page.evaluate<[number, number][]>('window.__longTasks');
    const longTasks = tasks.map(([, ms]) => ms);
    const longest = tasks.reduce<[number, number]>((a, b) => (b[1] > a[1] ? b : a), [0, 0]);
    const progress = await page.evaluate<{ text: string; at: number }[]>('window.__progress');
    if (process.env.BENCH_RECONCILE_TIMELINE) {
      for (const [at, ms] of tasks)
        console.error(`long task at ${(at - confirmedAt).toFixed(0)} ms: ${ms.toFixed(0)} ms`);
      for (const step of progress)
        console.error(`${(step.at - confirmedAt).toFixed(0)} ms: ${step.text}`);
    }
    const overall = await overallLine(page);

    // A second run, stopped once its progress shows.
    await chooseExtract(page, 'Đối chiếu tệp khác', xlsx);
    await confirmButton(page).click({ timeout: STEP_LIMIT_MS });
    await page.getByText(/^Đang đối chiếu: [1-9]/).waitFor({ timeout: STEP_LIMIT_MS });
    start = performance.now();
    await page.getByRole('button', { name: 'Dừng' }).click();
    await page.getByText('Đã dừng. Không có gì thay đổi.').waitFor();
    const cancelMs = performance.now() - start;

    const linking = progress.filter((step) => step.text.startsWith('Đang đối chiếu:'));
    const gaps = progress.slice(1).map((step, i) => step.at - (progress[i]?.at ?? step.at));
    return {
      entries: generated.sohoa.length,
      rows: generated.extract.length,
      xlsxBytes: xlsx.length,
      readSeconds,
      linkSeconds,
      longTasks: longTasks.filter((ms) => ms > 100).length,
      longestTaskMs: Math.max(0, ...longTasks),
      longestTaskAtMs: longest[0] - confirmedAt,
      progressUpdates: linking.length,
      longestProgressGapMs: Math.max(0, ...gaps),
      cancelMs,
      overall,
    };
  } finally {
    await context.close();
  }
}

// Times the scan viewer in the real app: a 300-dpi A4 page rendered at a new scale (nothing
// cached), and a page turn once the next page has been prefetched. Timed inside the page from
// the keydown to the viewer's "sohoa:page-painted" mark.
import type { Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { setUpAdministrator } from './first-run';
import { timeToPaint, type PaintTiming } from './paint-timer';

function timeKey(page: Page, key: string): Promise<PaintTiming> {
  return timeToPaint(page, () => page.keyboard.press(key));
}

/** A scan of A4 pages at 300 dpi (2480 × 3508 px JPEG each), made with the bench page. */
export async function makeA4Scan(benchPage: Page, pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) {
    const base64 = await benchPage.evaluate<string>(`window.makeScanJpeg(${i + 1}, 2480, 3508)`);
    const image = await doc.embedJpg(Buffer.from(base64, 'base64'));
    doc.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  }
  return Buffer.from(await doc.save());
}

export interface ViewerTimings {
  coldRender: number[];
  prefetchedTurn: number[];
  turnsFromCache: number;
}

export async function benchViewer(
  page: Page,
  baseUrl: string,
  scan: Buffer,
): Promise<ViewerTimings> {
  await page.goto(`${baseUrl}/`);
  await setUpAdministrator(page);
  await page.getByRole('button', { name: 'Tạo sổ mới' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tạo sổ mới' });
  await dialog.getByLabel('Quyển số').fill('02/2008');
  for (const label of ['Nơi đăng ký', 'Chức vụ người ký', 'Người thực hiện']) {
    await dialog.getByLabel(label).fill('UBND xã An Nhơn');
  }
  await dialog.getByLabel('Người ký', { exact: true }).fill('Lê Đức Tuấn');
  await dialog.getByRole('button', { name: 'Tạo sổ' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Nhập bản scan' }).click();
  await (
    await chooser
  ).setFiles({ name: 'a4-300dpi.pdf', mimeType: 'application/pdf', buffer: scan });
  await page.getByRole('button', { name: 'Thêm trường hợp' }).click();
  await page.locator('#f-so').waitFor();
  await page.waitForTimeout(1500);

  const coldRender: number[] = [];
  const prefetchedTurn: number[] = [];
  let turnsFromCache = 0;
  // Each zoom step is a scale not rendered before; only renders that missed the cache count.
  for (let i = 0; i < 4; i++) {
    const render = await timeKey(page, 'Alt+=');
    if (render.cached === false) coldRender.push(render.ms);
    await page.waitForTimeout(300);
  }
  for (let i = 0; i < 4; i++) {
    const render = await timeKey(page, 'Alt+-');
    if (render.cached === false) coldRender.push(render.ms);
    await page.waitForTimeout(300);
  }
  await page.keyboard.press('Alt+0');
  await page.waitForTimeout(1500);
  for (let i = 0; i < 4; i++) {
    // Give the prefetch of the next page time to finish, as reading a page does.
    await page.waitForTimeout(1500);
    const turn = await timeKey(page, 'Alt+PageDown');
    prefetchedTurn.push(turn.ms);
    if (turn.cached) turnsFromCache += 1;
  }
  return { coldRender, prefetchedTurn, turnsFromCache };
}

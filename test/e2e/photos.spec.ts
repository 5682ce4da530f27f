// Phone photos as scans: many at once, upright whatever the camera recorded, refused by what
// they are (not what they are called), and exported within the Ministry's size per page.
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import {
  heicHead,
  jpegHeaderOnly,
  makeJpegInBrowser,
  tiffHead,
  withExifOrientation,
} from '../fixtures/make-images';
import { downloadBytes } from './files';
import { BooksScreen, Workspace } from './models';
import { submitAllForExport } from './review-model';

interface PickedFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

async function pickFiles(page: Page, files: PickedFile[] | string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await new Workspace(page).pressButton('Nhập bản scan');
  await (await chooser).setFiles(files);
}

const jpeg = (name: string, buffer: Buffer | Uint8Array): PickedFile => ({
  name,
  mimeType: 'image/jpeg',
  buffer: Buffer.from(buffer),
});

/** Size and the colour of the top-right corner of the stored photo, read from IndexedDB. */
/**
 * Records, in the page, when F1 was pressed (the key event's own time, taken when the key
 * went down even if the page was busy), when the shortcut sheet opened and when the import
 * reported its end. A window frozen by the import opens the sheet only once the import is over.
 */
async function watchSheetAndImportEnd(page: Page, endText: string): Promise<void> {
  await page.evaluate((text) => {
    const times: Record<string, number> = {};
    (window as unknown as { __times: Record<string, number> }).__times = times;
    const note = (what: string, isThere: boolean) => {
      if (isThere && times[what] === undefined) times[what] = performance.now();
    };
    window.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'F1' && times.pressed === undefined) times.pressed = event.timeStamp;
      },
      { capture: true },
    );
    new MutationObserver(() => {
      note('sheet', document.querySelector('dialog[open], [role="dialog"]') !== null);
      note(
        'importEnd',
        [...document.querySelectorAll('[role="status"]')].some((el) =>
          el.textContent?.includes(text),
        ),
      );
    }).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['open', 'role'],
    });
  }, endText);
}

/**
 * F1 pressed while the import runs opens the shortcut sheet before the import ends. When the
 * import was over before the key even went down (a fast machine, a slow test runner), there
 * was nothing to answer during it, and only the sheet itself is checked.
 */
async function expectAnsweredDuringImport(page: Page): Promise<void> {
  await page.keyboard.press('F1');
  await expect(page.getByRole('dialog', { name: 'Phím tắt' })).toBeVisible();
  const times = () =>
    page.evaluate(() => (window as unknown as { __times: Record<string, number> }).__times);
  await expect.poll(async () => (await times()).importEnd, { timeout: 240_000 }).toBeDefined();
  const { pressed, sheet, importEnd } = await times();
  expect(pressed).toBeDefined();
  expect(sheet).toBeDefined();
  if ((pressed ?? 0) < (importEnd ?? 0)) expect(sheet).toBeLessThan(importEnd ?? 0);
}

async function storedPhoto(page: Page, fileName: string) {
  const script = `new Promise((resolve, reject) => {
    const open = indexedDB.open('sohoa');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction('scans').objectStore('scans').getAll();
      request.onsuccess = async () => {
        const scan = request.result.find((s) => s.fileName === ${JSON.stringify(fileName)});
        const bitmap = await createImageBitmap(scan.blob);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d');
        ctx.drawImage(bitmap, 0, 0);
        const corner = (x, y) => Array.from(ctx.getImageData(x, y, 1, 1).data.slice(0, 3));
        resolve({
          mimeType: scan.mimeType,
          width: bitmap.width,
          height: bitmap.height,
          topRight: corner(bitmap.width - 5, 5),
          topLeft: corner(5, 5),
        });
      };
    };
  })`;
  return page.evaluate<{
    mimeType: string;
    width: number;
    height: number;
    topRight: number[];
    topLeft: number[];
  }>(script);
}

const isRed = ([r = 0, g = 0, b = 0]: number[]) => r > 180 && g < 80 && b < 80;

test('phone photos picked together become pages; HEIC and TIFF are refused by name', async ({
  page,
}) => {
  test.setTimeout(480_000);
  await new BooksScreen(page).createBookFresh();
  const workspace = new Workspace(page);

  // A 12-megapixel photo taken sideways: the pixels lie landscape, EXIF says "turn right".
  const sideways = await makeJpegInBrowser(page, {
    width: 4032,
    height: 3024,
    label: 'Trang 1',
    noise: 12,
  });
  const portrait = await makeJpegInBrowser(page, { width: 1240, height: 1754, label: 'Trang 2' });
  const landscape = await makeJpegInBrowser(page, { width: 1600, height: 1200, label: 'Trang 3' });
  await pickFiles(page, [
    jpeg('IMG_0003.jpg', landscape),
    jpeg('IMG_0001.jpg', withExifOrientation(sideways, 6)),
    // An iPhone photo renamed .jpg on its way to the PC: still HEIC inside.
    jpeg('IMG_2041.jpg', heicHead()),
    { name: 'IMG_2042.HEIC', mimeType: 'image/heic', buffer: Buffer.from(heicHead()) },
    jpeg('IMG_0002.jpg', portrait),
    { name: 'scan-0001.tif', mimeType: 'image/tiff', buffer: Buffer.from(tiffHead()) },
  ]);

  // One message per reason, naming every file it applies to.
  const heic = page.getByRole('alert').filter({ hasText: 'IMG_2041.jpg' });
  await expect(heic).toContainText('«IMG_2041.jpg», «IMG_2042.HEIC» là ảnh HEIC');
  await expect(heic).toContainText('Không có gì bị thay đổi');
  const tiff = page.getByRole('alert').filter({ hasText: 'scan-0001.tif' });
  await expect(tiff).toContainText('TIFF');
  await expect(tiff).toContainText('Không có gì bị thay đổi');
  await expect(
    page.getByRole('status').filter({ hasText: 'Đã nhập 3 tệp: 3 trang.' }),
  ).toBeVisible();

  // Stored upright and no larger than A4 at 300 dpi: the red corner mark, drawn top-left on
  // the sideways pixels, is now top-right.
  const stored = await storedPhoto(page, 'IMG_0001.jpg');
  expect(stored).toMatchObject({ mimeType: 'image/jpeg', width: 2631, height: 3508 });
  expect(isRed(stored.topRight)).toBe(true);
  expect(isRed(stored.topLeft)).toBe(false);

  // The first photo by name is shown, upright: taller than wide on screen.
  const canvas = page.getByRole('img', { name: /IMG_0001\.jpg/ });
  await expect(canvas).toBeVisible();
  await expect
    .poll(async () => {
      const box = await canvas.boundingBox();
      return box ? box.height / box.width : 0;
    })
    .toBeGreaterThan(1.2);

  // An entry typed on the photo exports as a one-page PDF within the size the Ministry asks.
  await workspace.pressButton('Thêm trường hợp');
  const values: [string, string][] = [
    ['Trang số', '1'],
    ['Ngày đăng ký', '15.01.2008'],
    ['Loại đăng ký', '1'],
    ['Họ tên người được khai sinh', 'Nguyễn Văn An'],
    ['Giới tính', '1'],
    ['Ngày sinh', '02.01.2008'],
    ['Nơi sinh', 'Trạm y tế xã An Nhơn'],
    ['Dân tộc', 'Kinh'],
    ['Quốc tịch', 'Việt Nam'],
    ['Họ tên mẹ', 'Trần Thị Bình'],
    ['Họ tên cha', 'Nguyễn Văn Cường'],
    ['Họ tên người đi khai', 'Nguyễn Văn Cường'],
    ['Quan hệ với người được khai sinh', 'Cha'],
  ];
  for (const [label, value] of values) await workspace.field(label).fill(value);
  await workspace.field('Quan hệ với người được khai sinh').blur();
  await workspace.expectSaved();

  await submitAllForExport(page);
  const downloads = await workspace.exportBundle();
  const zipDownload = downloads.find((d) => d.suggestedFilename().endsWith('.zip'));
  const zip = await JSZip.loadAsync(await downloadBytes(zipDownload!));
  const [pdfFile, ...others] = Object.values(zip.files).filter((file) => !file.dir);
  expect(others).toHaveLength(0);
  const pdfBytes = await pdfFile!.async('uint8array');
  const pdf = await PDFDocument.load(pdfBytes);
  expect(pdf.getPageCount()).toBe(1);
  const { width, height } = pdf.getPage(0).getSize();
  expect(height).toBeGreaterThan(width);
  test.info().annotations.push({ type: 'entry PDF bytes', description: String(pdfBytes.length) });
  expect(pdfBytes.length).toBeLessThanOrEqual(150_000);
});

test('twelve photos import with progress shown, and the window keeps responding', async ({
  page,
}) => {
  test.setTimeout(480_000);
  await new BooksScreen(page).createBookFresh();
  // Written to disk: twelve phone photos are more than Playwright passes in memory.
  // In the test's own output folder, which Playwright empties at the next run.
  const folder = test.info().outputPath('photos');
  await mkdir(folder, { recursive: true });
  const photos: string[] = [];
  for (let i = 1; i <= 12; i++) {
    const bytes = await makeJpegInBrowser(page, {
      width: 4032,
      height: 3024,
      label: `Trang ${i}`,
      noise: 30,
    });
    const path = join(folder, `IMG_${String(i).padStart(4, '0')}.jpg`);
    await writeFile(path, withExifOrientation(bytes, 6));
    photos.push(path);
  }
  // Longest gap between animation frames while importing: a frozen window shows up here.
  await page.evaluate(`(() => {
    window.__longestFrameGap = 0;
    let last = performance.now();
    const tick = (now) => {
      window.__longestFrameGap = Math.max(window.__longestFrameGap, now - last);
      last = now;
      if (!window.__stopFrames) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);

  const sizes = await Promise.all(photos.map(async (path) => (await stat(path)).size));
  const started = Date.now();
  await watchSheetAndImportEnd(page, 'Đã nhập 12 tệp: 12 trang.');
  await pickFiles(page, photos);
  await expect(page.getByRole('button', { name: /^Đang nhập \d+\/12…$/ })).toBeVisible();
  await expectAnsweredDuringImport(page);
  await expect(
    page.getByRole('status').filter({ hasText: 'Đã nhập 12 tệp: 12 trang.' }),
  ).toBeVisible({ timeout: 240_000 });
  const seconds = (Date.now() - started) / 1000;
  const longestGap = await page.evaluate<number>(
    '(window.__stopFrames = true, window.__longestFrameGap)',
  );
  test
    .info()
    .annotations.push(
      { type: 'seconds to import 12 photos', description: seconds.toFixed(1) },
      { type: 'MB picked', description: (sizes.reduce((a, b) => a + b, 0) / 2 ** 20).toFixed(1) },
      { type: 'longest frame gap (ms)', description: longestGap.toFixed(0) },
    );
  await expect(page.getByRole('button', { name: 'Nhập bản scan', exact: true })).toBeEnabled();
});

test('a 120 MB PDF is imported without freezing the window', async ({ page }) => {
  test.setTimeout(480_000);
  // One page holding a 120 MB image stream: pdf-lib stores the bytes as they are.
  const doc = await PDFDocument.create();
  const big = new Uint8Array(120 * 2 ** 20);
  big.set(jpegHeaderOnly(2480, 3508).subarray(0, -2));
  const image = await doc.embedJpg(big);
  doc.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  const path = test.info().outputPath('so-lon.pdf');
  await writeFile(path, await doc.save());

  await new BooksScreen(page).createBookFresh();
  await page.evaluate(`(() => {
    window.__longestFrameGap = 0;
    let last = performance.now();
    const tick = (now) => {
      window.__longestFrameGap = Math.max(window.__longestFrameGap, now - last);
      last = now;
      if (!window.__stopFrames) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await watchSheetAndImportEnd(page, 'Đã nhập «so-lon.pdf»: 1 trang.');
  await pickFiles(page, [path]);
  await expect(page.getByRole('button', { name: /^Đang nhập/ })).toBeVisible();
  await expectAnsweredDuringImport(page);
  await expect(
    page.getByRole('status').filter({ hasText: 'Đã nhập «so-lon.pdf»: 1 trang.' }),
  ).toBeVisible({ timeout: 240_000 });
  const longestGap = await page.evaluate<number>(
    '(window.__stopFrames = true, window.__longestFrameGap)',
  );
  test
    .info()
    .annotations.push({ type: 'longest frame gap (ms)', description: longestGap.toFixed(0) });
});

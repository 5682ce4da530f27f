import { expect, test, type Page } from '@playwright/test';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { BooksScreen, Workspace } from './models';
import { Viewer, type Box } from './viewer-model';

async function openBookWithEntry(
  page: Page,
  pages = 3,
): Promise<{ workspace: Workspace; viewer: Viewer }> {
  await new BooksScreen(page).createBookFresh();
  const workspace = new Workspace(page);
  await workspace.importPdf(pages);
  await workspace.pressButton('Thêm trường hợp');
  await expect(workspace.field('Số')).toHaveValue('1');
  const viewer = new Viewer(page);
  await viewer.expectDrawn();
  return { workspace, viewer };
}

function expectNear(actual: number, expected: number, tolerance = 4): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance);
}

test('zoom, fit, page turns and the ruler answer Alt keys while the cursor stays in a field', async ({
  page,
}) => {
  const { workspace, viewer } = await openBookWithEntry(page);
  const field = workspace.field('Nơi sinh');
  await field.fill('Trạm y tế xã');
  await expect(viewer.zoomLevel).toHaveText('100%');
  await expect(viewer.tool('Vừa chiều rộng')).toHaveAttribute('aria-pressed', 'true');
  const fitted = await viewer.pictureBox();

  await page.keyboard.press('Alt+Equal');
  await expect(viewer.zoomLevel).toHaveText('125%');
  await expect(viewer.tool('Vừa chiều rộng')).toHaveAttribute('aria-pressed', 'false');
  await expect
    .poll(async () => (await viewer.pictureBox()).width)
    .toBeGreaterThan(fitted.width * 1.2);
  await page.keyboard.press('Alt+Equal');
  await expect(viewer.zoomLevel).toHaveText('150%');
  await page.keyboard.press('Alt+Minus');
  await expect(viewer.zoomLevel).toHaveText('125%');

  // Fit page: the whole page is in sight.
  await page.keyboard.press('Alt+9');
  await expect(viewer.tool('Vừa trang')).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(async () => {
      const [picture, frame] = await Promise.all([viewer.pictureBox(), viewer.frame.boundingBox()]);
      return picture.y + picture.height <= frame!.y + frame!.height;
    })
    .toBe(true);
  await page.keyboard.press('Alt+0');
  await expect(viewer.zoomLevel).toHaveText('100%');
  await expect(viewer.tool('Vừa chiều rộng')).toHaveAttribute('aria-pressed', 'true');

  await page.keyboard.press('Alt+PageDown');
  await expect(viewer.indicator).toHaveText('Trang 2/3');
  await page.keyboard.press('Alt+PageUp');
  await expect(viewer.indicator).toHaveText('Trang 1/3');

  await page.keyboard.press('Alt+ArrowDown');
  await expect(viewer.tool('Thước dòng')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Alt+i');
  await expect(viewer.tool('Đảo màu')).toHaveAttribute('aria-pressed', 'true');

  // Nothing of this typed into the field or took the cursor away.
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('Trạm y tế xã');
});

test('the viewer takes the same keys, and arrows to pan, when it has the focus', async ({
  page,
}) => {
  const { viewer } = await openBookWithEntry(page);
  await viewer.frame.focus();
  await page.keyboard.press('Alt+Equal');
  await page.keyboard.press('Alt+Equal');
  await expect(viewer.zoomLevel).toHaveText('150%');
  const before = await viewer.pictureBox();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await viewer.pictureBox()).x).toBeLessThan(before.x - 20);
  expect((await viewer.pictureBox()).y).toBeLessThan(before.y - 20);
  await expect(viewer.frame).toBeFocused();
});

test('a page turned a quarter stays turned after a reload', async ({ page }) => {
  const { viewer } = await openBookWithEntry(page, 2);
  const upright = await viewer.pictureBox();
  expect(upright.height).toBeGreaterThan(upright.width);

  await viewer.tool('Xoay trang 90°').click();
  await expect
    .poll(async () => {
      const box = await viewer.pictureBox();
      return box.width > box.height;
    })
    .toBe(true);

  await page.reload();
  await viewer.expectDrawn();
  const turned = await viewer.pictureBox();
  expect(turned.width).toBeGreaterThan(turned.height);

  // The other pages are not turned.
  await page.keyboard.press('Alt+PageDown');
  await expect(viewer.indicator).toHaveText('Trang 2/2');
  await viewer.expectDrawn();
  const other = await viewer.pictureBox();
  expect(other.height).toBeGreaterThan(other.width);
});

test('image tools say whether they are on', async ({ page }) => {
  const { viewer } = await openBookWithEntry(page, 1);
  for (const name of ['Tăng sáng', 'Tăng tương phản', 'Đảo màu', 'Ảnh xám', 'Thước dòng']) {
    const tool = viewer.tool(name);
    await expect(tool).toHaveAttribute('aria-pressed', 'false');
    await tool.click();
    await expect(tool).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(viewer.picture).toHaveCSS('filter', /brightness.*contrast.*grayscale.*invert/);
  await viewer.tool('Đảo màu').click();
  await expect(viewer.tool('Đảo màu')).toHaveAttribute('aria-pressed', 'false');
  await expect(viewer.picture).not.toHaveCSS('filter', /invert/);

  // Finer levels sit behind one button; putting them back turns the toggles off.
  await viewer.tool('Chỉnh độ sáng và tương phản').click();
  await expect(viewer.root.getByRole('slider', { name: 'Độ sáng' })).toBeVisible();
  await viewer.root.getByRole('button', { name: 'Đặt lại ảnh' }).click();
  await expect(viewer.tool('Tăng sáng')).toHaveAttribute('aria-pressed', 'false');
  await expect(viewer.picture).toHaveCSS('filter', 'none');
});

test('a region drawn on an entry is shown again after a reload, and can be cleared', async ({
  page,
}) => {
  const { viewer } = await openBookWithEntry(page, 1);
  await expect(viewer.tool('Xóa vùng')).toBeDisabled();
  await viewer.tool('Khoanh vùng').click();
  await expect(viewer.tool('Khoanh vùng')).toHaveAttribute('aria-pressed', 'true');
  await viewer.drag({ x: 0.2, y: 0.3 }, { x: 0.7, y: 0.45 });
  await expect(viewer.entryRegion).toBeVisible();
  await expect(viewer.tool('Khoanh vùng')).toHaveAttribute('aria-pressed', 'false');

  const expectBoxAt = async () => {
    const picture = await viewer.pictureBox();
    const region = (await viewer.entryRegion.boundingBox()) as Box;
    expectNear(region.x - picture.x, 0.2 * picture.width);
    expectNear(region.y - picture.y, 0.3 * picture.height);
    expectNear(region.width, 0.5 * picture.width);
    expectNear(region.height, 0.15 * picture.height);
  };
  await expectBoxAt();

  await page.reload();
  await viewer.expectDrawn();
  await expect(viewer.entryRegion).toBeVisible();
  await expectBoxAt();

  await viewer.tool('Xóa vùng').click();
  await expect(viewer.entryRegion).toHaveCount(0);
  await page.reload();
  await viewer.expectDrawn();
  await expect(viewer.entryRegion).toHaveCount(0);
});

test('opening an entry scrolls its region into view, even low on a zoomed page', async ({
  page,
}) => {
  const { viewer } = await openBookWithEntry(page, 1);
  for (let i = 0; i < 3; i++) await page.keyboard.press('Alt+Equal');
  await expect(viewer.zoomLevel).toHaveText('200%');
  await viewer.frame.evaluate((frame) => frame.scrollTo(0, frame.scrollHeight));
  await viewer.tool('Khoanh vùng').click();
  await viewer.drag({ x: 0.1, y: 0.86 }, { x: 0.4, y: 0.92 });
  await expect(viewer.entryRegion).toBeInViewport();
  await viewer.expectSettingsStored({ fit: 'none', zoom: 2 });

  await page.reload();
  await viewer.expectDrawn();
  await expect(viewer.zoomLevel).toHaveText('200%');
  await expect(viewer.entryRegion).toBeInViewport();
});

test('view settings carry from one entry to the next of a book, and survive a reload', async ({
  page,
}) => {
  const { workspace, viewer } = await openBookWithEntry(page, 2);
  await page.keyboard.press('Alt+Equal');
  await page.keyboard.press('Alt+i');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(viewer.zoomLevel).toHaveText('125%');

  // Something typed: an entry with nothing in it does not move on to the next.
  await workspace.fillFields({ 'Trang số': '1' });
  await page.keyboard.press('Control+Enter');
  await expect(workspace.field('Số')).toHaveValue('2');
  await expect(viewer.zoomLevel).toHaveText('125%');
  await expect(viewer.tool('Đảo màu')).toHaveAttribute('aria-pressed', 'true');
  await expect(viewer.tool('Thước dòng')).toHaveAttribute('aria-pressed', 'true');

  await viewer.expectSettingsStored({ fit: 'none', zoom: 1.25, invert: true, isRulerShown: true });
  await page.reload();
  await viewer.expectDrawn();
  await expect(viewer.zoomLevel).toHaveText('125%');
  await expect(viewer.tool('Đảo màu')).toHaveAttribute('aria-pressed', 'true');
  await expect(viewer.tool('Thước dòng')).toHaveAttribute('aria-pressed', 'true');
});

test('thumbnails show the book and switch the page', async ({ page }) => {
  const { viewer } = await openBookWithEntry(page, 3);
  await viewer.tool('Hình thu nhỏ các trang').click();
  await expect(viewer.thumbnails.getByRole('button')).toHaveCount(3);
  await expect(
    viewer.thumbnails.getByRole('button', { name: 'Trang 1', exact: true }),
  ).toHaveAttribute('aria-current', 'page');
  await viewer.thumbnails.getByRole('button', { name: 'Trang 3', exact: true }).click();
  await expect(viewer.indicator).toHaveText('Trang 3/3');
  await expect(
    viewer.thumbnails.getByRole('button', { name: 'Trang 3', exact: true }),
  ).toHaveAttribute('aria-current', 'page');
  await viewer.expectDrawn();
  // Picking a page with the mouse leaves the cursor where the officer was typing.
  await expect(page.locator('form :focus')).toHaveCount(1);
});

test('at 1366×768 the viewer with every panel open fits without sideways scrolling', async ({
  page,
}) => {
  const { viewer } = await openBookWithEntry(page, 3);
  await viewer.tool('Hình thu nhỏ các trang').click();
  await viewer.tool('Chỉnh độ sáng và tương phản').click();
  await viewer.tool('Nghiêng phải 0,5°').click();
  await viewer.tool('Khoanh vùng').click();
  for (let i = 0; i < 6; i++) await page.keyboard.press('Alt+Equal');
  await expect(viewer.zoomLevel).toHaveText('400%');

  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  const toolbar = await viewer.root
    .getByRole('toolbar', { name: 'Công cụ xem bản scan' })
    .boundingBox();
  const section = await viewer.root.boundingBox();
  expect(toolbar!.x + toolbar!.width).toBeLessThanOrEqual(section!.x + section!.width + 1);
  // Two rows of tools at most, so the page keeps its height.
  expect(toolbar!.height).toBeLessThanOrEqual(72);
});

test('a phone photo page is drawn like a PDF page: shown, turned, and in the thumbnails', async ({
  page,
}) => {
  await new BooksScreen(page).createBookFresh();
  const workspace = new Workspace(page);
  // A portrait "photo" of a page on beige paper, made by the browser itself.
  const photo = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 900;
    canvas.height = 1270;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#f0e6c8';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.fillStyle = '#222';
    context.font = '36px sans-serif';
    for (let line = 0; line < 20; line++) context.fillText(`Dòng ${line + 1}`, 60, 90 + line * 56);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg'));
    return Array.from(new Uint8Array(await blob!.arrayBuffer()));
  });
  await workspace.importScan('anh-trang-1.jpg', Buffer.from(photo), 'image/jpeg');
  const viewer = new Viewer(page);
  await expect(viewer.indicator).toHaveText('Trang 1/1');
  await viewer.expectDrawn();

  const colour = await viewer.colourAt(0.5, 0.005);
  expect(colour.r).toBeGreaterThan(225);
  expect(colour.b).toBeLessThan(225);
  const upright = await viewer.pictureBox();
  expect(upright.height).toBeGreaterThan(upright.width);

  await viewer.tool('Xoay trang 90°').click();
  await expect
    .poll(async () => {
      const box = await viewer.pictureBox();
      return box.width > box.height;
    })
    .toBe(true);
  await viewer.tool('Hình thu nhỏ các trang').click();
  await expect(
    viewer.thumbnails.getByRole('button', { name: 'Trang 1', exact: true }),
  ).toBeVisible();
});

test('a scan whose pages share one list of every page’s images shows each page’s own picture', async ({
  page,
}) => {
  await new BooksScreen(page).createBookFresh();
  const workspace = new Workspace(page);
  // Some scanners name every page's image in one resources dictionary shared by all pages.
  const colours = ['#d02020', '#20a020', '#2040d0'];
  const jpegs = await page.evaluate(async (fills) => {
    const out: number[][] = [];
    for (const fill of fills) {
      const canvas = document.createElement('canvas');
      canvas.width = 620;
      canvas.height = 877;
      const context = canvas.getContext('2d')!;
      context.fillStyle = fill;
      context.fillRect(0, 0, canvas.width, canvas.height);
      const blob = await new Promise<Blob | null>((resolve) =>
        canvas.toBlob(resolve, 'image/jpeg'),
      );
      out.push(Array.from(new Uint8Array(await blob!.arrayBuffer())));
    }
    return out;
  }, colours);
  const doc = await PDFDocument.create();
  const shared = doc.context.obj({});
  for (const jpeg of jpegs) {
    const pdfPage = doc.addPage([595, 842]);
    pdfPage.drawImage(await doc.embedJpg(new Uint8Array(jpeg)), {
      x: 0,
      y: 0,
      width: 595,
      height: 842,
    });
    const own = pdfPage.node.Resources()!.lookup(PDFName.of('XObject'), PDFDict);
    for (const [key, value] of own.entries()) shared.set(key, value);
  }
  for (const pdfPage of doc.getPages()) pdfPage.node.delete(PDFName.of('Resources'));
  doc.catalog.Pages().set(PDFName.of('Resources'), doc.context.obj({ XObject: shared }));
  await workspace.importScan('so-quet-chung-tai-nguyen.pdf', Buffer.from(await doc.save()));

  const viewer = new Viewer(page);
  await expect(viewer.indicator).toHaveText('Trang 1/3');
  const centre = async () => {
    const { r, g, b } = await viewer.colourAt(0.5, 0.5);
    return [r > 128, g > 128, b > 128];
  };
  await viewer.expectDrawn();
  await expect.poll(centre).toEqual([true, false, false]);
  await viewer.tool('Hình thu nhỏ các trang').click();
  await viewer.thumbnails.getByRole('button', { name: 'Trang 2', exact: true }).click();
  await expect(viewer.indicator).toHaveText('Trang 2/3');
  await viewer.expectDrawn();
  await expect.poll(centre).toEqual([false, true, false]);
  await viewer.thumbnails.getByRole('button', { name: 'Trang 3', exact: true }).click();
  await expect(viewer.indicator).toHaveText('Trang 3/3');
  await viewer.expectDrawn();
  await expect.poll(centre).toEqual([false, false, true]);
});

// Most scanned pages are one JPEG over the whole page, and the viewer shows those by decoding
// the JPEG itself; other pages (text and lines drawn in the PDF) go through the PDF renderer.
// The officer must not notice which: the same page shows, turns, zooms and takes the same
// tools and regions either way.
import { expect, test, type Page } from '@playwright/test';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { BooksScreen, Workspace } from './models';
import { Viewer, type Box } from './viewer-model';

/** A white A4 page with its top-left quarter red, so a turn shows where the quarter went. */
async function pictureScan(page: Page): Promise<Buffer> {
  const jpeg = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 1240;
    canvas.height = 1754;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.fillStyle = '#d02020';
    context.fillRect(0, 0, canvas.width / 2, canvas.height / 2);
    context.fillStyle = '#202020';
    context.font = '60px sans-serif';
    context.fillText('Trang 1', 700, 1200);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg'));
    return Array.from(new Uint8Array(await blob!.arrayBuffer()));
  });
  const doc = await PDFDocument.create();
  const image = await doc.embedJpg(new Uint8Array(jpeg));
  doc.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  return Buffer.from(await doc.save());
}

/** The same page drawn with PDF shapes and text, no picture in it. */
async function vectorScan(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pdfPage = doc.addPage([595, 842]);
  pdfPage.drawRectangle({ x: 0, y: 421, width: 297.5, height: 421, color: rgb(0.82, 0.13, 0.13) });
  pdfPage.drawText('Trang 1', { x: 340, y: 260, size: 30, font });
  return Buffer.from(await doc.save());
}

/** Whether the picture is red at a spot given as fractions of its width and height. */
async function redAt(viewer: Viewer, x: number, y: number): Promise<boolean> {
  const { r, g, b } = await viewer.colourAt(x, y);
  return r > 160 && g < 100 && b < 100;
}

function expectNear(actual: number, expected: number, tolerance = 4): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance);
}

for (const kind of ['picture', 'vector'] as const) {
  test(`a ${kind} page shows, turns, zooms and takes the image tools and a region`, async ({
    page,
  }) => {
    await new BooksScreen(page).createBookFresh();
    const workspace = new Workspace(page);
    const scan = kind === 'picture' ? await pictureScan(page) : await vectorScan();
    await workspace.importScan(`trang-${kind}.pdf`, scan);
    const viewer = new Viewer(page);
    await expect(viewer.indicator).toHaveText('Trang 1/1');
    await workspace.pressButton('Thêm trường hợp');
    await viewer.expectDrawn();

    // Upright: the red quarter at the top left, as on paper.
    await expect.poll(() => redAt(viewer, 0.25, 0.25)).toBe(true);
    expect(await redAt(viewer, 0.75, 0.75)).toBe(false);
    const upright = await viewer.pictureBox();
    expect(upright.height / upright.width).toBeCloseTo(842 / 595, 1);

    // Turned a quarter clockwise: the red quarter moves to the top right.
    await viewer.tool('Xoay trang 90°').click();
    await expect
      .poll(async () => {
        const box = await viewer.pictureBox();
        return box.width > box.height;
      })
      .toBe(true);
    await expect.poll(() => redAt(viewer, 0.75, 0.25)).toBe(true);
    expect(await redAt(viewer, 0.25, 0.25)).toBe(false);
    await viewer.tool('Xoay trang 90°').click();
    await viewer.tool('Xoay trang 90°').click();
    await viewer.tool('Xoay trang 90°').click();
    await expect.poll(() => redAt(viewer, 0.25, 0.25)).toBe(true);

    // Zoomed far in, the page is drawn again, sharper and the same way up.
    for (let i = 0; i < 6; i++) await page.keyboard.press('Alt+Equal');
    await expect(viewer.zoomLevel).toHaveText('400%');
    await expect
      .poll(() => viewer.picture.evaluate((element) => (element as HTMLCanvasElement).width))
      .toBeGreaterThan(upright.width * 2);
    await expect.poll(() => redAt(viewer, 0.25, 0.25)).toBe(true);
    expect(await redAt(viewer, 0.75, 0.75)).toBe(false);
    await page.keyboard.press('Alt+0');
    await expect(viewer.zoomLevel).toHaveText('100%');

    // Brightness, contrast, grey and invert act on the picture.
    for (const name of ['Tăng sáng', 'Tăng tương phản', 'Đảo màu', 'Ảnh xám']) {
      await viewer.tool(name).click();
      await expect(viewer.tool(name)).toHaveAttribute('aria-pressed', 'true');
    }
    await expect(viewer.picture).toHaveCSS('filter', /brightness.*contrast.*grayscale.*invert/);

    // The line ruler lies across the picture.
    await page.keyboard.press('Alt+ArrowDown');
    const ruler = viewer.root.locator('.viewer-ruler');
    await expect(ruler).toBeVisible();
    const picture = await viewer.pictureBox();
    const rulerBox = (await ruler.boundingBox()) as Box;
    expectNear(rulerBox.x, picture.x);
    expectNear(rulerBox.width, picture.width);

    // A region drawn on the page sits where it was drawn, and stays after a reload.
    await viewer.tool('Khoanh vùng').click();
    await viewer.drag({ x: 0.1, y: 0.2 }, { x: 0.6, y: 0.35 });
    await expect(viewer.entryRegion).toBeVisible();
    const expectRegion = async () => {
      const shown = await viewer.pictureBox();
      const region = (await viewer.entryRegion.boundingBox()) as Box;
      expectNear(region.x - shown.x, 0.1 * shown.width);
      expectNear(region.y - shown.y, 0.2 * shown.height);
      expectNear(region.width, 0.5 * shown.width);
      expectNear(region.height, 0.15 * shown.height);
    };
    await expectRegion();
    await page.reload();
    await viewer.expectDrawn();
    await expect(viewer.entryRegion).toBeVisible();
    await expectRegion();
    await expect.poll(() => redAt(viewer, 0.25, 0.25)).toBe(true);
  });
}

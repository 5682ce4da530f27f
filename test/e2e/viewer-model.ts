// The scan viewer as the officer sees it: its tools by their Vietnamese names, the page
// picture and the entry's region.
import { expect, type Locator, type Page } from '@playwright/test';
import { readSettingsStartingWith } from './crash-browser';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class Viewer {
  readonly root: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Bản scan' });
  }

  tool(name: string): Locator {
    return this.root.getByRole('button', { name, exact: true });
  }

  get zoomLevel(): Locator {
    return this.root.getByRole('status', { name: 'Mức phóng' });
  }

  get indicator(): Locator {
    return this.page.getByTestId('page-indicator');
  }

  get picture(): Locator {
    return this.root.getByRole('img', { name: /^Trang \d+ của tệp/ });
  }

  get frame(): Locator {
    return this.root.getByRole('group', { name: 'Trang đang xem' });
  }

  get entryRegion(): Locator {
    return this.root.getByRole('img', { name: 'Vùng của trường hợp' });
  }

  get thumbnails(): Locator {
    return this.root.getByRole('navigation', { name: 'Các trang của sổ' });
  }

  /** Waits until the page is drawn, not just laid out. */
  async expectDrawn(): Promise<void> {
    await expect(this.picture).toBeVisible();
    await expect(this.root.getByText('Đang mở trang…')).toHaveCount(0);
  }

  /**
   * Waits until the book's view settings are on disk with these values: they are written a
   * moment after the last change, so a reload before then would rightly show the old ones.
   */
  async expectSettingsStored(expected: Record<string, unknown>): Promise<void> {
    await expect
      .poll(async () => (await readSettingsStartingWith(this.page, 'viewer:'))[0] ?? null)
      .toMatchObject(expected);
  }

  /**
   * The colour of the page picture at a spot given as fractions of its width and height, as the
   * canvas shows it (read through a copy, whatever kind of canvas it is).
   */
  async colourAt(x: number, y: number): Promise<{ r: number; g: number; b: number }> {
    return this.picture.evaluate(
      (element, [fx, fy]) => {
        const canvas = element as HTMLCanvasElement;
        const copy = new OffscreenCanvas(1, 1).getContext('2d')!;
        const sx = Math.min(canvas.width - 1, Math.floor(canvas.width * fx!));
        const sy = Math.min(canvas.height - 1, Math.floor(canvas.height * fy!));
        copy.drawImage(canvas, sx, sy, 1, 1, 0, 0, 1, 1);
        const [r, g, b] = copy.getImageData(0, 0, 1, 1).data;
        return { r: r!, g: g!, b: b! };
      },
      [x, y],
    );
  }

  async pictureBox(): Promise<Box> {
    const box = await this.picture.boundingBox();
    if (!box) throw new Error('The page picture is not on screen');
    return box;
  }

  /** Drags a box on the page picture, corners given as fractions of the picture. */
  async drag(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
    const box = await this.pictureBox();
    const at = (p: { x: number; y: number }) => [box.x + p.x * box.width, box.y + p.y * box.height];
    const [x1, y1] = at(from) as [number, number];
    const [x2, y2] = at(to) as [number, number];
    await this.page.mouse.move(x1, y1);
    await this.page.mouse.down();
    await this.page.mouse.move((x1 + x2) / 2, (y1 + y2) / 2, { steps: 4 });
    await this.page.mouse.move(x2, y2, { steps: 4 });
    await this.page.mouse.up();
  }
}

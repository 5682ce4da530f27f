// Page models: what an officer sees and does, in their words.
import { expect, type Download, type Page } from '@playwright/test';
import { makePdf } from '../fixtures/make-pdf';

export interface BookDetails {
  /** The register type as listed in "Loại sổ"; khai sinh when absent. */
  typeName?: string;
  quyenSo: string;
  year?: string;
  noiDangKy: string;
  nguoiKy: string;
  chucVuNguoiKy: string;
  nguoiThucHien: string;
  expectedCount?: string;
}

export const defaultBook: BookDetails = {
  quyenSo: '01/2008',
  noiDangKy: 'UBND xã An Nhơn, huyện Đạ Tẻh, tỉnh Lâm Đồng',
  nguoiKy: 'Lê Đức Tuấn',
  chucVuNguoiKy: 'Chủ tịch UBND xã',
  nguoiThucHien: 'Nguyễn Văn Sơn',
  expectedCount: '120',
};

export class BooksScreen {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { name: 'Sổ hộ tịch' })).toBeVisible();
  }

  /** Opens the app and creates the default book: the usual start of a test. */
  async createBookFresh(details: BookDetails = defaultBook): Promise<void> {
    await this.open();
    await this.createBook(details);
    await expect(this.page.getByRole('button', { name: 'Thêm trường hợp' })).toBeVisible();
  }

  /** Fills the new-book dialog with the keyboard only. */
  async createBook(details: BookDetails = defaultBook): Promise<void> {
    await this.page.getByRole('button', { name: 'Tạo sổ mới' }).focus();
    await this.page.keyboard.press('Enter');
    const dialog = this.page.getByRole('dialog', { name: 'Tạo sổ mới' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Loại sổ')).toBeFocused();
    if (details.typeName)
      await dialog.getByLabel('Loại sổ').selectOption({ label: details.typeName });
    const steps: [string, string | undefined][] = [
      ['Quyển số', details.quyenSo],
      ['Năm mở sổ', details.year],
      ['Nơi đăng ký', details.noiDangKy],
      ['Người ký', details.nguoiKy],
      ['Chức vụ người ký', details.chucVuNguoiKy],
      ['Người thực hiện', details.nguoiThucHien],
      ['Số trường hợp dự kiến', details.expectedCount],
    ];
    for (const [label, value] of steps) {
      await this.page.keyboard.press('Tab');
      await expect(dialog.getByLabel(label, { exact: true })).toBeFocused();
      if (value !== undefined) await this.page.keyboard.type(value);
    }
    await this.page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
  }
}

export class Workspace {
  constructor(private readonly page: Page) {}

  async pressButton(name: string): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).focus();
    await this.page.keyboard.press('Enter');
  }

  async importScan(name: string, buffer: Buffer, mimeType = 'application/pdf'): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.pressButton('Nhập bản scan');
    await (await chooser).setFiles({ name, mimeType, buffer });
  }

  async importPdf(pages: number): Promise<void> {
    await this.importScan('so-khai-sinh-2008.pdf', await makePdf(pages));
    await expect(this.page.getByTestId('page-indicator')).toHaveText(`Trang 1/${pages}`);
  }

  field(label: string) {
    return this.page.getByRole('form').getByLabel(label, { exact: true });
  }

  /**
   * Walks the form with Enter from the focused field: each step names the field expected to
   * have focus and what to type there (undefined: leave as is).
   */
  async typeSteps(steps: [string, string | undefined][]): Promise<void> {
    for (const [label, value] of steps) {
      await expect(this.field(label)).toBeFocused();
      if (value !== undefined) await this.page.keyboard.type(value);
      await this.page.keyboard.press('Enter');
    }
  }

  async expectSaved(): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: /^Đã lưu$/ })).toBeVisible();
  }

  /** Exports and returns the downloads, in the order the browser received them. */
  async exportBundle(expectedFiles = 2): Promise<Download[]> {
    const downloads: Download[] = [];
    this.page.on('download', (download) => downloads.push(download));
    await this.pressButton('Xuất sổ');
    // The book passed the check: the officer chooses where the bundle goes.
    await this.pressButton('Tải về');
    await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(expectedFiles);
    return downloads;
  }
}

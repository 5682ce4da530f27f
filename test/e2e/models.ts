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

export interface OfficerLogin {
  name: string;
  pin: string;
}

/** The administrator every test run starts with, created on the first-run screen. */
export const defaultAdmin: OfficerLogin = { name: 'Quản trị viên', pin: '2580' };

export type RoleName = 'Nhập liệu' | 'Rà soát' | 'Quản trị';

/** Who is working: first-run setup, sign-in, switching, and the administrator's screen. */
export class Officers {
  constructor(private readonly page: Page) {}

  get current() {
    return this.page.getByTestId('current-officer');
  }

  private get firstRunHeading() {
    return this.page.getByRole('heading', { name: 'Thiết lập lần đầu' });
  }

  get signInHeading() {
    return this.page.getByRole('heading', { name: 'Đăng nhập' });
  }

  /**
   * Whatever the app asks on opening: creates the administrator on a first run, signs in when
   * it asks who is working, does nothing when someone is already signed in.
   */
  async signInIfAsked(officer: OfficerLogin = defaultAdmin): Promise<void> {
    await expect(
      this.firstRunHeading.or(this.signInHeading).or(this.current).first(),
    ).toBeVisible();
    if (await this.firstRunHeading.isVisible()) await this.setUp(officer);
    else if (await this.signInHeading.isVisible()) await this.signIn(officer.name, officer.pin);
  }

  /** The first-run screen: the administrator's name and PIN twice, Enter. */
  async setUp(officer: OfficerLogin = defaultAdmin): Promise<void> {
    await this.page.getByLabel('Họ tên', { exact: true }).fill(officer.name);
    await this.page.getByLabel('Mã PIN', { exact: true }).fill(officer.pin);
    await this.page.getByLabel('Nhập lại mã PIN', { exact: true }).fill(officer.pin);
    await this.page.keyboard.press('Enter');
    await expect(this.current).toHaveText(officer.name);
  }

  /** Picks the officer with the arrow keys, types the PIN, Enter. */
  async signIn(name: string, pin: string): Promise<void> {
    await this.typeSignIn(name, pin);
    await expect(this.current).toHaveText(name, { timeout: 15_000 });
  }

  /** The sign-in keystrokes without waiting for success (for wrong PINs). */
  async typeSignIn(name: string, pin: string): Promise<void> {
    await expect(this.signInHeading).toBeVisible();
    const list = this.page.getByRole('listbox', { name: 'Cán bộ' });
    const names = await list.getByRole('option').locator('.officer-list-name').allInnerTexts();
    const index = names.indexOf(name);
    expect(index, `${name} is offered at sign-in`).toBeGreaterThanOrEqual(0);
    await list.focus();
    await this.page.keyboard.press('Home');
    for (let i = 0; i < index; i += 1) await this.page.keyboard.press('ArrowDown');
    await expect(list.getByRole('option', { selected: true })).toContainText(name);
    await this.page.keyboard.press('Enter');
    await expect(this.page.getByLabel(`Mã PIN của ${name}`, { exact: true })).toBeFocused();
    await this.page.keyboard.type(pin);
    await this.page.keyboard.press('Enter');
  }

  /** Ctrl+L: the screen locks and asks who is working. */
  async switchOfficer(): Promise<void> {
    await this.page.keyboard.press('Control+L');
    await expect(this.signInHeading).toBeVisible();
  }

  /** Signs out through the lock and in as someone else. */
  async switchTo(name: string, pin: string): Promise<void> {
    await this.switchOfficer();
    await this.signIn(name, pin);
  }

  /** Adds an officer through the administrator's screen (the signed-in officer is an admin). */
  async addOfficer(name: string, role: RoleName, pin: string): Promise<void> {
    const dialog = await this.openAdmin();
    await dialog.getByLabel('Họ tên', { exact: true }).fill(name);
    await dialog.getByLabel('Vai trò', { exact: true }).selectOption({ label: role });
    await dialog.getByLabel('Mã PIN', { exact: true }).fill(pin);
    await dialog.getByRole('button', { name: 'Thêm cán bộ' }).click();
    await expect(dialog.getByRole('row', { name: new RegExp(`^${name}`) })).toBeVisible({
      timeout: 15_000,
    });
    // Ready for the next one: the keyboard is back on the emptied name.
    await expect(dialog.getByLabel('Họ tên', { exact: true })).toBeFocused();
    await expect(dialog.getByLabel('Họ tên', { exact: true })).toHaveValue('');
    await this.closeAdmin();
  }

  async openAdmin() {
    await this.page.getByRole('button', { name: 'Cán bộ', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Cán bộ' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async closeAdmin(): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: 'Cán bộ' });
    await dialog.getByRole('button', { name: 'Đóng', exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}

/** The new-book dialog's fields after "Loại sổ", in their Tab order, with what goes in each. */
function bookSteps(details: BookDetails): [string, string | undefined][] {
  return [
    ['Quyển số', details.quyenSo],
    ['Năm mở sổ', details.year],
    ['Nơi đăng ký', details.noiDangKy],
    ['Người ký', details.nguoiKy],
    ['Chức vụ người ký', details.chucVuNguoiKy],
    ['Người thực hiện', details.nguoiThucHien],
    ['Số trường hợp dự kiến', details.expectedCount],
  ];
}

export class BooksScreen {
  constructor(private readonly page: Page) {}

  /** Opens the app as the given officer (the default administrator, created on a first run). */
  async open(officer: OfficerLogin = defaultAdmin): Promise<void> {
    // The book list by its address: the plain address reopens the last screen (see reopen).
    await this.page.goto('/#/');
    await new Officers(this.page).signInIfAsked(officer);
    await expect(this.page.getByRole('heading', { name: 'Sổ hộ tịch' })).toBeVisible();
  }

  /**
   * Opens the app the way an officer starts it after a restart or a crash: at its plain
   * address, where it reopens on its own the screen that was open.
   */
  async reopen(officer: OfficerLogin = defaultAdmin): Promise<void> {
    await this.page.goto('/');
    await new Officers(this.page).signInIfAsked(officer);
    await expect(this.page.getByRole('link', { name: 'SoHoa' })).toBeVisible();
  }

  /** Opens the app and creates the default book: the usual start of a test. */
  async createBookFresh(details: BookDetails = defaultBook): Promise<void> {
    await this.open();
    await this.addBook(details);
    await expect(this.page.getByRole('button', { name: 'Thêm trường hợp' })).toBeVisible();
  }

  /**
   * Creates a book by filling the new-book dialog's fields directly, for tests about what
   * comes after; `createBook` walks the same dialog with the keyboard, as an officer does.
   */
  async addBook(
    details: BookDetails = defaultBook,
    { sameAsExisting = false }: { sameAsExisting?: boolean } = {},
  ): Promise<void> {
    await this.page.getByRole('button', { name: 'Tạo sổ mới' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Tạo sổ mới' });
    if (details.typeName)
      await dialog.getByLabel('Loại sổ').selectOption({ label: details.typeName });
    for (const [label, value] of bookSteps(details)) {
      if (value !== undefined) await dialog.getByLabel(label, { exact: true }).fill(value);
    }
    await dialog.getByRole('button', { name: 'Tạo sổ', exact: true }).click();
    if (sameAsExisting) {
      // The same type, number and year as a book already here: asked once, then made.
      await expect(dialog.getByRole('alert')).toContainText(
        `Máy này đã có sổ quyển ${details.quyenSo}`,
      );
      await dialog.getByRole('button', { name: 'Vẫn tạo sổ mới' }).click();
    }
    await expect(dialog).toBeHidden();
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
    for (const [label, value] of bookSteps(details)) {
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

  /** The previous entry's value shown in an empty field, taken with Enter. */
  suggestionIn(label: string) {
    return this.page
      .getByRole('form')
      .locator('.field-control', { has: this.page.getByLabel(label, { exact: true }) })
      .locator('.field-suggestion');
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

  /**
   * Puts values straight into the named fields, for tests about what happens after an entry
   * is typed; `typeSteps` types them key by key, walking the form with Enter.
   */
  async fillFields(values: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(values)) await this.field(label).fill(value);
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

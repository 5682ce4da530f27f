// An officer's day without a mouse: every control is reached with Tab, Enter and the app's
// shortcuts, and a listener in the page proves no pointer event took place.
import { expect, test, type Download, type FileChooser, type Page } from '@playwright/test';
import { makePdf } from '../fixtures/make-pdf';
import { downloadBytes, readWorkbook } from './files';
import { defaultAdmin, defaultBook } from './models';
import { stepsFrom } from './ks-form';

/** Counts pointer events a person makes; Enter on a button fires a click with detail 0. */
async function countPointer(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { pointerEvents: string[] };
    w.pointerEvents = [];
    for (const type of ['pointerdown', 'mousedown', 'click', 'contextmenu', 'wheel']) {
      window.addEventListener(
        type,
        (event) => {
          const isPointer = event instanceof PointerEvent && type === 'pointerdown';
          const isMouse = event instanceof MouseEvent && event.detail > 0;
          if (event.isTrusted && (isPointer || isMouse || type === 'wheel'))
            w.pointerEvents.push(type);
        },
        true,
      );
    }
  });
}

const pointerEvents = (page: Page) =>
  page.evaluate(() => (window as unknown as { pointerEvents: string[] }).pointerEvents);

/** The focused element's name, as the officer reads it on screen. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null;
    if (!element || element === document.body) return '';
    const label = element.labels?.[0]?.innerText;
    return (element.getAttribute('aria-label') ?? label ?? element.innerText ?? '').trim();
  });

/** Presses Tab until the control named `name` has the keyboard; fails if it never does. */
async function tabTo(page: Page, name: string, { limit = 120, back = false } = {}) {
  for (let i = 0; i < limit; i++) {
    if ((await focusedName(page)) === name) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`“${name}” cannot be reached with ${back ? 'Shift+Tab' : 'Tab'}`);
}

const reviewer = { name: 'Trần Văn Minh', pin: '1357' };

/** Presses a key on a closed select until the option named `label` is chosen. */
async function chooseOption(page: Page, label: string) {
  const select = page.locator(':focus');
  for (let i = 0; i < 10; i++) {
    const chosen = await select.evaluate((element) => {
      const options = (element as HTMLSelectElement).selectedOptions;
      return options[0]?.text ?? '';
    });
    if (chosen === label) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`“${label}” cannot be chosen with the arrow keys`);
}

test('first run, a book, scans, five entries, a warning confirmed, submission, review, approval and export, all from the keyboard', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await countPointer(page);
  await page.goto('/#/');

  // First run: the administrator's name, PIN and PIN again, Enter.
  await expect(page.getByRole('heading', { name: 'Thiết lập lần đầu' })).toBeVisible();
  await expect(page.getByLabel('Họ tên', { exact: true })).toBeFocused();
  await page.keyboard.type(defaultAdmin.name);
  await page.keyboard.press('Tab');
  await page.keyboard.type(defaultAdmin.pin);
  await page.keyboard.press('Tab');
  await page.keyboard.type(defaultAdmin.pin);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('current-officer')).toHaveText(defaultAdmin.name);

  // The administrator adds the shift's reviewer on the officers screen.
  await tabTo(page, 'Cán bộ');
  await page.keyboard.press('Enter');
  const officersDialog = page.getByRole('dialog', { name: 'Cán bộ' });
  await expect(officersDialog).toBeVisible();
  await tabTo(page, 'Họ tên');
  await page.keyboard.type(reviewer.name);
  await tabTo(page, 'Vai trò');
  await chooseOption(page, 'Rà soát');
  await tabTo(page, 'Mã PIN');
  await page.keyboard.type(reviewer.pin);
  await page.keyboard.press('Enter');
  await expect(
    officersDialog.getByRole('row', { name: new RegExp(`^${reviewer.name}`) }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(officersDialog).toBeHidden();

  // A book through the new-book dialog.
  await tabTo(page, 'Tạo sổ mới');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Tạo sổ mới' });
  await expect(dialog.getByLabel('Loại sổ')).toBeFocused();
  for (const [label, value] of [
    ['Quyển số', defaultBook.quyenSo],
    ['Năm mở sổ', defaultBook.year],
    ['Nơi đăng ký', defaultBook.noiDangKy],
    ['Người ký', defaultBook.nguoiKy],
    ['Chức vụ người ký', defaultBook.chucVuNguoiKy],
    ['Người thực hiện', defaultBook.nguoiThucHien],
  ] as const) {
    await page.keyboard.press('Tab');
    await expect(dialog.getByLabel(label, { exact: true })).toBeFocused();
    if (value !== undefined) await page.keyboard.type(value);
  }
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  // Scans: the file chooser opened by Enter on "Nhập bản scan". The new book's workspace may
  // still be settling (its toolbar drawn again as its rows arrive), and an Enter that lands in
  // between reaches no button: the officer, like this test, presses it again.
  await expect(page.getByText('Sổ chưa có bản scan.', { exact: false })).toBeVisible();
  let chooser: FileChooser | undefined;
  await expect(async () => {
    await tabTo(page, 'Nhập bản scan');
    const opened = page.waitForEvent('filechooser', { timeout: 15_000 });
    await page.keyboard.press('Enter');
    chooser = await opened;
  }).toPass({ timeout: 120_000 });
  await chooser!.setFiles({
    name: 'so-khai-sinh-2008.pdf',
    mimeType: 'application/pdf',
    buffer: await makePdf(3),
  });
  await expect(page.getByTestId('page-indicator')).toHaveText('Trang 1/3');

  // Five entries, walked field by field with Enter, the next one started with Ctrl+Enter.
  await tabTo(page, 'Thêm trường hợp');
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { name: /^Trường hợp số/ });
  const form = page.getByRole('form');
  const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Võ Văn Em'];
  for (const [index, name] of names.entries()) {
    await expect(heading).toHaveText(`Trường hợp số ${index + 1}`);
    await expect(form.getByLabel('Trang số', { exact: true })).toBeFocused();
    for (const [label, value] of stepsFrom('Trang số', {
      'Trang số': String(index + 1),
      'Ngày đăng ký': `1${index}012008`,
      'Loại đăng ký': '1',
      'Họ tên người được khai sinh': name,
      'Giới tính': index % 2 === 0 ? '1' : '2',
      'Ngày sinh': `0${index + 1}012008`,
      'Nơi sinh': 'Trạm y tế xã An Nhơn',
      'Họ tên mẹ': 'Trần Thị Hoa',
    }).slice(0, 14)) {
      await expect(form.getByLabel(label, { exact: true })).toBeFocused();
      // Below the fold too: the form scrolls to the field Enter moved to.
      await expect(form.getByLabel(label, { exact: true })).toBeInViewport();
      if (value !== undefined) await page.keyboard.type(value);
      await page.keyboard.press('Enter');
    }
    if (index < names.length - 1) await page.keyboard.press('Control+Enter');
  }
  await expect(page.getByRole('status').filter({ hasText: /^Đã lưu$/ })).toBeVisible();

  // A warning confirmed with a reason: a registration date with the year only.
  const registered = form.getByLabel('Ngày đăng ký', { exact: true });
  await tabTo(page, 'Ngày đăng ký', { back: true });
  await expect(registered).toBeFocused();
  await page.keyboard.type('2008');
  await page.keyboard.press('Enter');
  const warning = page.getByRole('listitem').filter({ hasText: /Ngày đăng ký chỉ có/ });
  await expect(warning).toBeVisible();
  await tabTo(page, 'Xác nhận giữ nguyên…');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Sổ chỉ ghi năm');
  await page.keyboard.press('Enter');
  await expect(warning).toContainText('đã xác nhận: Sổ chỉ ghi năm');

  // Submitted for review with Alt+G.
  await page.keyboard.press('Alt+G');
  await expect(page.getByRole('note')).toContainText('Trường hợp đang chờ rà soát');

  // The other four go from the entry list, with every complete entry.
  await tabTo(page, '← Danh sách trường hợp', { back: true });
  await page.keyboard.press('Enter');
  await tabTo(page, 'Gửi rà soát các trường hợp đủ');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Đã gửi 4, còn 0' })).toBeVisible();

  // The reviewer takes the PC: Ctrl+L, then their name with the arrows and their PIN.
  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  await tabTo(page, 'Cán bộ');
  const selected = page
    .getByRole('listbox', { name: 'Cán bộ' })
    .getByRole('option', { selected: true });
  await page.keyboard.press('Home');
  for (let i = 0; i < 5; i++) {
    if ((await selected.innerText()).includes(reviewer.name)) break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(selected).toContainText(reviewer.name);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(`Mã PIN của ${reviewer.name}`, { exact: true })).toBeFocused();
  await page.keyboard.type(reviewer.pin);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('current-officer')).toHaveText(reviewer.name);

  // Review: A approves and the queue moves on, entry after entry.
  await tabTo(page, 'Rà soát (5)');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Rà soát:/ })).toBeVisible();
  for (let so = 1; so <= names.length; so++) {
    await expect(page.getByRole('heading', { name: `Trường hợp số ${so}` })).toBeVisible();
    await page.keyboard.press('a');
    await expect(
      page.getByRole('status').filter({ hasText: `Đã phê duyệt trường hợp số ${so}.` }),
    ).toBeVisible();
  }
  await expect(page.getByText('Không còn trường hợp nào chờ bạn rà soát')).toBeVisible();

  // Export: back to the book, "Xuất sổ", then the download.
  await tabTo(page, '← Về sổ', { back: true });
  await page.keyboard.press('Enter');
  const downloads: Download[] = [];
  page.on('download', (download) => downloads.push(download));
  await tabTo(page, 'Xuất sổ');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Sổ sẵn sàng để xuất' })).toBeVisible();
  await tabTo(page, 'Tải về');
  await page.keyboard.press('Enter');
  await expect.poll(() => downloads.length).toBe(2);
  const xlsx = downloads.find((d) => d.suggestedFilename().endsWith('.xlsx'));
  const [header, ...rows] = (await readWorkbook(await downloadBytes(xlsx!))).rows;
  const nameColumn = header!.findIndex((cell) => String(cell.value).startsWith('nksHoTen'));
  expect(rows.map((row) => row[nameColumn]?.value)).toEqual(names);

  expect(await pointerEvents(page)).toEqual([]);
});

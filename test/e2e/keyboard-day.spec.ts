// An officer's day without a mouse: every control is reached with Tab, Enter and the app's
// shortcuts, and a listener in the page proves no pointer event took place.
import { expect, test, type Page } from '@playwright/test';
import { makePdf } from '../fixtures/make-pdf';
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

test('first run, a book, scans, five entries, a warning confirmed and a submission, all from the keyboard', async ({
  page,
}) => {
  test.setTimeout(240_000);
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

  // Scans: the file chooser opened by Enter on "Nhập bản scan".
  await tabTo(page, 'Nhập bản scan');
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (
    await chooser
  ).setFiles({
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

  expect(await pointerEvents(page)).toEqual([]);
});

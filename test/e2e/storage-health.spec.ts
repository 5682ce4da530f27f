import { expect, test, type Page } from '@playwright/test';
import { makePdf } from '../fixtures/make-pdf';
import { BooksScreen, Workspace } from './models';

declare global {
  interface Window {
    /** Set by the test: from then on every IndexedDB put fails as on a full disk. */
    sohoaTestDiskFull?: boolean;
    /** While the disk is full, writes per table that still fit (a little space freed). */
    sohoaTestSpaceFor?: Record<string, number>;
  }
}

/** A full disk as Chromium reports it: IndexedDB refuses the write with QuotaExceededError. */
async function simulateFullDiskOnDemand(page: Page): Promise<void> {
  await page.addInitScript(() => {
    for (const method of ['put', 'add'] as const) {
      const original = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, method)
        ?.value as IDBObjectStore['put'];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args) {
        const space = window.sohoaTestSpaceFor?.[this.name] ?? 0;
        if (window.sohoaTestDiskFull && space > 0 && window.sohoaTestSpaceFor) {
          window.sohoaTestSpaceFor[this.name] = space - 1;
        } else if (window.sohoaTestDiskFull) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return original.apply(this, args);
      };
    }
  });
}

const setDiskFull = (page: Page, full: boolean) =>
  page.evaluate((value) => {
    window.sohoaTestDiskFull = value;
  }, full);

test('a full disk while typing says so in Vietnamese, keeps the text, and saves once space is back', async ({
  page,
}) => {
  await simulateFullDiskOnDemand(page);
  await new BooksScreen(page).createBookFresh();
  const workspace = new Workspace(page);
  await workspace.pressButton('Thêm trường hợp');
  await workspace.field('Nơi sinh').fill('Trạm y tế xã An Nhơn');
  await workspace.field('Nơi sinh').press('Enter');
  await workspace.expectSaved();

  await setDiskFull(page, true);
  await workspace.field('Quê quán').fill('Thôn 3, xã An Nhơn');
  await workspace.field('Quê quán').press('Enter');

  const alert = page.getByRole('alert').filter({ hasText: 'Ổ đĩa đã đầy' });
  await expect(alert).toContainText('CHƯA được lưu');
  await expect(alert).toContainText('vẫn an toàn');
  await expect(page.getByRole('status').filter({ hasText: /^Đã lưu$/ })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Chưa lưu được' })).toBeVisible();
  await expect(workspace.field('Quê quán')).toHaveValue('Thôn 3, xã An Nhơn');

  // Save-and-next must not leave the entry while its text is unsaved.
  await workspace.field('Quê quán').focus();
  await page.keyboard.press('Control+Enter');
  await expect(workspace.field('Số')).toHaveValue('1');
  await expect(workspace.field('Quê quán')).toHaveValue('Thôn 3, xã An Nhơn');

  // Space freed: the next automatic attempt saves without a keystroke.
  await setDiskFull(page, false);
  await workspace.expectSaved();
  await expect(alert).toBeHidden();
  await page.reload();
  await expect(workspace.field('Nơi sinh')).toHaveValue('Trạm y tế xã An Nhơn');
  await expect(workspace.field('Quê quán')).toHaveValue('Thôn 3, xã An Nhơn');
});

test('a new entry started on a full disk keeps everything typed into it once space is back', async ({
  page,
}) => {
  // Two automatic retries (5 s apart) run on top of the usual steps.
  test.slow();
  await simulateFullDiskOnDemand(page);
  await new BooksScreen(page).createBookFresh();
  const workspace = new Workspace(page);
  await workspace.pressButton('Thêm trường hợp');
  await workspace.field('Nơi sinh').fill('Trạm y tế xã An Nhơn');
  await workspace.field('Nơi sinh').press('Enter');
  await workspace.expectSaved();

  // Ctrl+Enter on a full disk: the next entry is on screen, not on disk; then typing.
  await setDiskFull(page, true);
  await workspace.field('Nơi sinh').focus();
  await page.keyboard.press('Control+Enter');
  await expect(workspace.field('Số')).toHaveValue('2');
  await workspace.field('Quê quán').fill('Thôn 3, xã An Nhơn');
  await workspace.field('Quê quán').blur();
  const alert = page.getByRole('alert').filter({ hasText: 'Ổ đĩa đã đầy' });
  await expect(alert).toBeVisible();

  // A little space is freed: the next attempt stores the entry and its trail, not the typing.
  await page.evaluate(() => {
    window.sohoaTestSpaceFor = { records: 1, audit: 1 };
  });
  await expect
    .poll(() => page.evaluate(() => Object.values(window.sohoaTestSpaceFor ?? {})), {
      timeout: 15_000,
    })
    .toEqual([0, 0]);
  await expect(page.getByRole('status').filter({ hasText: /^Đã lưu$/ })).toHaveCount(0);

  // All space is back: the next automatic attempt saves the rest, and the warning goes.
  await setDiskFull(page, false);
  await expect(page.getByRole('status').filter({ hasText: /^Đã lưu$/ })).toBeVisible({
    timeout: 15_000,
  });
  await expect(
    page.getByRole('alert').filter({ hasText: /Ổ đĩa đã đầy|Chưa lưu được/ }),
  ).toHaveCount(0);
  await page.reload();
  await expect(workspace.field('Số')).toHaveValue('2');
  await expect(workspace.field('Quê quán')).toHaveValue('Thôn 3, xã An Nhơn');
});

test('a scan that does not fit on the disk is refused whole, saying the disk is full', async ({
  page,
}) => {
  await simulateFullDiskOnDemand(page);
  await new BooksScreen(page).createBookFresh();
  const workspace = new Workspace(page);
  await setDiskFull(page, true);
  await workspace.importScan('so-khai-sinh-2008.pdf', await makePdf(3));
  await expect(page.getByRole('alert')).toContainText(
    'Không nhập được «so-khai-sinh-2008.pdf». Không có gì bị thay đổi. Chi tiết: Ổ đĩa đã đầy',
  );
  await expect(page.getByText('Các trang của sổ (0)')).toBeVisible();

  await setDiskFull(page, false);
  await workspace.importPdf(3);
  await expect(page.getByText('Các trang của sổ (3)')).toBeVisible();
});

test('the header shows space used and free, and warns early when the disk runs low', async ({
  page,
}) => {
  const MB = 1024 ** 2;
  await page.addInitScript((mb) => {
    StorageManager.prototype.estimate = () =>
      Promise.resolve({ usage: 48 * mb, quota: 48 * mb + 600 * mb });
  }, MB);
  await new BooksScreen(page).open();
  await expect(page.getByRole('status', { name: 'Dung lượng lưu trữ' })).toHaveText(
    'Dữ liệu: 48 MB · Còn trống: 600 MB',
  );
  const warning = page.getByRole('alert').filter({ hasText: 'Ổ đĩa sắp đầy' });
  await expect(warning).toContainText('chỉ còn 600 MB trống');
  await warning.getByRole('button', { name: 'Đóng' }).click();
  await expect(warning).toBeHidden();
});

test('plenty of space shows the figures and no warning', async ({ page }) => {
  const GB = 1024 ** 3;
  await page.addInitScript((gb) => {
    StorageManager.prototype.estimate = () => Promise.resolve({ usage: 0.25 * gb, quota: 30 * gb });
  }, GB);
  await new BooksScreen(page).open();
  await expect(page.getByRole('status', { name: 'Dung lượng lưu trữ' })).toHaveText(
    'Dữ liệu: 256 MB · Còn trống: 30 GB',
  );
  await expect(page.getByRole('alert')).toHaveCount(0);
});

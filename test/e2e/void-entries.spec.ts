// Nothing was deleted or voided: an entry made by mistake ("(chưa có tên)") stayed forever and
// was counted as typed. Now it is voided with a reason, from the keyboard: it leaves the
// statistics' typed count and the export, stays in the list marked with its reason, and a
// reviewer restores it. A book put away is archived and leaves the book list until asked for.
import { expect, test, type Page } from '@playwright/test';
import { BooksScreen, defaultBook, Officers, Workspace } from './models';

const minh = { name: 'Trần Văn Minh', pin: '1357' };

function notice(page: Page, text: string) {
  return page.getByRole('status').filter({ hasText: text });
}

/** The book's line in "Theo sổ": entries typed, and voided ones apart, by column name. */
async function expectBookStats(page: Page, entered: number, voided: number) {
  await page.getByRole('link', { name: 'Tiến độ' }).click();
  const table = page.getByRole('region', { name: 'Theo sổ' }).getByRole('table');
  await expect(table).toBeVisible();
  const headers = await table.locator('thead th').allInnerTexts();
  const row = table.getByRole('row').filter({ hasText: defaultBook.quyenSo });
  const column = (name: string) => row.locator('th, td').nth(headers.indexOf(name));
  expect(headers).toContain('Đã hủy');
  await expect(column('Đã nhập')).toHaveText(String(entered));
  await expect(column('Đã hủy')).toHaveText(String(voided));
}

test('an unnamed entry is voided with a reason, leaves statistics and export, and a reviewer restores it', async ({
  page,
}) => {
  test.slow();
  const officers = new Officers(page);
  const workspace = new Workspace(page);
  const books = new BooksScreen(page);
  await books.open();
  await officers.addOfficer(minh.name, 'Rà soát', minh.pin);
  await books.addBook();
  await workspace.importPdf(1);
  // An entry made by mistake: a date typed, no name.
  await workspace.pressButton('Thêm trường hợp');
  await expect(page.getByRole('form', { name: 'Trường hợp số 1' })).toBeVisible();
  await workspace.field('Ngày đăng ký').fill('05.01.2008');
  await workspace.field('Ngày đăng ký').blur();
  await workspace.expectSaved();
  await expectBookStats(page, 1, 0);
  await page.goBack();

  // Voided from the open entry, with the keyboard: a reason is asked for and required.
  await expect(page.getByRole('form', { name: 'Trường hợp số 1' })).toBeVisible();
  await workspace.field('Ngày đăng ký').focus();
  await page.keyboard.press('Alt+H');
  const reason = page.getByLabel('Lý do hủy');
  await expect(reason).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Hãy ghi lý do hủy hoặc khôi phục trường hợp.' }),
  ).toBeVisible();
  await page.keyboard.type('Tạo nhầm, sổ gốc không có');
  await page.keyboard.press('Enter');
  await expect(notice(page, 'Đã hủy trường hợp số 1.')).toBeVisible();
  // The form shows it read-only with its reason.
  await expect(
    page.getByRole('note').filter({ hasText: 'Tạo nhầm, sổ gốc không có' }),
  ).toBeVisible();
  await expect(workspace.field('Ngày đăng ký')).not.toBeEditable();

  // Statistics: not typed any more, counted apart as voided.
  await expectBookStats(page, 0, 1);
  await page.goBack();

  // The list keeps it, marked with its reason, and filters it.
  await page.getByRole('link', { name: '← Danh sách trường hợp' }).click();
  const list = page.getByRole('grid', { name: 'Danh sách trường hợp' });
  await expect(list.getByRole('row').filter({ hasText: '(chưa có tên)' })).toContainText(
    'Đã hủy: Tạo nhầm, sổ gốc không có',
  );
  await page.getByLabel('Lọc theo trạng thái').selectOption({ label: 'Đã hủy' });
  await expect(list.getByRole('row')).toHaveCount(2);
  await page.getByLabel('Lọc theo trạng thái').selectOption({ label: 'Lưu nháp' });
  await expect(page.getByText('Không có trường hợp nào khớp')).toBeVisible();
  await page.getByLabel('Lọc theo trạng thái').selectOption({ label: 'Tất cả' });

  // The export leaves it out and says it was voided.
  await workspace.pressButton('Xuất sổ');
  await expect(notice(page, '1 trường hợp đã hủy không được xuất.')).toBeVisible();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Sổ chưa có trường hợp nào để xuất.' }),
  ).toBeVisible();

  // A reviewer restores it, with a reason: it is a draft again.
  await officers.switchTo(minh.name, minh.pin);
  await books.open(minh);
  // The book list counts the book's entries without the voided one.
  await expect(page.getByRole('row').filter({ hasText: defaultBook.quyenSo })).toContainText(
    '0 / 120',
  );
  await page.getByRole('link', { name: new RegExp(defaultBook.quyenSo) }).click();
  await list.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('form', { name: 'Trường hợp số 1' })).toBeVisible();
  await page.keyboard.press('Alt+K');
  await expect(page.getByLabel('Lý do khôi phục')).toBeFocused();
  await page.keyboard.type('Có trong sổ gốc, trang 1');
  await page.keyboard.press('Enter');
  await expect(notice(page, 'Đã khôi phục trường hợp số 1')).toBeVisible();
  await expect(workspace.field('Ngày đăng ký')).toBeEditable();
  await expectBookStats(page, 1, 0);
});

test('an archived book leaves the book list until "show archived", and comes back', async ({
  page,
}) => {
  const books = new BooksScreen(page);
  await books.createBookFresh();
  await page.getByRole('link', { name: '← Danh sách sổ' }).click();
  const row = page.getByRole('row').filter({ hasText: defaultBook.quyenSo });
  await expect(row).toBeVisible();
  await page.getByRole('button', { name: `Lưu trữ sổ ${defaultBook.quyenSo}` }).click();
  await expect(notice(page, `Đã lưu trữ sổ ${defaultBook.quyenSo}`)).toBeVisible();
  await expect(row).toHaveCount(0);
  await page.getByLabel('Hiện sổ đã lưu trữ (1)').check();
  await expect(row).toContainText('Đã lưu trữ');
  await page.getByRole('button', { name: `Đưa sổ ${defaultBook.quyenSo} ra khỏi lưu trữ` }).click();
  await page.getByLabel('Hiện sổ đã lưu trữ (0)').uncheck();
  await expect(row).toBeVisible();
  await expect(row).not.toContainText('Đã lưu trữ');
});

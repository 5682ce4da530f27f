// An archived book is read-only everywhere, not only in its forms: an Excel import and the pages
// panel are refused in Vietnamese. An entry voided is not typed work in the day-by-day
// statistics either: it is counted apart.
import { expect, test, type Page } from '@playwright/test';
import { makeXlsx, rowOf, templateHeaders } from '../fixtures/make-xlsx';
import { BooksScreen, defaultBook, Workspace } from './models';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ARCHIVED = 'Sổ này đã lưu trữ nên chỉ để xem. Quản trị có thể đưa sổ ra khỏi lưu trữ.';

const storedEntries = (page: Page) =>
  page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sohoa');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(String(request.error)));
    });
    const count = await new Promise<number>((resolve, reject) => {
      const request = db.transaction('records').objectStore('records').count();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(String(request.error)));
    });
    db.close();
    return count;
  });

/** "Trang trong tệp" of each row of the pages panel, top to bottom. */
const pagesInFile = (page: Page) =>
  page
    .getByRole('table', { name: 'Các trang của sổ' })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => row.children[2]?.textContent ?? ''));

test('an archived book refuses an Excel import and a page move, saying so in Vietnamese', async ({
  page,
}) => {
  const books = new BooksScreen(page);
  await books.createBookFresh();
  await new Workspace(page).importPdf(2);
  await page.getByRole('link', { name: '← Danh sách sổ' }).click();
  await page.getByRole('button', { name: `Lưu trữ sổ ${defaultBook.quyenSo}` }).click();
  await page.getByLabel('Hiện sổ đã lưu trữ (1)').check();
  await page.getByRole('link', { name: new RegExp(defaultBook.quyenSo) }).click();
  await expect(page.getByRole('note').filter({ hasText: 'Sổ này đã lưu trữ' })).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'nhom-2.xlsx',
    mimeType: XLSX_TYPE,
    buffer: await makeXlsx({
      headers: templateHeaders('ks-70'),
      rows: [rowOf('ks-70', { so: '1', ngayDangKy: '15.01.2008', nksHoTen: 'Lê Văn An' })],
    }),
  });
  await page.getByRole('button', { name: 'Nhập 1 trường hợp' }).click();
  const refused = page.getByRole('alert').filter({ hasText: ARCHIVED });
  await expect(refused).toBeVisible();
  expect(await storedEntries(page)).toBe(0);
  await refused.getByRole('button', { name: 'Đóng' }).click();
  await expect(refused).toBeHidden();

  await page.getByText('Các trang của sổ (2)', { exact: true }).click();
  expect(await pagesInFile(page)).toEqual(['1', '2']);
  await page.getByRole('button', { name: 'Chuyển trang 2 lên' }).click();
  await expect(refused).toBeVisible();
  expect(await pagesInFile(page)).toEqual(['1', '2']);
});

test('the day’s statistics count an entry voided since apart, not as typed', async ({ page }) => {
  const workspace = new Workspace(page);
  await new BooksScreen(page).createBookFresh();
  await workspace.importPdf(1);
  for (const name of ['Lò Văn Một', 'Hà Thị Hai']) {
    await workspace.pressButton('Thêm trường hợp');
    await workspace.field('Họ tên người được khai sinh').fill(name);
    await workspace.field('Họ tên người được khai sinh').blur();
    await workspace.expectSaved();
  }
  await workspace.field('Họ tên người được khai sinh').focus();
  await page.keyboard.press('Alt+H');
  await expect(page.getByLabel('Lý do hủy')).toBeFocused();
  await page.keyboard.type('Tạo nhầm');
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: 'Đã hủy trường hợp số 2.' }),
  ).toBeVisible();

  await page.getByRole('link', { name: 'Tiến độ' }).click();
  const table = page.getByRole('region', { name: 'Theo ngày' }).getByRole('table');
  await expect(table).toBeVisible();
  const headers = await table.locator('thead th').allInnerTexts();
  const today = table.locator('tbody tr').first();
  const column = (name: string) => today.locator('th, td').nth(headers.indexOf(name));
  expect(headers).toContain('Đã hủy');
  await expect(column('Nhập mới')).toHaveText('1');
  await expect(column('Đã hủy')).toHaveText('1');
});

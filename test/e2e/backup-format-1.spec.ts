// Backups written by the release before format 2 (one JSON dump, scans inside as text) still
// restore onto an empty PC, through the same checks. They carry no signature, so an
// administrator restores one only after saying where it comes from, and never merges it into a
// PC that holds data. The file is a backup that release made: a khai sinh book 01/2008 with two
// entries over a 2-page scan.
import { expect, test } from '@playwright/test';
import { chooseFile, readSavedState } from './backup-model';
import { BooksScreen, defaultAdmin, defaultBook, Officers } from './models';

const FORMAT_1_BACKUP = 'test/fixtures/sao-luu-dinh-dang-1.sohoa';
/** SHA-256 of the scan the backup was made with (a 2-page PDF of 1,155 bytes). */
const SCAN_SHA256 = '87ec0c4534e052db4d028c1b841332bc73ace72004c33415851fc1533ff16a71';

test('a backup of format 1 restores onto an empty PC, and is not merged into one with data', async ({
  browser,
  page,
}) => {
  // An empty PC: everything comes back, scan byte for byte.
  const books = new BooksScreen(page);
  await books.open();
  await expect(page.getByText('Chưa có sổ nào')).toBeVisible();
  await chooseFile(page, 'Khôi phục…', FORMAT_1_BACKUP);
  const dialog = page.getByRole('dialog', { name: 'Khôi phục từ bản sao lưu' });
  await expect(dialog.getByText('Tổng cộng 1 sổ, 2 trường hợp, 1 tệp scan.')).toBeVisible();
  await dialog
    .getByRole('checkbox', {
      name: 'Tôi biết rõ bản sao lưu này từ đâu ra và vẫn muốn khôi phục nó',
    })
    .check();
  await dialog.getByRole('button', { name: 'Khôi phục vào máy này' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Đã khôi phục 1 sổ, 2 trường hợp.' }),
  ).toBeVisible();
  // The backup brings its own administrator, with the PIN that release allowed.
  await new Officers(page).signInIfAsked({ name: defaultAdmin.name, pin: '1234' });
  const restored = await readSavedState(page);
  expect(restored.scans.map(({ sha256, size }) => [sha256, size])).toEqual([[SCAN_SHA256, 1155]]);
  expect(
    restored.records.map((record) => (record.fields as Record<string, string>).nksHoTen),
  ).toEqual(expect.arrayContaining(['Nguyễn Văn An', 'Hà Thị Ngọc Ánh']));

  // A PC with a book of its own: the unsigned file is read, but neither merged nor restored.
  const other = await browser.newContext();
  const busy = await other.newPage();
  const busyBooks = new BooksScreen(busy);
  await busyBooks.createBookFresh({ ...defaultBook, quyenSo: '02/2009', year: '2009' });
  await busyBooks.open();
  await chooseFile(busy, 'Khôi phục…', FORMAT_1_BACKUP);
  const mergeDialog = busy.getByRole('dialog', { name: 'Khôi phục từ bản sao lưu' });
  await expect(mergeDialog.getByText('Tổng cộng 1 sổ, 2 trường hợp, 1 tệp scan.')).toBeVisible();
  await expect(mergeDialog.getByRole('alert')).toHaveText(/^Bản sao lưu này không có chữ ký/);
  await expect(mergeDialog.getByRole('button', { name: 'Gộp vào dữ liệu hiện có' })).toHaveCount(0);
  expect((await readSavedState(busy)).books).toHaveLength(1);
  await other.close();
});

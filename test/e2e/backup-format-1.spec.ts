// Backups written by the release before format 2 (one JSON dump, scans inside as text) still
// restore onto an empty PC and merge into one with data, through the same checks. The file is
// a backup that release made: a khai sinh book 01/2008 with two entries over a 2-page scan.
import { expect, test } from '@playwright/test';
import { chooseFile, readSavedState } from './backup-model';
import { BooksScreen, defaultBook, Officers } from './models';

const FORMAT_1_BACKUP = 'test/fixtures/sao-luu-dinh-dang-1.sohoa';
/** SHA-256 of the scan the backup was made with (a 2-page PDF of 1,155 bytes). */
const SCAN_SHA256 = '87ec0c4534e052db4d028c1b841332bc73ace72004c33415851fc1533ff16a71';

test('a backup of format 1 restores onto an empty PC and merges into one with data', async ({
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
  await dialog.getByRole('button', { name: 'Khôi phục vào máy này' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Đã khôi phục 1 sổ, 2 trường hợp.' }),
  ).toBeVisible();
  await new Officers(page).signInIfAsked();
  const restored = await readSavedState(page);
  expect(restored.scans.map(({ sha256, size }) => [sha256, size])).toEqual([[SCAN_SHA256, 1155]]);
  expect(
    restored.records.map((record) => (record.fields as Record<string, string>).nksHoTen),
  ).toEqual(expect.arrayContaining(['Nguyễn Văn An', 'Hà Thị Ngọc Ánh']));

  // A PC with a book of its own: the file's book and entries are added beside it.
  const other = await browser.newContext();
  const busy = await other.newPage();
  const busyBooks = new BooksScreen(busy);
  await busyBooks.createBookFresh({ ...defaultBook, quyenSo: '02/2009', year: '2009' });
  await busyBooks.open();
  await chooseFile(busy, 'Khôi phục…', FORMAT_1_BACKUP);
  const mergeDialog = busy.getByRole('dialog', { name: 'Khôi phục từ bản sao lưu' });
  await mergeDialog.getByRole('button', { name: 'Gộp vào dữ liệu hiện có' }).click();
  await expect(busy.getByRole('status').filter({ hasText: 'thêm 2 trường hợp' })).toBeVisible();
  const merged = await readSavedState(busy);
  expect(merged.books).toHaveLength(2);
  expect(merged.scans.map(({ sha256 }) => sha256)).toEqual([SCAN_SHA256]);
  await other.close();
});

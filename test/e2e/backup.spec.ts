import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { makePdf } from '../fixtures/make-pdf';
import { chooseFile, pressAndDownload, readSavedState, typeEntry } from './backup-model';
import { BooksScreen, Officers, Workspace } from './models';
import { compareAndTrust, ownFingerprintFromBookList } from './signature-model';

test('backup, a wiped profile, and restore give back every entry field by field and every scan byte for byte', async ({
  browser,
  page,
}, testInfo) => {
  const books = new BooksScreen(page);
  await books.createBookFresh();
  const workspace = new Workspace(page);
  const pdf = await makePdf(3);
  await workspace.importScan('so-khai-sinh-2008.pdf', pdf);
  await expect(page.getByTestId('page-indicator')).toHaveText('Trang 1/3');
  await typeEntry(page, [
    ['Ngày đăng ký', '15.01.2008'],
    ['Họ tên người được khai sinh', 'Nguyễn Văn An'],
    ['Họ tên mẹ', 'Trần Thị Bình'],
  ]);
  await page.getByRole('link', { name: '← Danh sách trường hợp' }).click();
  await typeEntry(page, [
    ['Ngày đăng ký', '16.01.2008'],
    ['Họ tên người được khai sinh', 'Hà Thị Ngọc Ánh'],
    ['Ghi chú', 'Chữ mờ ở dòng 3'],
  ]);
  const before = await readSavedState(page);
  expect(before.records).toHaveLength(2);
  expect(before.scans.map((scan) => scan.sha256)).toEqual([
    createHash('sha256').update(pdf).digest('hex'),
  ]);

  await books.open();
  // Written on paper beside the backup: the new installation will ask for it.
  const fingerprint = await ownFingerprintFromBookList(page);
  const download = await pressAndDownload(page, 'Sao lưu');
  expect(download.suggestedFilename()).toMatch(/^sohoa-sao-luu-\d{8}-\d{4}\.sohoa$/);
  const backupPath = testInfo.outputPath('sao-luu.sohoa');
  await download.saveAs(backupPath);
  await expect(
    page.getByRole('status').filter({ hasText: 'Đã sao lưu 1 sổ, 2 trường hợp' }),
  ).toBeVisible();

  // A new profile: what a reinstalled Windows or a cleared browser leaves.
  const wiped = await browser.newContext();
  const fresh = await wiped.newPage();
  const freshBooks = new BooksScreen(fresh);
  await freshBooks.open();
  await expect(fresh.getByText('Chưa có sổ nào')).toBeVisible();

  // A damaged copy is refused with a clear message, and nothing is written.
  const bytes = await readFile(backupPath);
  const last = bytes.length - 20;
  bytes[last] = bytes[last]! ^ 0x01;
  const damagedPath = testInfo.outputPath('hong.sohoa');
  await writeFile(damagedPath, bytes);
  await chooseFile(fresh, 'Khôi phục…', damagedPath);
  const dialog = fresh.getByRole('dialog', { name: 'Khôi phục từ bản sao lưu' });
  await expect(dialog.getByRole('alert')).toContainText(
    'Tệp “hong.sohoa” bị hỏng hoặc không đầy đủ (mã kiểm tra không khớp). Không có gì được thay đổi.',
  );
  // The library's English words stay folded under "Chi tiết kỹ thuật" until asked for.
  await expect(dialog.getByText('checksum mismatch')).toBeHidden();
  await dialog.getByText('Chi tiết kỹ thuật').click();
  await expect(dialog.getByText('checksum mismatch')).toBeVisible();
  await dialog.getByRole('button', { name: 'Đóng' }).click();
  await expect(fresh.getByText('Chưa có sổ nào')).toBeVisible();

  await chooseFile(fresh, 'Khôi phục…', backupPath);
  await expect(dialog.getByText('Tổng cộng 1 sổ, 2 trường hợp, 1 tệp scan.')).toBeVisible();
  await expect(dialog.getByRole('listitem')).toHaveText([
    'Khai sinh — quyển 01/2008 năm 2008: 2 trường hợp',
  ]);
  // The new installation has a key of its own: the old one is trusted from the paper.
  await expect(dialog.getByRole('button', { name: 'Khôi phục vào máy này' })).toBeDisabled();
  await compareAndTrust(dialog, fingerprint);
  await dialog.getByRole('button', { name: 'Khôi phục vào máy này' }).click();
  await expect(
    fresh.getByRole('status').filter({ hasText: 'Đã khôi phục 1 sổ, 2 trường hợp.' }),
  ).toBeVisible();
  // The officers are now those of the backup: sign in as one of them.
  await new Officers(fresh).signInIfAsked();
  await expect(fresh.getByRole('link', { name: /01\/2008/ })).toBeVisible();

  const after = await readSavedState(fresh);
  expect(after.records).toEqual(before.records);
  expect(after.books).toEqual(before.books);
  expect(after.pages).toEqual(before.pages);
  expect(after.scans).toEqual(before.scans);

  // And the restored book opens on its scan and entries, as it was.
  await fresh.getByRole('link', { name: /01\/2008/ }).click();
  await expect(fresh.getByTestId('page-indicator')).toHaveText('Trang 1/3');
  await expect(fresh.getByRole('grid').getByRole('row')).toHaveCount(3);
  await wiped.close();
});

// A new PC restored from the first-run screen: no administrator has to be made first only for
// the backup to replace them. The backup's signer is not trusted on a PC that trusts nobody, so
// its fingerprint is compared before anything is written; then the backup's officers sign in.
import { expect, test, type Page } from '@playwright/test';
import { makePdf } from '../fixtures/make-pdf';
import { chooseFile, pressAndDownload, readSavedState, typeEntry } from './backup-model';
import { BooksScreen, defaultAdmin, Officers, Workspace } from './models';
import { ownFingerprintFromBookList } from './signature-model';

const lan = { name: 'Nguyễn Thị Lan', pin: '2468' };

async function officerNames(page: Page): Promise<string[]> {
  const state = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sohoa');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(String(request.error)));
    });
    const rows = await new Promise<{ name: string }[]>((resolve, reject) => {
      const request = db.transaction('people').objectStore('people').getAll();
      request.onsuccess = () => resolve(request.result as { name: string }[]);
      request.onerror = () => reject(new Error(String(request.error)));
    });
    db.close();
    return rows.map((row) => row.name);
  });
  return state.sort();
}

test('a fresh PC is restored from the first-run screen after comparing the fingerprint, and the backup’s officers sign in', async ({
  browser,
}, testInfo) => {
  const oldPc = await browser.newContext();
  const a = await oldPc.newPage();
  const booksA = new BooksScreen(a);
  await booksA.createBookFresh();
  await new Workspace(a).importScan('so-khai-sinh-2008.pdf', await makePdf(1));
  await typeEntry(a, [['Họ tên người được khai sinh', 'Lò Văn Một']]);
  await new Officers(a).addOfficer(lan.name, 'Nhập liệu', lan.pin);
  await booksA.open();
  const fingerprint = await ownFingerprintFromBookList(a);
  const backup = testInfo.outputPath('sao-luu.sohoa');
  await (await pressAndDownload(a, 'Sao lưu')).saveAs(backup);

  const newPc = await browser.newContext();
  const b = await newPc.newPage();
  await b.goto('/#/');
  await expect(b.getByRole('heading', { name: 'Thiết lập lần đầu' })).toBeVisible();
  await chooseFile(b, 'Khôi phục từ bản sao lưu', backup);
  const dialog = b.getByRole('dialog', { name: 'Khôi phục từ bản sao lưu' });
  await expect(dialog).toContainText('Tổng cộng 1 sổ, 1 trường hợp');
  // Nobody here can trust a PC yet: the person compares the fingerprint and says so.
  await expect(dialog.getByTestId('signer-fingerprint')).toHaveText(fingerprint);
  await expect(dialog.getByRole('button', { name: 'Tin cậy máy này' })).toHaveCount(0);
  const restore = dialog.getByRole('button', { name: 'Khôi phục vào máy này' });
  await expect(restore).toBeDisabled();
  await dialog.getByRole('checkbox', { name: /^Dấu vân tay trên trùng khớp/ }).check();
  await restore.click();

  // The backup's officers, and only them, sign in with their own PINs.
  await expect(b.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  expect(await officerNames(b)).toEqual([defaultAdmin.name, lan.name].sort());
  await new Officers(b).signIn(lan.name, lan.pin);
  await b.goto('/#/');
  await expect(b.getByRole('heading', { name: 'Sổ hộ tịch' })).toBeVisible();
  expect((await readSavedState(b)).records).toEqual((await readSavedState(a)).records);

  await oldPc.close();
  await newPc.close();
});

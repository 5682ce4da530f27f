import { expect, test, type Page } from '@playwright/test';
import { makePdf } from '../fixtures/make-pdf';
import { chooseFile, editEntry, pressAndDownload, readSavedState, typeEntry } from './backup-model';
import { BooksScreen, Workspace } from './models';
import { compareAndTrust, ownFingerprint } from './signature-model';

const NAME = 'Họ tên người được khai sinh';

/** Sends the open book; gives the sending PC's fingerprint as its dialog shows it. */
async function exportPackage(page: Page, path: string, onlyChanged = false): Promise<string> {
  await page.getByRole('button', { name: 'Gói công việc', exact: true }).click();
  const fingerprint = await ownFingerprint(page);
  if (onlyChanged) await page.getByRole('checkbox', { name: /^Chỉ gửi các trường hợp/ }).check();
  const download = await pressAndDownload(page, 'Xuất gói công việc');
  expect(download.suggestedFilename()).toMatch(/^goi-KS-01-2008-\d{8}-\d{4}\.sohoa$/);
  await download.saveAs(path);
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /^Đã tạo gói/ })
      .last(),
  ).toBeVisible();
  return fingerprint;
}

/** Takes a package; from a PC not trusted yet, after comparing the sender's fingerprint. */
async function receivePackage(
  page: Page,
  path: string,
  expected: RegExp,
  sender: { fingerprint: string; trusted: boolean },
): Promise<void> {
  await chooseFile(page, 'Nhận gói công việc…', path);
  const dialog = page.getByRole('dialog', { name: 'Nhận gói công việc' });
  await expect(dialog.getByText(/mã kiểm tra SHA-256 khớp/)).toBeVisible();
  if (sender.trusted) {
    await expect(dialog.getByTestId('file-signer')).toHaveText(
      `Tệp do máy “máy chưa đặt tên” ký, máy này đã tin cậy (dấu vân tay ${sender.fingerprint}).`,
    );
  } else {
    await expect(dialog.getByRole('button', { name: 'Gộp vào dữ liệu hiện có' })).toBeDisabled();
    await compareAndTrust(dialog, sender.fingerprint);
  }
  await dialog.getByRole('button', { name: 'Gộp vào dữ liệu hiện có' }).click();
  await expect(page.getByRole('status').filter({ hasText: expected })).toBeVisible();
}

async function namesBySo(page: Page): Promise<Record<string, string>> {
  const { records } = await readSavedState(page);
  return Object.fromEntries(
    records.map((record) => {
      const fields = record.fields as Record<string, string>;
      return [fields.so ?? '', fields.nksHoTen ?? ''];
    }),
  );
}

test('two PCs edit the same book, exchange work packages, and only entries changed on both are conflicts', async ({
  browser,
}, testInfo) => {
  const pcA = await browser.newContext();
  const pcB = await browser.newContext();
  const a = await pcA.newPage();
  const b = await pcB.newPage();

  // PC A starts the book with its scan and four entries, and sends it to PC B.
  await new BooksScreen(a).createBookFresh();
  await new Workspace(a).importScan('so-khai-sinh-2008.pdf', await makePdf(2));
  for (const name of ['Lò Văn Một', 'Hà Thị Hai', 'Vi Văn Ba', 'Đinh Thị Bốn']) {
    await typeEntry(a, [[NAME, name]]);
    await a.getByRole('link', { name: '← Danh sách trường hợp' }).click();
  }
  const first = testInfo.outputPath('goi-1.sohoa');
  const fingerprintA = await exportPackage(a, first);

  await new BooksScreen(b).open();
  await receivePackage(b, first, /thêm 4 trường hợp/, {
    fingerprint: fingerprintA,
    trusted: false,
  });
  await b.getByRole('link', { name: /01\/2008/ }).click();
  await expect(b.getByTestId('page-indicator')).toHaveText('Trang 1/2');
  await expect(b.getByRole('grid').getByRole('row')).toHaveCount(5);

  // Both PCs go on working: entry 2 is changed on both, 1 only on A, 3 only on B.
  await editEntry(a, 'Lò Văn Một', NAME, 'Lò Văn Mốt');
  await editEntry(a, 'Hà Thị Hai', NAME, 'Hà Thị Hải');
  await editEntry(b, 'Hà Thị Hai', NAME, 'Hà Thị Hài');
  await editEntry(b, 'Vi Văn Ba', NAME, 'Vi Văn Bà');

  const second = testInfo.outputPath('goi-2.sohoa');
  const fingerprintB = await exportPackage(b, second);
  expect(fingerprintB).not.toBe(fingerprintA);
  await a.getByRole('button', { name: 'Gói công việc', exact: true }).click();
  await receivePackage(
    a,
    second,
    /thêm 0 trường hợp, 1 không đổi, cập nhật 1, giữ bản của máy này 1, xung đột 1/,
    { fingerprint: fingerprintB, trusted: false },
  );
  expect(await namesBySo(a)).toEqual({
    '1': 'Lò Văn Mốt',
    '2': 'Hà Thị Hải',
    '3': 'Vi Văn Bà',
    '4': 'Đinh Thị Bốn',
  });

  await a.getByRole('button', { name: 'Xung đột (1)' }).click();
  const conflicts = a.getByRole('dialog', { name: 'Xung đột: trường hợp bị sửa ở cả hai máy' });
  await expect(conflicts.getByRole('heading', { level: 3 })).toHaveText([
    'Trường hợp số 2 — Hà Thị Hải',
  ]);
  const entry = conflicts.getByRole('article', { name: 'Trường hợp số 2 — Hà Thị Hải' });
  await expect(entry.getByRole('row', { name: /Họ tên người được khai sinh/ })).toHaveText(
    /Hà Thị Hải\s*Hà Thị Hài/,
  );

  await entry.getByRole('button', { name: 'Lấy bản nhận được' }).click();
  await expect(conflicts.getByText('Không còn xung đột nào.')).toBeVisible();
  await conflicts.getByRole('button', { name: 'Đóng' }).click();
  await expect(a.getByRole('button', { name: /^Xung đột/ })).toBeHidden();
  expect((await namesBySo(a))['2']).toBe('Hà Thị Hài');

  // A sends back only what changed since the last exchange: its own change to entry 1 (the
  // entries it took from B, B already has). B takes it and has nothing to settle.
  const third = testInfo.outputPath('goi-3.sohoa');
  await exportPackage(a, third, true);
  await expect(
    a.getByRole('status').filter({ hasText: /^Đã tạo gói .* gồm 1 trường hợp/ }),
  ).toBeVisible();
  await b.getByRole('button', { name: 'Gói công việc', exact: true }).click();
  // B trusted A on the first package: no comparison this time.
  await receivePackage(b, third, /cập nhật 1, giữ bản của máy này 0, xung đột 0/, {
    fingerprint: fingerprintA,
    trusted: true,
  });
  expect(await namesBySo(b)).toEqual(await namesBySo(a));

  await pcA.close();
  await pcB.close();
});

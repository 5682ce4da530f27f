// Real registers are irregular: numbering restarts (số 4, 4, 5, 5), số written "01/2008", a
// year-only registration date, a torn page without số. Each is a warning the officer confirms
// once, then the entries go through review and out in the bundle, named by the documented
// rules (README "PDF names and irregular entries"), and the bundle reads back the same.
import { expect, test, type Download, type Page } from '@playwright/test';
import { downloadBytes, readWorkbook, readZip } from './files';
import {
  BooksScreen,
  defaultAdmin,
  defaultBook,
  Officers,
  Workspace,
  type BookDetails,
} from './models';
import { ReviewScreen } from './review-model';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const reviewer = { name: 'Trần Thị Hoa', pin: '2468' };

/** Adds an entry, waiting for its form (its number is the one after the previous entry's). */
async function addEntry(page: Page, autoSo: string, values: Record<string, string>) {
  const workspace = new Workspace(page);
  await workspace.pressButton('Thêm trường hợp');
  await expect(page.getByRole('form', { name: `Trường hợp số ${autoSo}` })).toBeVisible();
  for (const [label, value] of Object.entries(values)) {
    await workspace.field(label).fill(value);
  }
  await workspace.field('Ngày đăng ký').focus();
  await workspace.expectSaved();
}

/** Keeps the warning shown in the open entry, with a reason. */
async function confirmWarning(page: Page, text: RegExp, reason: string) {
  const warning = page.getByRole('listitem').filter({ hasText: text });
  await warning.getByRole('button', { name: 'Xác nhận giữ nguyên…' }).click();
  await page.getByLabel('Lý do').fill(reason);
  await page.getByLabel('Lý do').press('Enter');
  await expect(warning).toContainText(`đã xác nhận: ${reason}`);
}

async function submitAll(page: Page, n: number) {
  await page.getByRole('button', { name: 'Gửi rà soát các trường hợp đủ' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Đã gửi ${n}, còn 0` })).toBeVisible();
}

async function approveAll(page: Page, numbers: string[]) {
  await new ReviewScreen(page).open(numbers.length);
  for (const [index, so] of numbers.entries()) {
    // Two entries may share a số, and so their messages: wait for the queue to move on.
    await expect(
      page.getByRole('status').filter({
        hasText: `Trường hợp 1/${numbers.length - index} chờ rà soát`,
      }),
    ).toBeVisible();
    await expect(
      page.getByRole('heading', { name: `Trường hợp số ${so}`.trim(), exact: true }),
    ).toBeVisible();
    await page.keyboard.press('a');
  }
  await page.getByRole('link', { name: '← Về sổ' }).click();
  // Nothing left to review: every approval has landed.
  await expect(page.getByRole('link', { name: 'Rà soát (0)' })).toBeVisible();
}

/** Exports after checking what the report says, and returns the two files. */
async function exportBook(page: Page, report: RegExp[]) {
  const downloads: Download[] = [];
  page.on('download', (download) => downloads.push(download));
  const workspace = new Workspace(page);
  await workspace.pressButton('Xuất sổ');
  const ready = page.getByRole('region', { name: 'Sổ sẵn sàng để xuất' });
  for (const line of report) await expect(ready).toContainText(line);
  await workspace.pressButton('Tải về');
  await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(2);
  const find = (ext: string): Download => {
    const found = downloads.find((d) => d.suggestedFilename().endsWith(ext));
    if (!found) throw new Error(`no ${ext} exported`);
    return found;
  };
  return { xlsx: find('.xlsx'), zip: find('.zip') };
}

/** The `so` column of the first sheet, data rows only. */
async function soColumn(bytes: Buffer): Promise<unknown[]> {
  const { rows } = await readWorkbook(bytes);
  const header = rows[0]?.map((cell) => String(cell.value).trim()) ?? [];
  const column = header.indexOf('so');
  return rows.slice(1).map((row) => row[column]?.value ?? '');
}

/** Each book with this quyển số, in the order created: its entries' fields by date. */
async function storedBooks(page: Page, quyenSo: string): Promise<Record<string, string>[][]> {
  return page.evaluate(async (quyenSo) => {
    const done = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
      });
    const db = await done(indexedDB.open('sohoa'));
    const tx = db.transaction(['books', 'records'], 'readonly');
    const books = (await done(tx.objectStore('books').getAll())) as {
      id: string;
      quyenSo: string;
      createdAt: number;
    }[];
    const records = (await done(tx.objectStore('records').getAll())) as {
      bookId: string;
      fields: Record<string, string>;
    }[];
    db.close();
    return books
      .filter((book) => book.quyenSo === quyenSo)
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((book) =>
        records
          .filter((record) => record.bookId === book.id)
          .map((record) => record.fields)
          .sort((a, b) => (a.ngayDangKy ?? '').localeCompare(b.ngayDangKy ?? '')),
      );
  }, quyenSo);
}

test('irregular entries are confirmed once, approved, exported by the naming rules and read back', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const books = new BooksScreen(page);
  const officers = new Officers(page);
  await books.open();
  await officers.addOfficer(reviewer.name, 'Rà soát', reviewer.pin);

  // A kết hôn book whose numbering restarts: 4, 4, 5, 5 on four different dates.
  const kh: BookDetails = { ...defaultBook, typeName: 'Kết hôn', quyenSo: '01/2008' };
  await books.addBook(kh);
  const workspace = new Workspace(page);
  await workspace.importPdf(1);
  const couples = [
    ['1', '4', '10.01.2008', 'Giàng A Sử', 'Sùng Thị Dua'],
    ['5', '4', '11.02.2009', 'Lò Văn Páo', 'Hờ Thị Mỷ'],
    ['5', '5', '12.01.2008', 'Vàng A Chá', 'Thào Thị Mai'],
    ['6', '5', '13.02.2009', 'Mùa A Dế', 'Lầu Thị Sua'],
  ] as const;
  for (const [autoSo, so, date, husband, wife] of couples) {
    await addEntry(page, autoSo, {
      Số: so,
      'Ngày đăng ký': date,
      'Họ tên chồng': husband,
      'Họ tên vợ': wife,
    });
    // The second of each pair: the repeated số is confirmed once, here, for both entries.
    if (date.endsWith('2009')) {
      await confirmWarning(
        page,
        new RegExp(`Số ${so} đã có ở trường hợp`),
        'Sổ đánh số lại từ đầu năm 2009',
      );
    }
  }
  await expect(page.getByText('Không có lỗi.')).toBeVisible();
  await submitAll(page, 4);

  // A khai sinh book keeping số as written: 01/2008, a year-only date, a torn entry.
  await page.getByRole('link', { name: '← Danh sách sổ' }).click();
  const ks: BookDetails = { ...defaultBook, quyenSo: '02/2008' };
  await books.addBook(ks);
  await page.getByRole('button', { name: 'Thiết lập sổ' }).click();
  const settings = page.getByRole('dialog', { name: 'Thiết lập sổ' });
  await settings
    .getByLabel('Số trong tệp Excel và tên PDF')
    .selectOption({ label: 'Giữ như sổ ghi (01/2018; tên PDF dùng 01)' });
  await settings.getByRole('button', { name: 'Lưu thiết lập' }).click();
  await expect(settings).toBeHidden();
  await workspace.importPdf(1);
  const child = { 'Giới tính': '1', 'Dân tộc': 'Kinh' };
  await addEntry(page, '1', {
    ...child,
    Số: '01/2008',
    'Ngày đăng ký': '15.01.2008',
    'Họ tên người được khai sinh': 'Nguyễn Văn An',
    'Ngày sinh': '03.01.2008',
  });
  await expect(page.getByText('Không có lỗi.')).toBeVisible();
  await addEntry(page, '2', {
    ...child,
    'Ngày đăng ký': '2008',
    'Họ tên người được khai sinh': 'Lê Văn Bình',
    'Ngày sinh': '2008',
  });
  await confirmWarning(page, /Ngày đăng ký chỉ có/, 'Sổ chỉ ghi năm 2008');
  await addEntry(page, '3', {
    ...child,
    Số: '',
    'Ngày đăng ký': '20.01.2008',
    'Họ tên người được khai sinh': 'Trần Văn Cường',
    'Ngày sinh': '10.01.2008',
  });
  await confirmWarning(page, /Không có số/, 'Trang sổ rách mất số');
  await expect(page.getByText('Không có lỗi.')).toBeVisible();
  await submitAll(page, 3);

  // A reviewer approves every entry of both books.
  await officers.switchTo(reviewer.name, reviewer.pin);
  await approveAll(page, ['01/2008', '2', '']);
  const ksBundle = await exportBook(page, [
    /Không có số → KS\.2008\.02\.2008-01-20\.000\.pdf/,
    /Số 2, ngày đăng ký chưa đủ → KS\.2008\.02\.2008-00-00\.2\.pdf/,
  ]);
  const ksZip = await downloadBytes(ksBundle.zip);
  expect([...(await readZip(ksZip)).keys()].sort()).toEqual([
    'KS.2008.02.2008-00-00.2.pdf',
    'KS.2008.02.2008-01-15.01.pdf',
    'KS.2008.02.2008-01-20.000.pdf',
  ]);
  const ksXlsx = await downloadBytes(ksBundle.xlsx);
  expect(await soColumn(ksXlsx)).toEqual(['01/2008', '2', '']);

  await page.getByRole('link', { name: '← Danh sách sổ' }).click();
  await page.getByRole('link', { name: /01\/2008/ }).click();
  await approveAll(page, ['4', '4', '5', '5']);
  const khBundle = await exportBook(page, []);
  expect([...(await readZip(await downloadBytes(khBundle.zip))).keys()].sort()).toEqual([
    'KH.2008.01.2008-01-10.004.pdf',
    'KH.2008.01.2008-01-12.005.pdf',
    'KH.2008.01.2009-02-11.004.pdf',
    'KH.2008.01.2009-02-13.005.pdf',
  ]);
  expect(await soColumn(await downloadBytes(khBundle.xlsx))).toEqual(['004', '004', '005', '005']);

  // The khai sinh bundle imported into a new book (a second copy, asked about first) gives the
  // same entries back.
  await officers.switchTo(defaultAdmin.name, defaultAdmin.pin);
  await page.getByRole('link', { name: '← Danh sách sổ' }).click();
  await books.addBook(ks, { sameAsExisting: true });
  const excel = page.waitForEvent('filechooser');
  await workspace.pressButton('Nhập từ Excel');
  await (
    await excel
  ).setFiles({ name: ksBundle.xlsx.suggestedFilename(), mimeType: XLSX_TYPE, buffer: ksXlsx });
  const dialog = page.getByRole('dialog', { name: /^Nhập từ Excel:/ });
  // Read back as drafts, the irregular rows again waiting for the officer's confirmation.
  await expect(dialog).toContainText('0 dòng có lỗi, 2 dòng có cảnh báo.');
  const zipChooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Chọn tệp .zip…' }).click();
  await (
    await zipChooser
  ).setFiles({
    name: ksBundle.zip.suggestedFilename(),
    mimeType: 'application/zip',
    buffer: ksZip,
  });
  await expect(dialog.getByRole('status')).toHaveText(
    `Tệp «${ksBundle.zip.suggestedFilename()}»: 3/3 PDF khớp với các dòng.`,
  );
  await dialog.getByRole('button', { name: 'Nhập 3 trường hợp' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Sổ có 3 trường hợp')).toBeVisible();
  const [typed, imported] = await storedBooks(page, ks.quyenSo);
  expect(imported).toHaveLength(3);
  expect(imported).toEqual(typed);
});

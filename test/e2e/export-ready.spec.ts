// Exporting what is ready: a book with one entry still in error cannot go out whole, but the
// officer can send the entries that are ready; the entry left out is listed with why and opens
// from the list; once fixed and approved, "only not yet exported" sends exactly that entry.
import { expect, test, type Download, type Page } from '@playwright/test';
import { downloadBytes, readWorkbook, readZip } from './files';
import { BooksScreen, defaultAdmin, Officers, Workspace } from './models';
import { ReviewScreen } from './review-model';

const minh = { name: 'Trần Văn Minh', pin: '1357' };

function notice(page: Page, text: string) {
  return page.getByRole('status').filter({ hasText: text });
}

async function typeEntry(page: Page, workspace: Workspace, so: string, date: string, name: string) {
  await workspace.pressButton('Thêm trường hợp');
  // Filling waits for the new entry's form, or it would land in the previous one.
  await expect(page.getByRole('form', { name: `Trường hợp số ${so}` })).toBeVisible();
  await workspace.field('Ngày đăng ký').fill(date);
  if (name) await workspace.field('Họ tên người được khai sinh').fill(name);
  await workspace.field('Ngày đăng ký').blur();
  await workspace.expectSaved();
}

/** Presses "Tải về" in the ready panel and waits for the workbook and the zip. */
async function download(page: Page, workspace: Workspace) {
  const downloads: Download[] = [];
  const collect = (item: Download) => downloads.push(item);
  page.on('download', collect);
  await workspace.pressButton('Tải về');
  await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(2);
  page.off('download', collect);
  const zip = downloads.find((item) => item.suggestedFilename().endsWith('.zip'));
  const xlsx = downloads.find((item) => item.suggestedFilename().endsWith('.xlsx'));
  if (!zip || !xlsx) throw new Error('the bundle is a workbook and a zip');
  const [header, ...rows] = (await readWorkbook(await downloadBytes(xlsx))).rows;
  const nameColumn = header?.findIndex((cell) => String(cell.value).startsWith('nksHoTen')) ?? -1;
  return {
    pdfs: [...(await readZip(await downloadBytes(zip))).keys()],
    names: rows.map((row) => row[nameColumn]?.value),
  };
}

test('the ready entries go out without the one in error, which a later export takes alone', async ({
  page,
}) => {
  // Two officers, three entries, two reviews and two exports: more steps than most tests.
  test.slow();
  const officers = new Officers(page);
  const workspace = new Workspace(page);
  const review = new ReviewScreen(page);
  const books = new BooksScreen(page);
  await books.open();
  await officers.addOfficer(minh.name, 'Rà soát', minh.pin);
  await books.addBook();
  await workspace.importPdf(1);
  await typeEntry(page, workspace, '1', '05.01.2008', 'Nguyễn Văn An');
  await typeEntry(page, workspace, '2', '06.01.2008', 'Lê Thị Bình');
  // The third still lacks its name: an error, so it cannot even be sent for review.
  await typeEntry(page, workspace, '3', '07.01.2008', '');
  await page.getByRole('link', { name: '← Danh sách trường hợp' }).click();
  await workspace.pressButton('Gửi rà soát các trường hợp đủ');
  // Not everything went, so the notice comes as an alert.
  await expect(
    page.getByRole('alert').filter({ hasText: 'Đã gửi 2, còn 1 trường hợp có lỗi.' }),
  ).toBeVisible();

  await officers.switchTo(minh.name, minh.pin);
  await review.open(2);
  await review.approve('1');
  await review.approve('2');
  await page.getByRole('link', { name: '← Về sổ' }).click();

  // The whole book cannot go while entry 3 is not ready; the officer is told which and why.
  await workspace.pressButton('Xuất sổ');
  const blocked = page.getByRole('alert').filter({ hasText: 'Chưa xuất được' });
  await expect(blocked.getByRole('listitem')).toHaveText([
    'Số 3 Trạng thái «Lưu nháp»: chưa được phê duyệt.',
  ]);
  await expect(blocked.getByRole('button', { name: 'Số 3' })).toBeFocused();
  await blocked.getByRole('button', { name: 'Chỉ xuất các trường hợp sẵn sàng' }).click();

  const ready = page.getByRole('region', { name: 'Sổ sẵn sàng để xuất' });
  await expect(ready).toContainText('2 trường hợp,');
  await expect(ready.getByRole('radio', { name: 'Chỉ các trường hợp sẵn sàng' })).toBeChecked();
  await expect(
    ready.getByRole('list', { name: 'Không có trong lần xuất này (1):' }).getByRole('listitem'),
  ).toHaveText(['Số 3 Trạng thái «Lưu nháp»: chưa được phê duyệt.']);
  const first = await download(page, workspace);
  expect(first.pdfs).toEqual(['KS.2008.01.2008-01-05.001.pdf', 'KS.2008.01.2008-01-06.002.pdf']);
  expect(first.names).toEqual(['Nguyễn Văn An', 'Lê Thị Bình']);

  // The report names the entry left out again, and the history which numbers went out.
  const done = page.getByRole('region', { name: 'Đã xuất và kiểm tra lại bộ dữ liệu' });
  const history = done.getByRole('list', { name: 'Lịch sử xuất (1)' });
  await expect(history).toContainText('2 trường hợp — các trường hợp sẵn sàng');
  await expect(history).toContainText('1 trường hợp chưa sẵn sàng không có trong lần này');
  await expect(history).toContainText('Các số: 1, 2');

  // The list opens the entry left out; the officer who typed it fixes it and sends it.
  await done.getByRole('button', { name: 'Số 3' }).click();
  await expect(workspace.field('Số')).toHaveValue('3');
  await officers.switchTo(defaultAdmin.name, defaultAdmin.pin);
  await expect(workspace.field('Số')).toHaveValue('3');
  await workspace.field('Họ tên người được khai sinh').fill('Phạm Văn Cường');
  await workspace.field('Họ tên người được khai sinh').blur();
  await workspace.expectSaved();
  await expect(page.getByText('Không có lỗi.')).toBeVisible();
  await page.keyboard.press('Alt+g');
  await expect(notice(page, 'Đã gửi rà soát trường hợp số 3.')).toBeVisible();

  await officers.switchTo(minh.name, minh.pin);
  await page.getByRole('link', { name: '← Danh sách trường hợp' }).click();
  await review.open(1);
  await review.approve('3');
  await page.getByRole('link', { name: '← Về sổ' }).click();

  // Now the whole book could go again; the officer takes only what did not go out yet.
  await workspace.pressButton('Xuất sổ');
  await expect(ready).toContainText('3 trường hợp,');
  const notExported = ready.getByRole('radio', { name: 'Chỉ các trường hợp chưa xuất' });
  await notExported.check();
  await expect(ready).toContainText('1 trường hợp,');
  await expect(notExported).toBeFocused();
  await expect(ready).toContainText(
    '2 trường hợp đã xuất ở lần trước và không thay đổi từ đó nên không xuất lại.',
  );
  const second = await download(page, workspace);
  expect(second.pdfs).toEqual(['KS.2008.01.2008-01-07.003.pdf']);
  expect(second.names).toEqual(['Phạm Văn Cường']);
  const twice = done.getByRole('list', { name: 'Lịch sử xuất (2)' });
  await expect(twice.getByRole('listitem').first()).toContainText(
    '1 trường hợp — các trường hợp chưa xuất',
  );
});

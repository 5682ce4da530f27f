// The statistics screen credits each action to the officer who took it (the audit log says
// who), and counts entries nothing was typed into apart from the work done.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { BooksScreen, defaultBook, Officers, Workspace } from './models';
import { ReviewScreen } from './review-model';
import { cell } from './stats-table';

const lan = { name: 'Nguyễn Thị Lan', pin: '2468' };
const minh = { name: 'Trần Văn Minh', pin: '1357' };

function section(page: Page, heading: string): Locator {
  return page.getByRole('region', { name: heading }).getByRole('table');
}

test('the statistics credit an approval to the reviewer and count a blank entry apart', async ({
  page,
}) => {
  const officers = new Officers(page);
  const books = new BooksScreen(page);
  const workspace = new Workspace(page);
  await books.open();
  await officers.addOfficer(lan.name, 'Nhập liệu', lan.pin);
  await officers.addOfficer(minh.name, 'Rà soát', minh.pin);

  // The keyer types one entry, leaves a second blank, and sends the first for review.
  await officers.switchTo(lan.name, lan.pin);
  await books.addBook({ ...defaultBook, expectedCount: '10' });
  await workspace.importPdf(1);
  await workspace.pressButton('Thêm trường hợp');
  await expect(page.getByRole('form', { name: 'Trường hợp số 1' })).toBeVisible();
  await workspace.field('Ngày đăng ký').fill('05.01.2008');
  await workspace.field('Họ tên người được khai sinh').fill('Nguyễn Văn An');
  await workspace.field('Họ tên người được khai sinh').blur();
  await workspace.expectSaved();
  await expect(page.getByText('Không có lỗi.')).toBeVisible();
  await workspace.pressButton('Thêm trường hợp');
  await expect(page.getByRole('form', { name: 'Trường hợp số 2' })).toBeVisible();
  await page.getByRole('link', { name: '← Danh sách trường hợp' }).click();
  await workspace.pressButton('Gửi rà soát các trường hợp đủ');
  // The blank one has errors and stays behind.
  await expect(page.getByRole('alert').filter({ hasText: /^Đã gửi 1, còn 1/ })).toBeVisible();

  // The reviewer approves it.
  await officers.switchTo(minh.name, minh.pin);
  const review = new ReviewScreen(page);
  await review.open(1);
  await review.approve('1');

  await page.getByRole('link', { name: 'Tiến độ' }).click();
  await expect(page.getByRole('heading', { name: 'Tiến độ và thống kê' })).toBeVisible();
  const byOfficer = section(page, 'Theo cán bộ');
  await expect(await cell(byOfficer, minh.name, 'Lượt phê duyệt')).toHaveText('1');
  await expect(await cell(byOfficer, lan.name, 'Lượt phê duyệt')).toHaveText('0');
  await expect(await cell(byOfficer, lan.name, 'Nhập mới')).toHaveText('1');
  await expect(await cell(byOfficer, lan.name, 'Trống (chưa nhập gì)')).toHaveText('1');
  await expect(await cell(byOfficer, minh.name, 'Nhập mới')).toHaveText('0');

  const byBook = section(page, 'Theo sổ');
  const bookRow = byBook.getByRole('row').filter({ hasText: '01/2008' });
  await expect(bookRow).toHaveCount(1);
  const bookName = (await bookRow.getByRole('rowheader').innerText()).trim();
  await expect(await cell(byBook, bookName, 'Đã nhập')).toHaveText('1');
  await expect(await cell(byBook, bookName, 'Trống (chưa nhập gì)')).toHaveText('1');
  await expect(await cell(byBook, bookName, 'Đã phê duyệt')).toHaveText('1');
});

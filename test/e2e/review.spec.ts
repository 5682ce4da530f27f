import { expect, test, type Page } from '@playwright/test';
import { downloadBytes, readWorkbook } from './files';
import { BooksScreen, defaultBook, Officers, Workspace } from './models';
import { ReviewScreen } from './review-model';

const lan = { name: 'Nguyễn Thị Lan', pin: '2468' };
const minh = { name: 'Trần Văn Minh', pin: '1357' };

const entries = [
  { so: '1', date: '05.01.2008', name: 'Nguyễn Văn An' },
  { so: '2', date: '06.01.2008', name: 'Lê Thị Bính' },
  { so: '3', date: '07.01.2008', name: 'Phạm Văn Cường' },
];

async function typeEntry(page: Page, workspace: Workspace, date: string, name: string) {
  await workspace.field('Ngày đăng ký').fill(date);
  await workspace.field('Họ tên người được khai sinh').fill(name);
  await workspace.field('Họ tên người được khai sinh').blur();
  await workspace.expectSaved();
  await expect(page.getByText('Không có lỗi.')).toBeVisible();
}

function notice(page: Page, text: string) {
  return page.getByRole('status').filter({ hasText: text });
}

test('a supervisor sends an entry back; its officer fixes it; all three are approved and exported', async ({
  page,
}) => {
  const officers = new Officers(page);
  const books = new BooksScreen(page);
  const workspace = new Workspace(page);
  const review = new ReviewScreen(page);
  await books.open();
  await officers.addOfficer(lan.name, 'Nhập liệu', lan.pin);
  await officers.addOfficer(minh.name, 'Rà soát', minh.pin);

  // Officer A types three entries and sends them for review.
  await officers.switchTo(lan.name, lan.pin);
  await books.addBook({ ...defaultBook, expectedCount: '3' });
  await workspace.importPdf(1);
  for (const entry of entries) {
    await workspace.pressButton('Thêm trường hợp');
    await expect(workspace.field('Số')).toHaveValue(entry.so);
    await typeEntry(page, workspace, entry.date, entry.name);
  }
  await expect(page.getByText('Trạng thái: Lưu nháp')).toBeVisible();
  await page.getByRole('link', { name: '← Danh sách trường hợp' }).click();
  // An entry clerk has nothing to review.
  await expect(page.getByRole('link', { name: /^Rà soát/ })).toHaveCount(0);
  await workspace.pressButton('Gửi rà soát các trường hợp đủ');
  await expect(notice(page, 'Đã gửi 3, còn 0 trường hợp có lỗi.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Chờ rà soát' })).toHaveCount(3);

  // Supervisor B approves two and sends one back, with a reason and a note on a field.
  await officers.switchTo(minh.name, minh.pin);
  await review.open(3);
  await review.expectEntry('1', 'Trường hợp 1/3 chờ rà soát');
  await expect(review.field('Họ tên người được khai sinh')).toContainText('Nguyễn Văn An');
  await review.approve('1');
  await review.expectEntry('2', 'Trường hợp 1/2 chờ rà soát');
  await review.comment('Họ tên người được khai sinh', 'Sổ ghi Bính, không phải Bính');
  await review.reject('2', 'Họ tên sai dấu so với sổ gốc');
  await review.expectEntry('3', 'Trường hợp 1/1 chờ rà soát');
  await review.approve('3');
  await expect(page.getByText('Không còn trường hợp nào chờ bạn rà soát')).toBeVisible();

  // Officer A sees the entry that came back, with the reason, and fixes it.
  await officers.switchTo(lan.name, lan.pin);
  await page.getByRole('link', { name: '← Về sổ' }).click();
  const returned = page.getByRole('region', { name: 'Trường hợp bị trả lại cho bạn' });
  await expect(returned).toContainText('Họ tên sai dấu so với sổ gốc');
  await expect(page.getByRole('row').filter({ hasText: 'Từ chối' })).toContainText('Lê Thị Bính');
  await returned.getByRole('button', { name: 'Trường hợp số 2' }).click();
  const sentBack = page.getByRole('alert').filter({ hasText: 'Bị trả lại bởi' });
  await expect(sentBack).toContainText(minh.name);
  await expect(sentBack).toContainText('Họ tên sai dấu so với sổ gốc');
  await expect(sentBack).toContainText('Họ tên người được khai sinh: Sổ ghi Bính');
  await workspace.field('Họ tên người được khai sinh').fill('Lê Thị Bình');
  await workspace.field('Họ tên người được khai sinh').blur();
  await workspace.expectSaved();
  // Still rejected, reason in view, until it is sent again.
  await expect(page.getByText('Trạng thái: Từ chối')).toBeVisible();
  await page.keyboard.press('Alt+g');
  await expect(notice(page, 'Đã gửi rà soát trường hợp số 2.')).toBeVisible();
  await expect(page.getByText('Trạng thái: Chờ rà soát')).toBeVisible();
  await expect(sentBack).toBeHidden();

  // Supervisor B approves the fixed entry.
  await officers.switchTo(minh.name, minh.pin);
  await page.getByRole('link', { name: '← Danh sách trường hợp' }).click();
  await review.open(1);
  await review.expectEntry('2', 'Trường hợp 1/1 chờ rà soát');
  await expect(
    page.getByText('Lần trước bị trả lại vì: Họ tên sai dấu so với sổ gốc'),
  ).toBeVisible();
  await expect(review.field('Họ tên người được khai sinh')).toContainText('Lê Thị Bình');
  await review.approve('2');
  await page.getByRole('link', { name: '← Về sổ' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Đã phê duyệt' })).toHaveCount(3);

  // The export holds the three approved entries.
  const downloads = await workspace.exportBundle();
  const xlsx = downloads.find((d) => d.suggestedFilename().endsWith('.xlsx'))!;
  const [header, ...rows] = (await readWorkbook(await downloadBytes(xlsx))).rows;
  const nameColumn = header!.findIndex((cell) => String(cell.value).startsWith('nksHoTen'));
  expect(rows.map((row) => row[nameColumn]?.value)).toEqual([
    'Nguyễn Văn An',
    'Lê Thị Bình',
    'Phạm Văn Cường',
  ]);

  // The fixed entry's history shows every step, who took it, and why.
  await page.getByRole('row').filter({ hasText: 'Lê Thị Bình' }).click();
  await page.getByRole('link', { name: 'Lịch sử' }).click();
  const history = page.getByRole('table', { name: 'Lịch sử thay đổi' });
  const steps = history.getByRole('row');
  await expect(steps.nth(1)).toContainText(`${lan.name}Tạo mới`);
  const actions = await steps.locator('td:nth-child(3)').allInnerTexts();
  expect(actions).toEqual([
    'Tạo mới',
    'Sửa',
    'Gửi rà soát',
    'Trả lại',
    'Sửa',
    'Gửi rà soát',
    'Phê duyệt',
  ]);
  const rejected = steps.filter({ hasText: 'Trả lại' });
  await expect(rejected).toContainText(minh.name);
  await expect(rejected).toContainText('Lý do: Họ tên sai dấu so với sổ gốc');
  await expect(rejected).toContainText('Ghi chú ô Họ tên người được khai sinh: Sổ ghi Bính');
  await expect(steps.filter({ hasText: 'Phê duyệt' })).toContainText(minh.name);
  await expect(steps.filter({ hasText: 'Bính → Lê Thị Bình' })).toContainText(lan.name);

  // Progress: the book is done, and the provinces' report says so by register type.
  await page.getByRole('link', { name: 'Tiến độ' }).click();
  const byBook = page.getByRole('region', { name: 'Theo sổ' });
  // Expected, entered, waiting, approved, rejected, blank, voided, share.
  await expect(byBook.getByRole('row', { name: /Khai sinh/ })).toHaveText(
    /Sổ Khai sinh.*\s*3\s*3\s*0\s*3\s*0\s*0\s*0\s*100 %/,
  );
  const byOfficer = page.getByRole('region', { name: 'Theo cán bộ' });
  await expect(byOfficer.getByRole('row', { name: new RegExp(lan.name) })).toContainText('25 %');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất báo cáo Excel' }).click();
  const report = await readWorkbook(await downloadBytes(await download));
  expect(report.rows[1]!.map((cell) => cell.value)).toEqual([
    'STT',
    'Loại sổ',
    'Tổng số dữ liệu cần số hóa',
    'Đã nhập',
    'Đã phê duyệt',
    'Tỷ lệ',
  ]);
  expect(report.rows[2]!.map((cell) => cell.value)).toEqual([1, 'Khai sinh', 3, 3, 3, 1]);
});

// A reviewer decides on what the keyer saw: every warning and the reasons given for keeping
// them, and after a rejection what was changed. A submitted or approved entry changes only
// after it is reopened with a reason, and the list and the export say it went back to draft.
import { expect, test, type Page } from '@playwright/test';
import { BooksScreen, defaultAdmin, defaultBook, Officers, Workspace } from './models';
import { ReviewScreen } from './review-model';
import { Viewer } from './viewer-model';

const minh = { name: 'Trần Văn Minh', pin: '1357' };
const wifeReason = 'Có quyết định của tòa án cho kết hôn';
const husbandReason = 'Ghi đúng theo sổ gốc';

function notice(page: Page, text: string) {
  return page.getByRole('status').filter({ hasText: text });
}

/** The same couple, as the book writes them. */
const couple = {
  'Họ tên chồng': 'Giàng A Sử',
  'Ngày sinh chồng': '15.06.1989',
  'Họ tên vợ': 'Sùng Thị Dua',
  'Ngày sinh vợ': '20.05.1991',
};

async function typeMarriage(page: Page, so: string, date: string) {
  const workspace = new Workspace(page);
  await workspace.pressButton('Thêm trường hợp');
  await expect(page.getByRole('form', { name: `Trường hợp số ${so}` })).toBeVisible();
  await workspace.fillFields({ 'Ngày đăng ký': date, ...couple });
  await workspace.field('Họ tên vợ').focus();
  await workspace.expectSaved();
}

async function keepWarning(page: Page, text: RegExp, reason: string) {
  const warning = page.getByRole('form').getByRole('listitem').filter({ hasText: text });
  await warning.getByRole('button', { name: 'Xác nhận giữ nguyên…' }).click();
  await page.getByLabel('Lý do', { exact: true }).fill(reason);
  await page.getByLabel('Lý do', { exact: true }).press('Enter');
  await expect(warning).toContainText(`đã xác nhận: ${reason}`);
}

test('the reviewer sees every warning, the reasons given, and what changed since a rejection', async ({
  page,
}) => {
  test.slow();
  const officers = new Officers(page);
  const books = new BooksScreen(page);
  const workspace = new Workspace(page);
  const review = new ReviewScreen(page);
  await books.open();
  await officers.addOfficer(minh.name, 'Rà soát', minh.pin);
  const viewer = new Viewer(page);
  await books.addBook({ ...defaultBook, typeName: 'Kết hôn', quyenSo: '01/2008' });
  await workspace.importPdf(2);

  // A husband of 19 and a wife of 16: both kept, each with the keyer's reason, and sent.
  await typeMarriage(page, '1', '12.03.2008');
  await keepWarning(page, /chưa đủ 18 tuổi/, wifeReason);
  await keepWarning(page, /chưa đủ 20 tuổi/, husbandReason);
  await expect(page.getByText('Không có lỗi.')).toBeVisible();
  // The entry is on the second page: its region is drawn there.
  await page.keyboard.press('Alt+PageDown');
  await expect(viewer.indicator).toHaveText('Trang 2/2');
  await viewer.expectDrawn();
  await viewer.tool('Khoanh vùng').click();
  await viewer.drag({ x: 0.2, y: 0.6 }, { x: 0.7, y: 0.75 });
  await expect(viewer.entryRegion).toBeVisible();
  await page.keyboard.press('Alt+g');
  await expect(notice(page, 'Đã gửi rà soát trường hợp số 1.')).toBeVisible();
  // The same couple typed again: entry 1 now has a warning nobody has answered.
  await typeMarriage(page, '2', '14.03.2008');
  await page.getByRole('link', { name: '← Danh sách trường hợp' }).click();

  await officers.switchTo(minh.name, minh.pin);
  await review.open(1);
  await review.expectEntry('1', 'Trường hợp 1/1 chờ rà soát');
  const checks = page.getByRole('region', { name: 'Lỗi và cảnh báo người nhập đã thấy' });
  await expect(checks.getByRole('listitem').filter({ hasText: 'CHƯA xác nhận' })).toContainText(
    'Có thể trùng với trường hợp số 2',
  );
  await expect(checks.getByRole('listitem').filter({ hasText: 'chưa đủ 18 tuổi' })).toContainText(
    `lý do người nhập ghi: «${wifeReason}» (${defaultAdmin.name})`,
  );
  await expect(checks.getByRole('listitem').filter({ hasText: 'chưa đủ 20 tuổi' })).toContainText(
    `«${husbandReason}»`,
  );
  // Beside the fields too, where the reviewer compares with the scan.
  await expect(review.field('Ngày sinh vợ')).toContainText(`«${wifeReason}»`);
  await expect(review.field('Ngày sinh chồng')).toContainText('chưa đủ 20 tuổi (18 tuổi)');
  // Having turned to another page, V brings the reviewer back to the entry's region.
  await viewer.frame.focus();
  await page.keyboard.press('Alt+PageUp');
  await expect(viewer.indicator).toHaveText('Trang 1/2');
  await page.keyboard.press('v');
  await expect(viewer.indicator).toHaveText('Trang 2/2');
  await expect(viewer.entryRegion).toBeInViewport();
  await review.comment('Ngày sinh chồng', 'Sổ ghi năm 1985');
  await review.reject('1', 'Ngày sinh chồng sai so với sổ gốc');

  // The keyer fixes the one field and sends it again.
  await officers.switchTo(defaultAdmin.name, defaultAdmin.pin);
  await page.getByRole('link', { name: '← Về sổ' }).click();
  const returned = page.getByRole('region', { name: 'Trường hợp bị trả lại cho bạn' });
  await returned.getByRole('button', { name: 'Trường hợp số 1' }).click();
  await workspace.field('Ngày sinh chồng').fill('15.06.1985');
  await workspace.field('Họ tên vợ').focus();
  await workspace.expectSaved();
  await page.keyboard.press('Alt+g');
  await expect(page.getByText('Trạng thái: Chờ rà soát')).toBeVisible();
  await page.getByRole('link', { name: '← Danh sách trường hợp' }).click();

  // The reviewer sees exactly what changed, next to the notes left last time.
  await officers.switchTo(minh.name, minh.pin);
  await review.open(1);
  await review.expectEntry('1', 'Trường hợp 1/1 chờ rà soát');
  const diff = page.getByRole('table', { name: 'Đã sửa từ lần trả lại' });
  const changed = diff.getByRole('row', { name: /Ngày sinh chồng/ });
  await expect(changed).toContainText('15.06.1989');
  await expect(changed).toContainText('15.06.1985');
  await expect(diff).not.toContainText('Họ tên');
  await expect(
    page.getByRole('region', { name: 'Ghi chú theo ô khi trả lại lần trước' }),
  ).toContainText('Ngày sinh chồng: Sổ ghi năm 1985');
  await expect(checks.getByRole('listitem').filter({ hasText: 'CHƯA xác nhận' })).toHaveCount(0);
  await expect(checks).toContainText(`«${wifeReason}»`);
  await review.approve('1');
});

test('editing an approved entry asks for a reason first; the list and the export say it went back to draft', async ({
  page,
}) => {
  test.slow();
  const officers = new Officers(page);
  const books = new BooksScreen(page);
  const workspace = new Workspace(page);
  const review = new ReviewScreen(page);
  await books.open();
  await officers.addOfficer(minh.name, 'Rà soát', minh.pin);
  await books.addBook();
  await workspace.importPdf(1);
  for (const [so, date, name] of [
    ['1', '05.01.2008', 'Nguyễn Văn An'],
    ['2', '06.01.2008', 'Lê Thị Bính'],
  ] as const) {
    await workspace.pressButton('Thêm trường hợp');
    await expect(page.getByRole('form', { name: `Trường hợp số ${so}` })).toBeVisible();
    await workspace.fillFields({ 'Ngày đăng ký': date, 'Họ tên người được khai sinh': name });
    await workspace.field('Ngày đăng ký').focus();
    await workspace.expectSaved();
  }
  await page.getByRole('link', { name: '← Danh sách trường hợp' }).click();
  await workspace.pressButton('Gửi rà soát các trường hợp đủ');
  await expect(notice(page, 'Đã gửi 2, còn 0 trường hợp có lỗi.')).toBeVisible();
  await officers.switchTo(minh.name, minh.pin);
  await review.open(2);
  await review.approve('1');
  await review.approve('2');
  await page.getByRole('link', { name: '← Về sổ' }).click();

  // Typing into the approved entry changes nothing: it says why, and stays approved.
  await officers.switchTo(defaultAdmin.name, defaultAdmin.pin);
  await page.getByRole('row').filter({ hasText: 'Lê Thị Bính' }).click();
  const name = workspace.field('Họ tên người được khai sinh');
  await name.focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Lê Thị Bình');
  await expect(name).toHaveValue('Lê Thị Bính');
  await expect(
    page.getByRole('note').filter({ hasText: 'Trường hợp đã phê duyệt: các ô chỉ để xem.' }),
  ).toBeVisible();
  await expect(page.getByText('Trạng thái: Đã phê duyệt')).toBeVisible();

  // Reopened with a reason, by the keyboard; the caret is back in the field.
  await page.keyboard.press('Alt+m');
  const reason = page.getByLabel('Lý do mở lại');
  await expect(reason).toBeFocused();
  await page.keyboard.type('Sổ gốc ghi Bình');
  await page.keyboard.press('Enter');
  await expect(notice(page, 'Đã mở lại trường hợp số 2')).toBeVisible();
  await expect(page.getByText('Trạng thái: Lưu nháp')).toBeVisible();
  await expect(name).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Lê Thị Bình');
  await page.keyboard.press('Enter');
  await workspace.expectSaved();
  await expect(name).toHaveValue('Lê Thị Bình');

  // The list says it went back to draft, and from where.
  await page.getByRole('link', { name: '← Danh sách trường hợp' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Lê Thị Bình' })).toContainText(
    'Lưu nháp (mở lại từ Đã phê duyệt)',
  );

  // The export names it among the entries held back, with the reason.
  await workspace.pressButton('Xuất sổ');
  const blocked = page.getByRole('alert').filter({ hasText: 'Chưa xuất được' });
  await expect(blocked.getByRole('listitem')).toHaveText([
    'Số 2 Trạng thái «Lưu nháp»: chưa được phê duyệt. Đã mở lại (từ «Đã phê duyệt») để sửa, lý do: Sổ gốc ghi Bình.',
  ]);

  // And its history records who reopened it and why.
  await blocked.getByRole('button', { name: 'Số 2' }).click();
  await page.getByRole('link', { name: 'Lịch sử' }).click();
  const reopened = page
    .getByRole('table', { name: 'Lịch sử thay đổi' })
    .getByRole('row')
    .filter({ hasText: 'Mở lại để sửa' });
  await expect(reopened).toContainText(defaultAdmin.name);
  await expect(reopened).toContainText('Lý do: Sổ gốc ghi Bình');
});

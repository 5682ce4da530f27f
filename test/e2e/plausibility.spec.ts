// What a book can say but an officer should look at twice: a mother aged 10, a registration
// dated before the book was opened. Each is a warning kept with a reason, never a dead end.
// And what the form fills by itself: the signer of the entry before, relations in one wording.
import { expect, test, type Page } from '@playwright/test';
import { downloadBytes, readWorkbook } from './files';
import { BooksScreen, Workspace } from './models';
import { submitAllForExport } from './review-model';

/** A fresh khai sinh book 01/2008 with one page and its first entry open. */
async function firstEntry(page: Page): Promise<Workspace> {
  await new BooksScreen(page).createBookFresh();
  const workspace = new Workspace(page);
  await workspace.importPdf(1);
  await workspace.pressButton('Thêm trường hợp');
  await expect(page.getByRole('form', { name: 'Trường hợp số 1' })).toBeVisible();
  return workspace;
}

/** Fills the fields, leaves the last one and waits for the save. */
async function fillAndSave(
  workspace: Workspace,
  values: [label: string, value: string][],
): Promise<void> {
  for (const [label, value] of values) await workspace.field(label).fill(value);
  await workspace.field(values.at(-1)![0]).blur();
  await workspace.expectSaved();
}

function warning(page: Page, text: string) {
  return page.getByRole('listitem').filter({ hasText: text });
}

test('a mother aged 10 at the birth is warned, and kept once the officer gives a reason', async ({
  page,
}) => {
  const workspace = await firstEntry(page);
  await fillAndSave(workspace, [
    ['Ngày đăng ký', '15.09.2008'],
    ['Họ tên người được khai sinh', 'Phạm Anh Đài'],
    ['Ngày sinh', '27.08.2008'],
    ['Họ tên mẹ', 'Nguyễn Thị Lan'],
    ['Ngày sinh mẹ', '01.03.1998'],
  ]);
  const tooYoung = warning(page, 'Cha, mẹ 10 tuổi khi con sinh ra');
  await expect(tooYoung).toBeVisible();
  await tooYoung.getByRole('button', { name: 'Xác nhận giữ nguyên…' }).click();
  await page.getByLabel('Lý do').fill('Sổ gốc ghi năm sinh 1998');
  await page.getByLabel('Lý do').press('Enter');
  await expect(tooYoung).toContainText('đã xác nhận: Sổ gốc ghi năm sinh 1998');

  // A misread year corrected: no warning left.
  await fillAndSave(workspace, [['Ngày sinh mẹ', '01.03.1988']]);
  await expect(warning(page, 'khi con sinh ra')).toHaveCount(0);
});

test('a registration dated before the year the book was opened is warned', async ({ page }) => {
  const workspace = await firstEntry(page);
  await fillAndSave(workspace, [
    ['Họ tên người được khai sinh', 'Phạm Anh Đài'],
    ['Ngày đăng ký', '15.06.2007'],
  ]);
  await expect(warning(page, 'Ngày đăng ký năm 2007, trước năm mở sổ (2008)')).toBeVisible();
  // A multi-year book runs on into later years.
  await fillAndSave(workspace, [['Ngày đăng ký', '14.02.2024']]);
  await expect(warning(page, 'trước năm mở sổ')).toHaveCount(0);
});

test('the signer typed over the book’s on one entry signs the next entry too', async ({ page }) => {
  const workspace = await firstEntry(page);
  await expect(workspace.field('Người ký')).toHaveValue('Lê Đức Tuấn');
  await fillAndSave(workspace, [
    ['Họ tên người được khai sinh', 'Phạm Anh Đài'],
    ['Người ký', 'Hà Văn Nam'],
    ['Chức vụ người ký', 'Phó Chủ tịch UBND xã'],
  ]);
  await workspace.field('Họ tên người được khai sinh').focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('form', { name: 'Trường hợp số 2' })).toBeVisible();
  await expect(workspace.field('Người ký')).toHaveValue('Hà Văn Nam');
  await expect(workspace.field('Chức vụ người ký')).toHaveValue('Phó Chủ tịch UBND xã');
  // Stored so, not only shown: a reload shows the same.
  await fillAndSave(workspace, [['Họ tên người được khai sinh', 'Lê Thị Hoa']]);
  await page.reload();
  await expect(page.getByRole('form', { name: 'Trường hợp số 2' })).toBeVisible();
  await expect(workspace.field('Người ký')).toHaveValue('Hà Văn Nam');
});

test('a relation typed "cha" is stored and exported as the list writes it, "Cha"', async ({
  page,
}) => {
  const workspace = await firstEntry(page);
  await fillAndSave(workspace, [
    ['Trang số', '1'],
    ['Ngày đăng ký', '15.01.2008'],
    ['Loại đăng ký', '1'],
    ['Họ tên người được khai sinh', 'Nguyễn Văn An'],
    ['Giới tính', '1'],
    ['Ngày sinh', '02.01.2008'],
    ['Dân tộc', 'Kinh'],
    ['Quốc tịch', 'Việt Nam'],
    ['Họ tên mẹ', 'Trần Thị Bình'],
    ['Họ tên cha', 'Nguyễn Văn Cường'],
    ['Họ tên người đi khai', 'Nguyễn Văn Cường'],
    ['Quan hệ với người được khai sinh', 'cha'],
  ]);
  await expect(workspace.field('Quan hệ với người được khai sinh')).toHaveValue('Cha');
  await expect(page.getByText('Không có lỗi.')).toBeVisible();

  await submitAllForExport(page);
  const downloads = await workspace.exportBundle();
  const xlsx = downloads.find((d) => d.suggestedFilename().endsWith('.xlsx'))!;
  const { rows } = await readWorkbook(await downloadBytes(xlsx));
  const header = rows[0]!.map((cell) => String(cell.value).split('\n')[0]!.trim());
  expect(rows[1]![header.indexOf('nycQuanHe')]!.value).toBe('Cha');
});

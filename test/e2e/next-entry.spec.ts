import { expect, test, type Page } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchProfile, readSetting, removeProfile } from './crash-browser';
import { BooksScreen, defaultBook, Officers, Workspace } from './models';

const NAME = 'Họ tên người được khai sinh';

async function fillAll(page: Page, values: Record<string, string>): Promise<void> {
  const workspace = new Workspace(page);
  for (const [label, value] of Object.entries(values)) {
    await workspace.field(label).fill(value);
    await workspace.field(label).press('Enter');
  }
}

test('what is typed the moment the next entry opens is kept, with the entry left behind', async () => {
  const profile = await mkdtemp(join(tmpdir(), 'sohoa-profile-'));
  const launch = () => launchProfile(profile);
  try {
    let context = await launch();
    let page = context.pages()[0] ?? (await context.newPage());
    await new BooksScreen(page).createBookFresh();
    let workspace = new Workspace(page);
    await workspace.pressButton('Thêm trường hợp');
    await expect(workspace.field('Số')).toHaveValue('1');
    await expect(page).toHaveURL(/\/entries\//);
    const firstUrl = page.url();
    // No wait for "Đã lưu": Ctrl+Enter right after typing, and typing right after Ctrl+Enter.
    await workspace.field(NAME).fill('trần thị bình');
    await page.keyboard.press('Control+Enter');
    await expect(workspace.field('Số')).toHaveValue('2');
    await workspace.field(NAME).fill('lê văn cường');
    await workspace.field(NAME).press('Enter');
    await workspace.expectSaved();
    await expect(page).not.toHaveURL(firstUrl);
    const secondUrl = page.url();
    await context.close();

    context = await launch();
    page = context.pages()[0] ?? (await context.newPage());
    workspace = new Workspace(page);
    await page.goto(secondUrl);
    // A restarted app asks who is working before it shows any entry.
    await new Officers(page).signInIfAsked();
    await expect(workspace.field('Số')).toHaveValue('2');
    await expect(workspace.field(NAME)).toHaveValue('Lê Văn Cường');
    await page.goto(firstUrl);
    await expect(workspace.field('Số')).toHaveValue('1');
    await expect(workspace.field(NAME)).toHaveValue('Trần Thị Bình');
    await context.close();
  } finally {
    await removeProfile(profile);
  }
});

test('the same child registered in another khai sinh book is flagged, naming that book', async ({
  page,
}) => {
  const child = {
    [NAME]: 'Phạm Anh Đài',
    'Ngày sinh': '27082008',
    'Họ tên mẹ': 'Nguyễn Thị Lan',
    'Họ tên cha': 'Phạm Văn Hùng',
  };
  const books = new BooksScreen(page);
  await books.createBookFresh();
  const workspace = new Workspace(page);
  await workspace.pressButton('Thêm trường hợp');
  await fillAll(page, child);
  await workspace.expectSaved();
  await expect(page.getByText(/Có thể trùng/)).toHaveCount(0);

  await books.open();
  await books.addBook({ ...defaultBook, quyenSo: '02/2009', year: '2009' });
  await workspace.pressButton('Thêm trường hợp');
  await fillAll(page, child);
  await expect(
    page.getByText('Có thể trùng với trường hợp số 1 của sổ 01/2008', { exact: false }),
  ).toBeVisible();
  // Twins are an answer the officer gives, and it is kept like any other reason.
  await page.getByRole('button', { name: 'Song sinh' }).click();
  await expect(page.getByText(/đã xác nhận: song sinh/i)).toBeVisible();
});

test('an entry left with Ctrl+Enter reopens on the field it was left in', async ({ page }) => {
  await new BooksScreen(page).createBookFresh();
  const workspace = new Workspace(page);
  await workspace.pressButton('Thêm trường hợp');
  await expect(workspace.field('Số')).toHaveValue('1');
  await expect(page).toHaveURL(/\/entries\//);
  const firstUrl = page.url();
  await workspace.field(NAME).fill('trần thị bình');
  // Long enough for the field to be remembered.
  await expect
    .poll(() => readSetting(page, `session.focus.${firstUrl.split('/').pop()}`))
    .toBe('nksHoTen');
  await page.keyboard.press('Control+Enter');
  await expect(workspace.field('Số')).toHaveValue('2');
  await expect(page.locator('form :focus')).toHaveCount(1);
  const focusedInSecond = await page.locator('form :focus').getAttribute('data-field');
  expect(focusedInSecond).not.toBe('nksHoTen');
  // The entry left behind reopens on its own field, not the one the next entry started in.
  await page.goto(firstUrl);
  await new Officers(page).signInIfAsked();
  await expect(workspace.field('Số')).toHaveValue('1');
  await expect(workspace.field(NAME)).toBeFocused();
});

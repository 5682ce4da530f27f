import { expect, test, type Page } from '@playwright/test';
import { BooksScreen, Workspace } from './models';

async function firstEntry(page: Page): Promise<Workspace> {
  await new BooksScreen(page).createBookFresh();
  const workspace = new Workspace(page);
  await workspace.importPdf(2);
  await workspace.pressButton('Thêm trường hợp');
  // The form walk key by key is the walking skeleton's subject; here only the values count.
  await workspace.fillFields({
    'Trang số': '1',
    'Ngày đăng ký': '15.01.2008',
    'Loại đăng ký': '1',
    'Họ tên người được khai sinh': 'Nguyễn Văn An',
    'Giới tính': '1',
    'Ngày sinh': '02.01.2008',
    'Nơi sinh': 'Trạm y tế xã An Nhơn',
    'Dân tộc': 'Kinh',
    'Quốc tịch': 'Việt Nam',
    'Họ tên mẹ': 'Trần Thị Bình',
    'Nơi cư trú mẹ': 'Thôn 1, xã An Nhơn',
    'Họ tên cha': 'Nguyễn Văn Cường',
  });
  await workspace.expectSaved();
  await page.keyboard.press('Control+Enter');
  await expect(workspace.field('Số')).toHaveValue('2');
  return workspace;
}

test('the previous entry is offered, taken with Enter and skipped with Tab', async ({ page }) => {
  const workspace = await firstEntry(page);
  // Focus starts on the first empty field; the carried value shows but is not filled in.
  await expect(workspace.field('Trang số')).toBeFocused();
  await expect(workspace.field('Trang số')).toHaveValue('');
  await expect(workspace.suggestionIn('Trang số')).toHaveText('1');
  await expect(workspace.suggestionIn('Ngày đăng ký')).toHaveText('15.01.2008');
  // A screen reader says it when the field is focused.
  await expect(
    page.getByRole('status').filter({ hasText: 'Gợi ý từ trường hợp trước' }),
  ).toHaveText('Trang số: Gợi ý từ trường hợp trước: 1. Enter để nhận, Tab để bỏ qua.');

  await page.keyboard.press('Enter'); // take "1"
  await expect(workspace.field('Trang số')).toHaveValue('1');
  await expect(workspace.suggestionIn('Trang số')).toBeHidden();
  await expect(workspace.field('Ngày đăng ký')).toBeFocused();
  await page.keyboard.press('Tab'); // skip the date
  await expect(workspace.field('Ngày đăng ký')).toHaveValue('');
  await workspace.field('Ngày đăng ký').focus();
  await page.keyboard.press('Enter');
  await expect(workspace.field('Ngày đăng ký')).toHaveValue('15.01.2008');
  await workspace.expectSaved();
});

test("Ctrl+D copies the previous entry's value into the field being typed", async ({ page }) => {
  const workspace = await firstEntry(page);
  await workspace.field('Họ tên mẹ').focus();
  await page.keyboard.press('Control+d');
  await expect(workspace.field('Họ tên mẹ')).toHaveValue('Trần Thị Bình');
  await workspace.field('Họ tên cha').focus();
  await page.keyboard.press('Control+d');
  await expect(workspace.field('Họ tên cha')).toHaveValue('Nguyễn Văn Cường');
  await workspace.expectSaved();
});

test('places typed in the book are offered without accents; Tab keeps free text', async ({
  page,
}) => {
  const workspace = await firstEntry(page);
  const place = workspace.field('Nơi sinh');
  await place.focus();
  await page.keyboard.type('tram');
  const options = page.getByRole('listbox');
  await expect(options.getByRole('option', { name: 'Trạm y tế xã An Nhơn' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('Enter');
  await expect(place).toHaveValue('Trạm y tế xã An Nhơn');

  // The father's residence is offered what was typed for the mother; Tab keeps "Thôn 2".
  const father = workspace.field('Nơi cư trú cha');
  await father.focus();
  await page.keyboard.type('Thôn');
  await expect(page.getByRole('option', { name: 'Thôn 1, xã An Nhơn' })).toBeVisible();
  await page.keyboard.type(' 2');
  await page.keyboard.press('Tab');
  await expect(father).toHaveValue('Thôn 2');

  // Code fields: "kin" → Kinh, "01" → Kinh, "viet" → Việt Nam, "nu" → 2.
  for (const [label, typed, stored] of [
    ['Dân tộc', 'kin', 'Kinh'],
    ['Dân tộc mẹ', '01', 'Kinh'],
    ['Quốc tịch mẹ', 'viet', 'Việt Nam'],
    ['Giới tính', 'nu', '2'],
  ] as const) {
    await workspace.field(label).focus();
    await page.keyboard.type(typed);
    await page.keyboard.press('Enter');
    await expect(workspace.field(label)).toHaveValue(stored);
  }
  await workspace.expectSaved();
});

test('F1 lists the shortcuts; the split and the text size follow the keyboard and stay', async ({
  page,
}) => {
  await firstEntry(page);
  await page.keyboard.press('F1');
  const sheet = page.getByRole('dialog', { name: 'Phím tắt' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('row', { name: /Ctrl\+D/ })).toContainText('trường hợp trước');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  const split = page.getByRole('separator', { name: /chia màn hình/ });
  await expect(split).toHaveAttribute('aria-valuenow', '50');
  await split.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(split).toHaveAttribute('aria-valuenow', '40');
  const viewerWidth = await page
    .getByRole('region', { name: 'Bản scan' })
    .evaluate((el) => el.clientWidth);
  expect(viewerWidth).toBeLessThan(1366 * 0.45);

  await page.getByRole('button', { name: 'Tăng cỡ chữ' }).click();
  await page.getByRole('button', { name: 'Tăng cỡ chữ' }).click();
  await page.reload();
  await expect(page.getByRole('separator', { name: /chia màn hình/ })).toHaveAttribute(
    'aria-valuenow',
    '40',
  );
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(
    '16px',
  );
  const [scrollWidth, clientWidth] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
});

test('a book can stop offering a field and change its defaults for new entries', async ({
  page,
}) => {
  const workspace = await firstEntry(page);
  await workspace.pressButton('Thiết lập sổ');
  const settings = page.getByRole('dialog', { name: 'Thiết lập sổ' });
  await settings.getByRole('checkbox', { name: 'Ngày đăng ký' }).uncheck();
  await settings.getByLabel('Người ký', { exact: true }).fill('Hà Văn Nam');
  await settings.getByRole('button', { name: 'Lưu thiết lập' }).click();
  await expect(settings).toBeHidden();

  await workspace.pressButton('Thêm trường hợp');
  await expect(workspace.field('Số')).toHaveValue('3');
  await expect(workspace.suggestionIn('Ngày đăng ký')).toBeHidden();
  await expect(workspace.field('Người ký')).toHaveValue('Hà Văn Nam');
  // Entries already typed keep what they had.
  await page.goBack();
  await expect(workspace.field('Số')).toHaveValue('2');
  await expect(workspace.field('Người ký')).toHaveValue('Lê Đức Tuấn');
});

// Moving a khai sinh book from the 70-column template to the older 60-column one: the preview
// names what is dropped and where data would go, and nothing moves until the officer agrees.
import { expect, test } from '@playwright/test';
import { BooksScreen, Workspace } from './models';

test('a book moves to the older template only once the officer agrees to drop typed data', async ({
  page,
}) => {
  await new BooksScreen(page).createBookFresh();
  const workspace = new Workspace(page);
  await workspace.pressButton('Thêm trường hợp');
  await workspace.field('Họ tên người được khai sinh').fill('Nguyễn Văn An');
  await page.getByText(/^Thông tin khác/).click();
  await workspace.field('Số định danh cá nhân').fill('001208012345');
  await workspace.field('Số định danh cá nhân').blur();
  await workspace.expectSaved();

  await workspace.pressButton('Thiết lập sổ');
  const settings = page.getByRole('dialog', { name: 'Thiết lập sổ' });
  await expect(settings.getByRole('group', { name: 'Mẫu sổ' })).toContainText(
    'Khai sinh — mẫu 70 cột',
  );
  await settings.getByRole('button', { name: 'Đổi mẫu…' }).click();
  const move = page.getByRole('dialog', { name: 'Đổi mẫu của sổ' });
  await expect(move.getByLabel('Chuyển sang')).toBeFocused();
  await expect(move.getByLabel('Chuyển sang')).toHaveValue('ks-60');
  const dropped = move.getByRole('list', { name: 'Bỏ 10 cột mẫu mới không có:' });
  await expect(
    dropped.getByRole('listitem').filter({ hasText: 'Số định danh cá nhân' }).first(),
  ).toHaveText('Số định danh cá nhân — có dữ liệu ở 1 trường hợp');
  const confirm = move.getByRole('button', { name: 'Đổi mẫu' });
  await expect(confirm).toBeDisabled();

  // Changing their mind gives the keyboard back to the button in the settings.
  await move.getByRole('button', { name: 'Hủy' }).click();
  await expect(move).toBeHidden();
  await expect(settings.getByRole('button', { name: 'Đổi mẫu…' })).toBeFocused();

  await settings.getByRole('button', { name: 'Đổi mẫu…' }).click();
  await move.getByRole('checkbox', { name: 'Tôi đồng ý bỏ dữ liệu ở các cột trên' }).check();
  await confirm.click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Đã chuyển sổ sang Khai sinh — mẫu 60 cột.' }),
  ).toBeVisible();
  await expect(settings).toBeHidden();

  // The entry now has the older layout's fields only; what it had elsewhere is kept.
  await expect(workspace.field('Họ tên người được khai sinh')).toHaveValue('Nguyễn Văn An');
  await expect(workspace.field('Số định danh cá nhân')).toHaveCount(0);
});

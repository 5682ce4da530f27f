import { expect, test } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killBrowser, launchProfile, readSetting, removeProfile } from './crash-browser';
import { BooksScreen, Workspace } from './models';

let profile: string;

test.beforeEach(async () => {
  profile = await mkdtemp(join(tmpdir(), 'sohoa-reopen-'));
});
test.afterEach(async () => {
  await removeProfile(profile);
});

test('after a crash the app reopens on the entry and the field that were open', async () => {
  let context = await launchProfile(profile);
  let page = context.pages()[0] ?? (await context.newPage());
  await new BooksScreen(page).createBookFresh();
  let workspace = new Workspace(page);
  await workspace.pressButton('Thêm trường hợp');
  await workspace.field('Họ tên người được khai sinh').fill('lò văn páo');
  await workspace.field('Họ tên người được khai sinh').press('Enter');
  await workspace.field('Nơi sinh').fill('Bản Mường Tè');
  await workspace.field('Nơi sinh').press('Enter');
  // A field folded away under "more fields" is reopened too.
  await page.getByText(/^Thông tin khác/).click();
  await workspace.field('Số định danh cá nhân').click();
  await workspace.expectSaved();
  const entryUrl = page.url();
  const entryId = entryUrl.split('/').at(-1) ?? '';
  // Remembering the field waits for the officer to settle on one.
  await expect.poll(() => readSetting(page, `session.focus.${entryId}`)).toBe('nksSoDinhDanh');
  await killBrowser(context, profile);

  context = await launchProfile(profile);
  page = context.pages()[0] ?? (await context.newPage());
  await new BooksScreen(page).reopen();
  await expect(page).toHaveURL(entryUrl);
  workspace = new Workspace(page);
  await expect(workspace.field('Số định danh cá nhân')).toBeFocused();
  await expect(workspace.field('Họ tên người được khai sinh')).toHaveValue('Lò Văn Páo');
  await expect(workspace.field('Nơi sinh')).toHaveValue('Bản Mường Tè');

  // Back on the list, a restart starts on the list again.
  await page.getByRole('link', { name: 'SoHoa' }).click();
  await expect(page.getByRole('heading', { name: 'Sổ hộ tịch' })).toBeVisible();
  await expect.poll(() => readSetting(page, 'session.lastRoute')).toBe('#/');
  await context.close();

  context = await launchProfile(profile);
  page = context.pages()[0] ?? (await context.newPage());
  await new BooksScreen(page).reopen();
  await expect(page.getByRole('heading', { name: 'Sổ hộ tịch' })).toBeVisible();
  await context.close();
});

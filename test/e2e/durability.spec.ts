import { expect, test, type BrowserContext } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchProfile, removeProfile } from './crash-browser';
import { BooksScreen, defaultAdmin, Officers, Workspace } from './models';

let profile: string;

test.beforeEach(async () => {
  profile = await mkdtemp(join(tmpdir(), 'sohoa-profile-'));
});
test.afterEach(async () => {
  await removeProfile(profile);
});

function launch(): Promise<BrowserContext> {
  return launchProfile(profile);
}

test('a value shown as saved is still there after the browser is closed and reopened', async () => {
  let context = await launch();
  let page = context.pages()[0] ?? (await context.newPage());
  await new BooksScreen(page).createBookFresh();
  const workspace = new Workspace(page);
  await workspace.pressButton('Thêm trường hợp');
  await workspace.field('Họ tên người được khai sinh').fill('trần thị bình');
  await workspace.field('Họ tên người được khai sinh').press('Enter');
  await workspace.expectSaved();
  const entryUrl = page.url();
  await context.close();

  context = await launch();
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(entryUrl);
  // A restarted app asks who is working, then goes back to the entry that was open.
  await new Officers(page).signIn(defaultAdmin.name, defaultAdmin.pin);
  await expect(page).toHaveURL(entryUrl);
  await expect(new Workspace(page).field('Họ tên người được khai sinh')).toHaveValue(
    'Trần Thị Bình',
  );
  await context.close();
});

test('reloading in the middle of typing loses nothing that was shown as saved', async () => {
  const context = await launch();
  const page = context.pages()[0] ?? (await context.newPage());
  await new BooksScreen(page).createBookFresh();
  const workspace = new Workspace(page);
  await workspace.pressButton('Thêm trường hợp');

  await workspace.field('Nơi sinh').fill('Trạm y tế xã An Nhơn');
  await workspace.expectSaved();
  // Typing goes on; the reload lands before the next save can finish.
  await workspace.field('Quê quán').pressSequentially('Thôn 3, xã An');
  await page.reload();

  await expect(workspace.field('Nơi sinh')).toHaveValue('Trạm y tế xã An Nhơn');
  const queQuan = await workspace.field('Quê quán').inputValue();
  // Whatever part of the unsaved typing made it is a prefix of what was typed, never garbage.
  expect('Thôn 3, xã An'.startsWith(queQuan)).toBe(true);
  await workspace.expectSaved();
  await context.close();
});

import { expect, test, type Page } from '@playwright/test';
import { BooksScreen, defaultAdmin, Officers, Workspace } from './models';

const hoa = { name: 'Phạm Thị Hoa', pin: '5679' };

async function newEntry(page: Page): Promise<Workspace> {
  await new BooksScreen(page).createBookFresh();
  const workspace = new Workspace(page);
  await workspace.pressButton('Thêm trường hợp');
  await expect(workspace.field('Nơi sinh')).toBeVisible();
  // The address names the new entry a moment after its form is shown.
  await expect(page).toHaveURL(/\/entries\/[^/]+$/);
  return workspace;
}

test('the first run creates the administrator, and later runs ask who is working', async ({
  page,
}) => {
  // The page's clock runs as usual, and can be moved on past a sign-in wait.
  await page.clock.install();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Thiết lập lần đầu' })).toBeVisible();
  // A PIN anyone would try first is refused, as the hint says.
  await page.getByLabel('Họ tên', { exact: true }).fill(defaultAdmin.name);
  await page.getByLabel('Mã PIN', { exact: true }).fill('1234');
  await page.getByLabel('Nhập lại mã PIN', { exact: true }).fill('1234');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'quá dễ đoán' })).toBeVisible();
  // The two PINs must agree.
  await page.getByLabel('Mã PIN', { exact: true }).fill('2580');
  await page.getByLabel('Nhập lại mã PIN', { exact: true }).fill('2508');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'không giống nhau' })).toBeVisible();
  const officers = new Officers(page);
  await officers.setUp();
  await expect(page.getByRole('heading', { name: 'Sổ hộ tịch' })).toBeVisible();

  await officers.switchOfficer();
  await expect(page.getByRole('heading', { name: 'Sổ hộ tịch' })).toBeHidden();
  // A wrong PIN says so and keeps the screen locked; after a few, each try waits longer.
  const pinField = page.getByLabel(`Mã PIN của ${defaultAdmin.name}`, { exact: true });
  const wrongPin = async (pin: string) => {
    await officers.typeSignIn(defaultAdmin.name, pin);
    // Checked and refused: the field is emptied for the next try.
    await expect(pinField).toHaveValue('');
  };
  await wrongPin('0000');
  await expect(page.getByRole('alert')).toHaveText('Mã PIN không đúng. Hãy gõ lại.');
  await wrongPin('1111');
  // From here the page's time stands still, so the wait the third wrong PIN starts cannot run
  // out before the right PIN is tried, however slow the PC.
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
  await wrongPin('2222');
  await expect(page.getByRole('alert')).toHaveText(/Hãy đợi \d+ giây/);
  await expect(officers.current).toBeHidden();
  // The right PIN during the wait is not taken, and costs no extra wait.
  await officers.typeSignIn(defaultAdmin.name, defaultAdmin.pin);
  await expect(page.getByRole('alert')).toHaveText(/^Hãy đợi \d+ giây/);
  await expect(officers.current).toBeHidden();
  // The PIN stays typed: once the wait is over, Enter takes it.
  await expect(pinField).toBeFocused();
  await page.clock.fastForward(1500);
  await page.clock.resume();
  await page.keyboard.press('Enter');
  await expect(officers.current).toHaveText(defaultAdmin.name);

  // A new window (as after a restart) asks who is working, with the list ready for the arrows.
  const fresh = await page.context().newPage();
  await fresh.goto('/');
  const list = fresh.getByRole('listbox', { name: 'Cán bộ' });
  await expect(list).toBeFocused();
  await expect(list.getByRole('option', { selected: true })).toContainText(defaultAdmin.name);
  await fresh.keyboard.press('Enter');
  await fresh.keyboard.type(defaultAdmin.pin);
  await fresh.keyboard.press('Enter');
  await expect(fresh.getByTestId('current-officer')).toHaveText(defaultAdmin.name);
  await expect(fresh.getByRole('heading', { name: 'Sổ hộ tịch' })).toBeVisible();
});

test('an administrator adds an officer, who signs in with Ctrl+L and sees no admin tools', async ({
  page,
}) => {
  const workspace = await newEntry(page);
  const entryUrl = page.url();
  const officers = new Officers(page);
  await officers.addOfficer(hoa.name, 'Nhập liệu', hoa.pin);

  await officers.switchTo(hoa.name, hoa.pin);
  // Back on the entry that was open, as the new officer.
  await expect(page).toHaveURL(entryUrl);
  await expect(page.getByRole('group', { name: 'Người đang làm việc' })).toContainText('Nhập liệu');
  await expect(page.getByRole('button', { name: 'Cán bộ', exact: true })).toHaveCount(0);
  await workspace.field('Nơi sinh').fill('Trạm y tế xã An Nhơn');
  await workspace.field('Nơi sinh').press('Enter');
  await workspace.expectSaved();

  // The switch button does what Ctrl+L does.
  await page.getByRole('button', { name: 'Đổi người' }).click();
  await officers.signIn(defaultAdmin.name, defaultAdmin.pin);
  await expect(workspace.field('Nơi sinh')).toHaveValue('Trạm y tế xã An Nhơn');
});

test('Ctrl+L in the middle of typing loses nothing: the same officer comes back to the text', async ({
  page,
}) => {
  const workspace = await newEntry(page);
  await workspace.field('Quê quán').click();
  // Locked straight after the last key, before the autosave's pause has passed.
  await page.keyboard.type('Thôn 3, xã An Nhơn');
  await page.keyboard.press('Control+L');
  const officers = new Officers(page);
  await expect(officers.signInHeading).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Màn hình đã khóa' })).toContainText(
    defaultAdmin.name,
  );
  // The locked officer's PIN field is ready: just type it.
  await expect(page.getByLabel(`Mã PIN của ${defaultAdmin.name}`, { exact: true })).toBeFocused();
  await page.keyboard.type(defaultAdmin.pin);
  await page.keyboard.press('Enter');
  await expect(workspace.field('Quê quán')).toHaveValue('Thôn 3, xã An Nhơn');
  // Back in the same field, where typing goes on.
  await expect(workspace.field('Quê quán')).toBeFocused();
  await page.keyboard.type(', huyện Đạ Tẻh');
  await expect(workspace.field('Quê quán')).toHaveValue('Thôn 3, xã An Nhơn, huyện Đạ Tẻh');
  await workspace.expectSaved();
});

test('the screen locks after the idle time the administrator set, keeping what was typed', async ({
  page,
}) => {
  await page.clock.install();
  const workspace = await newEntry(page);
  const officers = new Officers(page);
  const admin = await officers.openAdmin();
  await admin.getByLabel('Khóa sau số phút không dùng').fill('1');
  await admin.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByText('Màn hình sẽ tự khóa sau 1 phút không dùng.')).toBeVisible();
  await officers.closeAdmin();

  await workspace.field('Nơi sinh').click();
  await page.keyboard.type('Trạm y tế xã An Nhơn');
  // Half a minute of quiet is not enough ...
  await page.clock.fastForward('00:30');
  await expect(workspace.field('Nơi sinh')).toBeVisible();
  // ... a full minute is.
  await page.clock.fastForward('00:31');
  await expect(officers.signInHeading).toBeVisible();
  await expect(workspace.field('Nơi sinh')).toBeHidden();

  // Someone else could take over; here the same officer comes back to the same text.
  await officers.signIn(defaultAdmin.name, defaultAdmin.pin);
  await expect(workspace.field('Nơi sinh')).toHaveValue('Trạm y tế xã An Nhơn');
  // The setting stays: after a reload the admin screen still shows one minute.
  await page.reload();
  await expect((await officers.openAdmin()).getByLabel('Khóa sau số phút không dùng')).toHaveValue(
    '1',
  );
});

test('administrators change roles, reset PINs and deactivate; officers change their own PIN', async ({
  page,
}) => {
  await new BooksScreen(page).open();
  const officers = new Officers(page);
  await officers.addOfficer(hoa.name, 'Nhập liệu', hoa.pin);
  await officers.addOfficer('Lê Văn Nam', 'Nhập liệu', '4326');

  const admin = await officers.openAdmin();
  await admin.getByLabel(`Vai trò của ${hoa.name}`).selectOption({ label: 'Rà soát' });
  await admin.getByLabel(`${hoa.name} được tin cậy`).click();
  await expect(admin.getByLabel(`${hoa.name} được tin cậy`)).toBeChecked();
  await admin.getByRole('button', { name: `Đặt lại mã PIN của ${hoa.name}` }).click();
  await admin.getByLabel(`Mã PIN mới của ${hoa.name}`).fill('2468');
  await admin.getByLabel(`Mã PIN mới của ${hoa.name}`).press('Enter');
  await expect(page.getByText(`Đã đặt lại mã PIN của ${hoa.name}.`)).toBeVisible();
  await admin.getByLabel('Lê Văn Nam đang làm việc').click();
  await expect(admin.getByLabel('Lê Văn Nam đang làm việc')).not.toBeChecked();
  // The only administrator cannot take away their own role.
  await admin.getByLabel(`Vai trò của ${defaultAdmin.name}`).selectOption({ label: 'Nhập liệu' });
  await expect(
    page.getByRole('alert').filter({ hasText: 'quản trị viên cuối cùng' }),
  ).toBeVisible();
  await expect(admin.getByLabel(`Vai trò của ${defaultAdmin.name}`)).toHaveValue('admin');
  await officers.closeAdmin();

  await officers.switchOfficer();
  await expect(page.getByRole('option', { name: /Lê Văn Nam/ })).toHaveCount(0);
  await officers.signIn(hoa.name, '2468');
  await expect(page.getByRole('group', { name: 'Người đang làm việc' })).toContainText('Rà soát');

  await page.getByRole('button', { name: 'Đổi mã PIN' }).click();
  const dialog = page.getByRole('dialog', { name: 'Đổi mã PIN của bạn' });
  await dialog.getByLabel('Mã PIN hiện tại').fill('1111');
  await dialog.getByLabel('Mã PIN mới').fill('13579');
  await dialog.getByLabel('Nhập lại mã PIN').fill('13579');
  await dialog.getByRole('button', { name: 'Đổi mã PIN' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Mã PIN hiện tại không đúng. Hãy gõ lại.');
  await dialog.getByLabel('Mã PIN hiện tại').fill('2468');
  await dialog.getByRole('button', { name: 'Đổi mã PIN' }).click();
  await expect(dialog).toBeHidden();
  await officers.switchOfficer();
  await officers.signIn(hoa.name, '13579');
});

test('the audit check says the log is intact, and names the event someone edited', async ({
  page,
}) => {
  await new BooksScreen(page).createBookFresh();
  const officers = new Officers(page);
  let admin = await officers.openAdmin();
  await admin.getByRole('button', { name: 'Kiểm tra nhật ký' }).click();
  await expect(admin.getByText(/^Nhật ký toàn vẹn \(\d+ sự kiện\)$/)).toBeVisible();
  await officers.closeAdmin();

  // Someone edits the second event behind the app's back.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sohoa');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error('database not opened'));
    });
    await new Promise<void>((resolve, reject) => {
      const store = db.transaction('audit', 'readwrite').objectStore('audit');
      const request = store.get(2);
      request.onsuccess = () => {
        const event = request.result as { by: string };
        store.put({ ...event, by: 'someone-else' });
        store.transaction.oncomplete = () => resolve();
      };
      request.onerror = () => reject(new Error('event not read'));
    });
    db.close();
  });
  admin = await officers.openAdmin();
  await admin.getByRole('button', { name: 'Kiểm tra nhật ký' }).click();
  await expect(admin.getByText('sự kiện số 2 không khớp')).toBeVisible();
});

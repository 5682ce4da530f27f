// The desktop app: who is signed in is the main process's answer, not the page's storage.
// The shell is stood in for by a fake bridge that keeps main's rules (see fake-desktop.ts).
import { expect, test } from '@playwright/test';
import { editPeopleRow, installFakeDesktop, peopleRows } from './fake-desktop';
import { defaultAdmin, Officers } from './models';

const hoa = { name: 'Phạm Thị Hoa', pin: '5679' };

test('on the desktop the page holds no PIN digest, and its own storage signs nobody in', async ({
  page,
}) => {
  await installFakeDesktop(page);
  await page.goto('/');
  const officers = new Officers(page);
  await officers.setUp();
  await officers.addOfficer(hoa.name, 'Nhập liệu', hoa.pin);
  const rows = await peopleRows(page);
  expect(rows.map((row) => row['name']).sort()).toEqual([hoa.name, defaultAdmin.name].sort());
  expect(rows.some((row) => 'pin' in row)).toBe(false);
  const adminId = String(rows.find((row) => row['name'] === defaultAdmin.name)?.['id']);
  const hoaId = String(rows.find((row) => row['name'] === hoa.name)?.['id']);

  // A reload keeps whoever main holds signed in.
  await page.reload();
  await expect(officers.current).toHaveText(defaultAdmin.name);

  // Locked, then the window's memory forged to say the administrator is at the keyboard.
  await officers.switchOfficer();
  await page.evaluate((id) => sessionStorage.setItem('sohoa.officer', id), adminId);
  await page.reload();
  await expect(officers.signInHeading).toBeVisible();
  await expect(officers.current).toBeHidden();

  // The keyer makes their own row an administrator's: main's list puts it back.
  await officers.signIn(hoa.name, hoa.pin);
  await editPeopleRow(page, hoaId, { role: 'admin' });
  await page.reload();
  await expect(officers.current).toHaveText(hoa.name);
  await expect
    .poll(async () => (await peopleRows(page)).find((r) => r['id'] === hoaId)?.['role'])
    .toBe('entry');
  await expect(page.getByRole('group', { name: 'Người đang làm việc' })).toContainText('Nhập liệu');
  await expect(page.getByRole('button', { name: 'Cán bộ', exact: true })).toHaveCount(0);

  // Emptying the officers brings them back from main, not a new first run.
  await officers.switchOfficer();
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sohoa');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(String(request.error)));
    });
    await new Promise<void>((resolve, reject) => {
      const clear = db.transaction('people', 'readwrite').objectStore('people').clear();
      clear.onsuccess = () => resolve();
      clear.onerror = () => reject(new Error(String(clear.error)));
    });
    db.close();
  });
  await page.reload();
  await expect(officers.signInHeading).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Thiết lập lần đầu' })).toHaveCount(0);
  await officers.signIn(defaultAdmin.name, defaultAdmin.pin);
  await expect(page.getByRole('button', { name: 'Cán bộ', exact: true })).toBeVisible();
});

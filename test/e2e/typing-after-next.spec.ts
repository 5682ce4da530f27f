// The officer's rhythm at full speed: the last field of an entry, Ctrl+Enter, and at once the
// next entry's fields, while the disk is busy and the entry left behind is still being written.
// Every value typed is stored, in the entry it was typed into, and "Đã lưu" means it.
import { expect, test, type Page } from '@playwright/test';
import { readSavedState } from './backup-model';
import { BooksScreen, Workspace } from './models';

const NAME = 'Họ tên người được khai sinh';
const PLACE = 'Nơi sinh';

/**
 * Another write holds the entries' table, as a slow or busy disk does: the app's writes to it
 * wait until `release` is called. The form itself never needs the disk to show or take input.
 */
async function holdEntriesTable(page: Page): Promise<{ release: () => Promise<void> }> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('sohoa');
        request.onerror = () => reject(new Error(String(request.error)));
        request.onsuccess = () => {
          const db = request.result;
          const transaction = db.transaction('records', 'readwrite');
          const store = transaction.objectStore('records');
          let held = true;
          (window as unknown as { releaseEntries: () => void }).releaseEntries = () => {
            held = false;
          };
          // A transaction stays open while it has requests: keep asking until released.
          const keepBusy = () => {
            if (held) store.count().onsuccess = keepBusy;
          };
          keepBusy();
          transaction.oncomplete = () => db.close();
          resolve();
        };
      }),
  );
  return {
    release: () =>
      page.evaluate(() => (window as unknown as { releaseEntries: () => void }).releaseEntries()),
  };
}

test('what is typed into the next entry while the last one is still being written is stored', async ({
  page,
}) => {
  await new BooksScreen(page).createBookFresh();
  const workspace = new Workspace(page);
  await workspace.pressButton('Thêm trường hợp');
  const heading = page.getByRole('heading', { name: /^Trường hợp số/ });
  await expect(heading).toHaveText('Trường hợp số 1');
  await workspace.fillFields({ [NAME]: 'Trần Thị Bình' });
  await workspace.expectSaved();

  const disk = await holdEntriesTable(page);
  // The last field of entry 1, and straight on: its write waits for the disk.
  await workspace.fillFields({ [PLACE]: 'Trạm y tế xã An Nhơn' });
  await workspace.field(PLACE).press('Control+Enter');
  await expect(heading).toHaveText('Trường hợp số 2');
  // Typed into entry 2 at once, and left for the next field, which hands it to the writer.
  await workspace.fillFields({ [NAME]: 'Lê Văn Cường', [PLACE]: 'Bệnh viện huyện Tuy Phước' });
  await workspace.field(PLACE).press('Tab');
  await expect(page.getByRole('status').filter({ hasText: /^Đã lưu$/ })).toHaveCount(0);
  await disk.release();
  await workspace.expectSaved();

  // "Đã lưu": every value is on the disk, in the entry it was typed into.
  const stored = await readSavedState(page);
  const typed = stored.records
    .map((record) => record.fields as Record<string, string>)
    .sort((a, b) => Number(a.so) - Number(b.so))
    .map((fields) => [fields.so, fields.nksHoTen, fields.nksNoiSinh]);
  expect(typed).toEqual([
    ['1', 'Trần Thị Bình', 'Trạm y tế xã An Nhơn'],
    ['2', 'Lê Văn Cường', 'Bệnh viện huyện Tuy Phước'],
  ]);
  // And the form shows the same.
  await expect(workspace.field(NAME)).toHaveValue('Lê Văn Cường');
});

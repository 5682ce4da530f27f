// The entry list of a full book: 10,002 entries, found by name, number and status, opened by
// keyboard. Two entries are typed through the app; the rest are copies of one written straight
// into IndexedDB, with the same shape the app wrote, because typing 10,000 would take hours.
import { expect, test, type Page } from '@playwright/test';
import { stepsFrom } from './ks-form';
import { BooksScreen, Workspace } from './models';

const SEEDED = 10_000;

/** Copies entry 2 into entries 3…10002: one in a hundred is a Nguyễn Văn Bình, one in ten approved. */
async function seedCopies(page: Page, count: number): Promise<void> {
  await page.evaluate(async (count) => {
    const done = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
      });
    const db = await done(indexedDB.open('sohoa'));
    const tx = db.transaction('records', 'readwrite');
    const store = tx.objectStore('records');
    const written = (await done(store.getAll())) as {
      fields: Record<string, string>;
      createdAt: number;
    }[];
    const model = written.find((record) => record.fields.so === '2');
    if (!model) throw new Error('entry 2 was not saved');
    const names = [
      ['Trần Thị Mai', 'tran thi mai'],
      ['Lê Văn Nam', 'le van nam'],
      ['Phạm Thị Lan', 'pham thi lan'],
    ] as const;
    for (let i = 0; i < count; i += 1) {
      const so = 3 + i;
      const [name, nameKey] =
        i % 100 === 0 ? (['Nguyễn Văn Bình', 'nguyen van binh'] as const) : names[i % 3]!;
      const at = model.createdAt + 1 + i;
      store.put({
        ...structuredClone(model),
        id: `seed-${so}`,
        fields: { ...model.fields, so: String(so), nksHoTen: name },
        nameKey,
        status: i % 10 === 0 ? 'approved' : i % 10 === 1 ? 'submitted' : 'draft',
        createdAt: at,
        updatedAt: at,
      });
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    });
    db.close();
  }, count);
}

/** Reloads the book and returns how long after navigation start its list rows were on screen. */
async function reloadAndTimeList(page: Page): Promise<number> {
  await page.reload();
  const handle = await page.waitForFunction(
    () =>
      document.querySelector('[role="grid"] [role="row"][aria-rowindex="2"]') !== null
        ? performance.now()
        : null,
    null,
    { polling: 'raf', timeout: 60_000 },
  );
  return Math.round((await handle.jsonValue()) ?? Number.NaN);
}

/** Milliseconds from an action until some status line reads `text`. */
async function timeUntilText(page: Page, act: () => Promise<void>, text: string): Promise<number> {
  const start = await page.evaluate(() => performance.now());
  await act();
  const handle = await page.waitForFunction(
    (text) =>
      [...document.querySelectorAll('[role="status"]')].some((el) => el.textContent === text)
        ? performance.now()
        : null,
    text,
    { polling: 'raf' },
  );
  return Math.round(((await handle.jsonValue()) ?? Number.NaN) - start);
}

test('a book of 10,002 entries lists, searches, filters and opens entries without lag', async ({
  page,
}, testInfo) => {
  test.setTimeout(480_000);
  const books = new BooksScreen(page);
  const workspace = new Workspace(page);
  await books.createBookFresh();
  await workspace.importPdf(1);

  await workspace.pressButton('Thêm trường hợp');
  await workspace.typeSteps(
    stepsFrom('Trang số', {
      'Ngày đăng ký': '15012008',
      'Họ tên người được khai sinh': 'nguyễn văn an',
    }).slice(0, 9),
  );
  await workspace.expectSaved();
  await page.keyboard.press('Control+Enter');
  await expect(workspace.field('Số')).toHaveValue('2');
  await workspace.typeSteps(
    stepsFrom('Trang số', {
      'Ngày đăng ký': '20012008',
      'Họ tên người được khai sinh': 'lê thị hoa',
    }).slice(0, 9),
  );
  await workspace.expectSaved();
  await page.getByRole('link', { name: '← Danh sách trường hợp' }).click();

  const grid = page.getByRole('grid', { name: 'Danh sách trường hợp' });
  const count = page.getByRole('status').filter({ hasText: /trường hợp$/ });
  await expect(count).toHaveText('Sổ có 2 trường hợp');
  const smallBookMs = await reloadAndTimeList(page);

  await seedCopies(page, SEEDED);
  const fullBookMs = await reloadAndTimeList(page);
  testInfo.annotations.push({
    type: 'list render time',
    description: `list rows on screen ${fullBookMs} ms after navigation start with 10,002 entries (${smallBookMs} ms with 2)`,
  });
  console.log(`entry list: ${fullBookMs} ms with 10,002 entries, ${smallBookMs} ms with 2`);

  await expect(count).toHaveText('Sổ có 10.002 trường hợp');
  await expect(grid).toHaveAttribute('aria-rowcount', '10003');
  // Only the rows in view (plus a margin) exist in the page.
  expect(await grid.getByRole('row').count()).toBeLessThan(100);
  const firstRow = grid.locator('[role="row"][aria-rowindex="2"]');
  await expect(firstRow.getByRole('gridcell')).toHaveText([
    '1',
    'Nguyễn Văn An',
    '15.01.2008',
    '1',
    'Lưu nháp',
  ]);

  // Scrolling by the scroll bar reaches the last entry.
  await grid.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  const lastRow = grid.locator('[role="row"][aria-rowindex="10003"]');
  await expect(lastRow.getByRole('gridcell').first()).toHaveText('10002');
  expect(await grid.getByRole('row').count()).toBeLessThan(100);

  // Keyboard: Home, a step down, Enter opens; coming back selects the same entry again.
  await grid.focus();
  await page.keyboard.press('Home');
  await expect(firstRow).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(grid.locator('[role="row"][aria-rowindex="4"]')).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Trường hợp số 3' })).toBeVisible();
  await page.getByRole('link', { name: '← Danh sách trường hợp' }).click();
  await expect(grid).toBeFocused();
  await expect(grid.locator('[aria-selected="true"]').getByRole('gridcell').first()).toHaveText(
    '3',
  );
  await page.keyboard.press('End');
  await expect(lastRow).toHaveAttribute('aria-selected', 'true');
  await expect(lastRow).toBeInViewport();

  // Search by name without accents, from the first word or a later one.
  const search = page.getByLabel('Tìm theo tên hoặc số');
  const searchMs = await timeUntilText(
    page,
    () => search.fill('nguyen van'),
    'Hiển thị 101 / 10.002 trường hợp',
  );
  testInfo.annotations.push({
    type: 'search time',
    description: `"nguyen van" answered ${searchMs} ms after typing (150 ms of it is the typing pause)`,
  });
  console.log(`entry list: search answered in ${searchMs} ms`);
  await expect(count).toHaveText('Hiển thị 101 / 10.002 trường hợp');
  const names = grid.locator('[role="row"][aria-rowindex] [role="gridcell"]:nth-child(2)');
  await expect(names.first()).toHaveText('Nguyễn Văn An');
  for (const name of await names.allTextContents()) expect(name).toMatch(/^Nguyễn Văn /);
  await search.fill('bình');
  await expect(count).toHaveText('Hiển thị 100 / 10.002 trường hợp');
  await search.fill('1000');
  await expect(count).toHaveText('Hiển thị 4 / 10.002 trường hợp');
  await expect(
    grid.locator('[role="row"][aria-rowindex] [role="gridcell"]:first-child'),
  ).toHaveText(['1000', '10000', '10001', '10002']);

  // Status filter, alone and with a search.
  await search.fill('');
  const status = page.getByLabel('Lọc theo trạng thái');
  await status.selectOption({ label: 'Đã phê duyệt' });
  await expect(count).toHaveText('Hiển thị 1.000 / 10.002 trường hợp');
  await expect(grid.getByRole('gridcell', { name: 'Lưu nháp' })).toHaveCount(0);
  await search.fill('bình');
  await expect(count).toHaveText('Hiển thị 100 / 10.002 trường hợp');
  await status.selectOption({ label: 'Chờ rà soát' });
  await expect(count).toHaveText('Hiển thị 0 / 10.002 trường hợp');
  await expect(page.getByText(/^Không có trường hợp nào khớp\./)).toBeVisible();
  await search.fill('');
  await status.selectOption({ label: 'Tất cả' });
  await expect(count).toHaveText('Sổ có 10.002 trường hợp');

  // A click opens the row.
  await grid.locator('[role="row"][aria-rowindex="3"]').click();
  await expect(page.getByRole('heading', { name: 'Trường hợp số 2' })).toBeVisible();
  await page.getByRole('link', { name: '← Danh sách trường hợp' }).click();

  // Go to a number: a missing one is said so, an existing one opens.
  const jump = page.getByLabel('Đi tới số');
  await jump.fill('99999');
  await jump.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(
    'Sổ không có trường hợp số 99999. Kiểm tra lại số đã gõ.',
  );
  await jump.fill('5000');
  await jump.press('Enter');
  await expect(page.getByRole('heading', { name: 'Trường hợp số 5000' })).toBeVisible();
  await expect(workspace.field('Họ tên người được khai sinh')).toHaveValue('Phạm Thị Lan');

  // Back on the list, the officer goes for a button before the 10,002 rows are in (slowed as
  // on an old PC): the list, once ready, leaves the keyboard where the officer put it, so
  // Enter presses that button instead of opening an entry.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  await page.getByRole('link', { name: '← Danh sách trường hợp' }).click();
  const settingsButton = page.getByRole('button', { name: 'Thiết lập sổ' });
  await settingsButton.focus();
  await expect(count).toHaveText('Sổ có 10.002 trường hợp');
  await expect(settingsButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Thiết lập sổ' })).toBeVisible();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
});

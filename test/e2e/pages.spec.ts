// The page panel: putting a book's pages in order, removing stray ones, and mapping them to
// the page numbers printed in the book.
import { expect, test, type Page } from '@playwright/test';
import { makePdf } from '../fixtures/make-pdf';
import { BooksScreen, Workspace } from './models';

async function importPdf(page: Page, pages: number): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await new Workspace(page).pressButton('Nhập bản scan');
  await (
    await chooser
  ).setFiles({ name: 'so-2008.pdf', mimeType: 'application/pdf', buffer: await makePdf(pages) });
  await expect(
    page.getByRole('status').filter({ hasText: `Đã nhập «so-2008.pdf»: ${pages} trang.` }),
  ).toBeVisible();
}

async function openPanel(page: Page, count: number) {
  await page.getByText(`Các trang của sổ (${count})`, { exact: true }).click();
  const table = page.getByRole('table', { name: 'Các trang của sổ' });
  await expect(table).toBeVisible();
  return table;
}

/** "Trang trong tệp" of each row, top to bottom: which scanned page sits where. */
async function pagesInFile(page: Page): Promise<string[]> {
  const rows = page.getByRole('table', { name: 'Các trang của sổ' }).locator('tbody tr');
  return rows.evaluateAll((trs) => trs.map((tr) => tr.children[2]?.textContent ?? ''));
}

test('pages are put in order with buttons and with Alt+arrows', async ({ page }) => {
  await new BooksScreen(page).createBookFresh();
  await importPdf(page, 4);
  await openPanel(page, 4);
  expect(await pagesInFile(page)).toEqual(['1', '2', '3', '4']);

  await page.getByRole('button', { name: 'Chuyển trang 3 lên' }).click();
  await expect.poll(() => pagesInFile(page)).toEqual(['1', '3', '2', '4']);
  await expect(page.getByRole('button', { name: 'Chuyển trang 1 lên' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Chuyển trang 4 xuống' })).toBeDisabled();

  // Keyboard: the row keeps focus as it moves, so the officer can press again.
  const first = page.getByRole('row', { name: /^Trang 1: «so-2008\.pdf», trang 1 trong tệp$/ });
  await first.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => pagesInFile(page)).toEqual(['3', '1', '2', '4']);
  const moved = page.getByRole('row', { name: /^Trang 2: «so-2008\.pdf», trang 1 trong tệp$/ });
  await expect(moved).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => pagesInFile(page)).toEqual(['3', '2', '1', '4']);
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => pagesInFile(page)).toEqual(['3', '1', '2', '4']);

  // The order is stored, not just shown.
  await page.reload();
  await openPanel(page, 4);
  expect(await pagesInFile(page)).toEqual(['3', '1', '2', '4']);
});

test('printed page numbers are typed or numbered automatically, and kept', async ({ page }) => {
  await new BooksScreen(page).createBookFresh();
  await importPdf(page, 4);
  await openPanel(page, 4);

  const printed = (n: number) => page.getByLabel(`Số trang trong sổ của trang ${n}`);
  await printed(1).fill('12a');
  await printed(1).press('Enter');
  await printed(2).fill('7');
  await printed(2).press('Tab');

  await page.getByRole('button', { name: 'Đánh số tự động từ…' }).click();
  const form = page.getByRole('form', { name: 'Đánh số trang trong sổ tự động' });
  await form.getByLabel('Từ trang thứ').fill('2');
  await form.getByLabel('Số trang trong sổ bắt đầu').fill('15');
  await expect(form).toContainText('Trang 2–4 sẽ mang số 15–17');
  await form.getByRole('button', { name: 'Đánh số' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã đánh số 3 trang.' })).toBeVisible();
  await expect(printed(1)).toHaveValue('12a');
  await expect(printed(2)).toHaveValue('15');
  await expect(printed(3)).toHaveValue('16');
  await expect(printed(4)).toHaveValue('17');

  // A bad start number is explained and cannot be applied.
  await page.getByRole('button', { name: 'Đánh số tự động từ…' }).click();
  await form.getByLabel('Số trang trong sổ bắt đầu').fill('abc');
  await expect(form).toContainText('Hãy nhập số nguyên dương');
  await expect(form.getByRole('button', { name: 'Đánh số' })).toBeDisabled();
  await form.getByRole('button', { name: 'Hủy' }).click();
  await expect(form).toBeHidden();

  await page.reload();
  await openPanel(page, 4);
  await expect(printed(1)).toHaveValue('12a');
  await expect(printed(4)).toHaveValue('17');
});

test('deleting a page asks first, and the entry on it loses its link', async ({ page }) => {
  await new BooksScreen(page).createBookFresh();
  const workspace = new Workspace(page);
  await importPdf(page, 3);
  await openPanel(page, 3);

  // An entry typed on page 2.
  await page.getByRole('button', { name: 'Hiện trang 2', exact: true }).click();
  await workspace.pressButton('Thêm trường hợp');
  await expect(page.getByRole('button', { name: 'Xem trang 2' })).toBeVisible();

  // Cancel first: nothing goes.
  await page.getByRole('button', { name: 'Xóa trang 2' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Xóa trang 2 khỏi sổ?' });
  await expect(dialog).toContainText('mất liên kết');
  await expect(dialog.getByRole('button', { name: 'Hủy' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  expect(await pagesInFile(page)).toEqual(['1', '2', '3']);

  await page.getByRole('button', { name: 'Xóa trang 2' }).click();
  await dialog.getByRole('button', { name: 'Xóa trang' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Đã xóa trang 2 khỏi sổ.' }),
  ).toBeVisible();
  await expect(page.getByText('Các trang của sổ (2)', { exact: true })).toBeVisible();
  expect(await pagesInFile(page)).toEqual(['1', '3']);
  await expect(page.getByRole('button', { name: 'Xem trang 2' })).toBeHidden();
  await expect(page.getByText('chưa gắn trang nào')).toBeVisible();
});

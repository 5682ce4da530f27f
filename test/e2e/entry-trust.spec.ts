import { expect, test, type Page } from '@playwright/test';
import { makePdf } from '../fixtures/make-pdf';
import { BooksScreen, Workspace } from './models';

async function bookWithScan(page: Page): Promise<Workspace> {
  await new BooksScreen(page).createBookFresh();
  const workspace = new Workspace(page);
  await workspace.importPdf(2);
  await workspace.pressButton('Thêm trường hợp');
  return workspace;
}

test('a filled field reached with Enter is replaced by what the officer types, not added to', async ({
  page,
}) => {
  const workspace = await bookWithScan(page);
  await workspace.fillFields({
    'Ngày sinh': '12.03.1990',
    'Nơi sinh': 'Trạm y tế xã An Nhơn',
    'Họ tên mẹ': 'Trần Thị Bình',
    'Nơi cư trú mẹ': 'Thôn 1, xã An Nhơn',
  });
  await workspace.expectSaved();

  // Walking back into a filled field with Enter and Shift+Enter, then typing, as the officer
  // correcting a value does.
  await workspace.field('Họ tên mẹ').focus();
  await page.keyboard.press('Enter');
  await expect(workspace.field('Họ tên mẹ')).not.toBeFocused();
  await page.keyboard.press('Shift+Enter');
  await expect(workspace.field('Họ tên mẹ')).toBeFocused();
  await page.keyboard.type('Lê Thị Cúc');
  await page.keyboard.press('Enter');
  await expect(workspace.field('Họ tên mẹ')).toHaveValue('Lê Thị Cúc');

  // Focus the app moves itself (to the first empty field, after a dialog) lands the same way.
  await workspace.field('Ngày sinh').focus();
  await page.keyboard.type('04101981');
  await page.keyboard.press('Enter');
  await expect(workspace.field('Ngày sinh')).toHaveValue('04.10.1981');

  // A click places the caret where the officer clicked: typing there inserts.
  const place = workspace.field('Nơi sinh');
  await place.click();
  await page.keyboard.press('End');
  await page.keyboard.type(', tỉnh Bình Định');
  await page.keyboard.press('Tab');
  await expect(place).toHaveValue('Trạm y tế xã An Nhơn, tỉnh Bình Định');
  await workspace.expectSaved();
});

test('an entry created with Ctrl+Enter opens later with what was typed into it', async ({
  page,
}) => {
  const workspace = await bookWithScan(page);
  await workspace.fillFields({ 'Họ tên người được khai sinh': 'Nguyễn Văn An' });
  await workspace.expectSaved();
  for (const name of ['Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung']) {
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('heading', { name: /^Trường hợp số/ })).not.toHaveText(/số 1$/);
    await workspace.field('Họ tên người được khai sinh').fill(name);
    await workspace.expectSaved();
  }
  const heading = page.getByRole('heading', { name: /^Trường hợp số/ });
  await expect(heading).toHaveText('Trường hợp số 4');

  // Back to the list, then to each entry by its number: the form shows what is stored.
  for (const [number, name] of [
    ['2', 'Trần Thị Bình'],
    ['4', 'Phạm Thị Dung'],
    ['3', 'Lê Văn Cường'],
  ] as const) {
    await page.getByRole('link', { name: '← Danh sách trường hợp' }).click();
    const jump = page.getByLabel('Đi tới số');
    await jump.fill(number);
    await jump.press('Enter');
    await expect(heading).toHaveText(`Trường hợp số ${number}`);
    await expect(workspace.field('Họ tên người được khai sinh')).toHaveValue(name);
  }
});

test('the birth date in words follows a corrected birth date, and words typed from the book that disagree are flagged', async ({
  page,
}) => {
  const workspace = await bookWithScan(page);
  const birth = workspace.field('Ngày sinh');
  const words = workspace.field('Ngày sinh bằng chữ');
  await birth.focus();
  await page.keyboard.type('12031990');
  await page.keyboard.press('Enter');
  await expect(words).toHaveValue('Ngày Mười Hai Tháng Ba Năm Một Nghìn Chín Trăm Chín Mươi');

  // The officer corrects the date: the words made from the old date follow it.
  await birth.focus();
  await page.keyboard.type('04101981');
  await page.keyboard.press('Enter');
  await expect(birth).toHaveValue('04.10.1981');
  await expect(words).toHaveValue('Ngày Bốn Tháng Mười Năm Một Nghìn Chín Trăm Tám Mươi Mốt');

  // Words copied from the book in its own wording are not replaced, and say nothing while they
  // mean the same date.
  await words.fill('ngày bốn tháng mười năm một ngàn chín trăm tám mươi một');
  await words.press('Tab');
  const disagree = page.getByRole('listitem').filter({ hasText: 'không khớp với ngày đã nhập' });
  await expect(disagree).toHaveCount(0);
  // A date corrected after them leaves them as typed, but flagged until they agree.
  await birth.fill('05.10.1981');
  await birth.press('Tab');
  await expect(words).toHaveValue('ngày bốn tháng mười năm một ngàn chín trăm tám mươi một');
  await expect(disagree).toContainText(
    'Ngày bằng chữ không khớp với ngày đã nhập (Ngày Năm Tháng Mười Năm Một Nghìn Chín Trăm Tám Mươi Mốt).',
  );
  await birth.fill('04.10.1981');
  await birth.press('Tab');
  await expect(disagree).toHaveCount(0);
  await workspace.expectSaved();
});

/** The element holding the keyboard, as a screen reader would name it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'body';
    return element.getAttribute('aria-label') ?? element.id ?? element.tagName;
  });

test('after a new book, an import and a confirmed warning the keyboard still works the book', async ({
  page,
}) => {
  const books = new BooksScreen(page);
  await books.open();
  await books.createBook();
  await expect(page.getByRole('button', { name: 'Thêm trường hợp' })).toBeVisible();
  await expect.poll(() => focused(page)).not.toBe('body');

  const workspace = new Workspace(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Nhập bản scan' }).focus();
  await page.keyboard.press('Enter');
  await (
    await chooser
  ).setFiles({
    name: 'so-khai-sinh-2008.pdf',
    mimeType: 'application/pdf',
    buffer: await makePdf(3),
  });
  const indicator = page.getByTestId('page-indicator');
  await expect(indicator).toHaveText('Trang 1/3');
  await expect.poll(() => focused(page)).not.toBe('body');
  await page.keyboard.press('Alt+PageDown');
  await expect(indicator).toHaveText('Trang 2/3');

  await workspace.pressButton('Thêm trường hợp');
  await expect(page.getByRole('heading', { name: 'Trường hợp số 1' })).toBeVisible();
  await workspace.fillFields({ 'Ngày đăng ký': '2008' });
  const warning = page.getByRole('listitem').filter({ hasText: /Ngày đăng ký chỉ có/ });
  await warning.getByRole('button', { name: 'Xác nhận giữ nguyên…' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Sổ chỉ ghi năm');
  await page.keyboard.press('Enter');
  await expect(warning).toContainText('đã xác nhận: Sổ chỉ ghi năm');
  await expect.poll(() => focused(page)).not.toBe('body');

  // The book's shortcuts answer without a click.
  await page.keyboard.press('Alt+PageUp');
  await expect(indicator).toHaveText('Trang 1/3');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { name: 'Trường hợp số 2' })).toBeVisible();
});

test('Ctrl+Enter on an entry with nothing typed does not make another blank one', async ({
  page,
}) => {
  const workspace = await bookWithScan(page);
  const heading = page.getByRole('heading', { name: /^Trường hợp số/ });
  await expect(heading).toHaveText('Trường hợp số 1');
  await page.keyboard.press('Control+Enter');
  await expect(
    page.getByRole('status').filter({ hasText: 'Trường hợp số 1 chưa có gì được nhập' }),
  ).toBeVisible();
  await expect(heading).toHaveText('Trường hợp số 1');
  await expect(workspace.field('Trang số')).toBeFocused();

  // Once something is typed, Ctrl+Enter moves on as usual.
  await page.keyboard.type('1');
  await page.keyboard.press('Control+Enter');
  await expect(heading).toHaveText('Trường hợp số 2');
  await page.getByRole('link', { name: '← Danh sách trường hợp' }).click();
  await expect(page.getByText('Sổ có 2 trường hợp')).toBeVisible();
});

test('a message given again is counted, not stacked over the form', async ({ page }) => {
  const workspace = await bookWithScan(page);
  await expect(page.getByRole('heading', { name: 'Trường hợp số 1' })).toBeVisible();
  await expect(workspace.field('Trang số')).toBeFocused();
  // Ctrl+Enter on the blank entry, again and again: one message, counted.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Control+Enter');
  const blank = page.getByRole('status').filter({ hasText: 'chưa có gì được nhập' });
  await expect(blank).toHaveText(/\(×4\)/);
  await expect(blank).toHaveCount(1);
});

test('a second book with the same type, number and year is asked about, and the first can be opened instead', async ({
  page,
}) => {
  const books = new BooksScreen(page);
  await books.createBookFresh();
  await page.getByRole('link', { name: '← Danh sách sổ' }).click();
  await page.getByRole('button', { name: 'Tạo sổ mới' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tạo sổ mới' });
  await dialog.getByLabel('Quyển số', { exact: true }).fill('1/2008');
  await dialog.getByRole('button', { name: 'Tạo sổ', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('Máy này đã có sổ quyển 01/2008 năm 2008');
  await dialog.getByRole('button', { name: 'Mở sổ có sẵn' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Thêm trường hợp' })).toBeVisible();
  await page.getByRole('link', { name: '← Danh sách sổ' }).click();
  // Still one book.
  await expect(page.getByRole('link', { name: /01\/2008/ })).toHaveCount(1);
});

test('a code’s meaning shows whole beside its field, at the usual and the larger text size', async ({
  page,
}) => {
  const workspace = await bookWithScan(page);
  await workspace.fillFields({ 'Giới tính': '1', 'Loại đăng ký': '1' });
  const meaningOf = (label: string) =>
    page
      .getByRole('form')
      .locator('.field-control', { has: page.getByLabel(label, { exact: true }) })
      .locator('.code-meaning');
  const isClipped = (label: string) =>
    meaningOf(label).evaluate((element) => element.scrollWidth > element.clientWidth);
  await expect(meaningOf('Giới tính')).toHaveText('Nam');
  expect(await isClipped('Giới tính')).toBe(false);
  expect(await isClipped('Loại đăng ký')).toBe(false);
  // A+ twice, as an officer with weaker eyes sets it.
  await page.getByRole('button', { name: 'Tăng cỡ chữ', exact: true }).click();
  await page.getByRole('button', { name: 'Tăng cỡ chữ', exact: true }).click();
  expect(await isClipped('Giới tính')).toBe(false);
});

import { expect, test, type Locator, type Page } from '@playwright/test';
import { downloadBytes, readWorkbook } from './files';
import { BooksScreen, defaultBook, Officers, Workspace } from './models';
import { cell, operatorTable } from './stats-table';
import { Viewer } from './viewer-model';

const an = { name: 'Nguyễn Thị An', pin: '2468' };
const binh = { name: 'Lê Văn Bình', pin: '1357' };
const chi = { name: 'Trần Thị Chi', pin: '3691' };

/** What officer A types, and officer B for the same slots: two deliberate differences. */
const slots = [
  { so: '1', date: '05.01.2008', a: 'Nguyễn Văn An', b: 'Nguyễn Văn Ân' },
  { so: '2', date: '06.01.2008', a: 'Lê Thị Bính', b: 'Lê Thị Bính' },
  { so: '3', date: '07.01.2008', a: 'Phạm Văn Cương', b: 'Phạm Văn Cưng' },
];
const NAME = 'Họ tên người được khai sinh';
/** What the register says for the third entry, typed by the arbitrator. */
const settledName = 'Phạm Văn Cường';

function notice(page: Page, text: string) {
  return page.getByRole('status').filter({ hasText: text });
}

/**
 * What B's screen shows: the page's text, the title, every input's value and every tooltip.
 * None of it may hold a value only officer A typed.
 */
async function expectBlind(page: Page, hidden: readonly string[]): Promise<void> {
  const shown = await page.evaluate(() => ({
    text: document.body.innerText,
    title: document.title,
    inputs: [...document.querySelectorAll('input, textarea')].map(
      (element) => (element as HTMLInputElement).value,
    ),
    tooltips: [...document.querySelectorAll('[title], [aria-label], [placeholder]')].flatMap(
      (element) => [
        element.getAttribute('title') ?? '',
        element.getAttribute('aria-label') ?? '',
        element.getAttribute('placeholder') ?? '',
      ],
    ),
  }));
  for (const value of hidden) {
    expect(shown.text, `page text shows "${value}"`).not.toContain(value);
    expect(shown.title).not.toContain(value);
    expect(shown.inputs.join('\n')).not.toContain(value);
    expect(shown.tooltips.join('\n')).not.toContain(value);
  }
}

/** Types `text` key by key into an empty field, so every character is a keystroke. */
async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await expect(field).toHaveValue('');
  await field.click();
  await page.keyboard.type(text);
}

/** Characters, as keystrokes count them (one per letter, with its diacritics). */
const length = (text: string) => [...text].length;

/** The fields of the open form that hold a value. */
async function filledFields(page: Page): Promise<Set<string>> {
  const keys = await page
    .getByRole('form')
    .evaluate((form) =>
      [...form.querySelectorAll<HTMLInputElement>('[data-field]')]
        .filter((control) => control.value.trim() !== '')
        .map((control) => control.dataset.field!),
    );
  return new Set(keys);
}

test('two officers key three entries blind, a third settles the two differences, and the export holds the settled values', async ({
  page,
}) => {
  const officers = new Officers(page);
  const books = new BooksScreen(page);
  const workspace = new Workspace(page);
  const viewer = new Viewer(page);
  await books.open();
  await officers.addOfficer(an.name, 'Nhập liệu', an.pin);
  await officers.addOfficer(binh.name, 'Nhập liệu', binh.pin);
  await officers.addOfficer(chi.name, 'Rà soát', chi.pin);

  // Officer A opens a book checked by double keying and types the three entries.
  await officers.switchTo(an.name, an.pin);
  await books.addBook({ ...defaultBook, expectedCount: '3' });
  await workspace.importPdf(1);
  await page.getByRole('button', { name: 'Thiết lập sổ' }).click();
  const settings = page.getByRole('dialog', { name: 'Thiết lập sổ' });
  await settings.getByRole('radio', { name: /Hai người nhập độc lập/ }).check();
  await settings.getByRole('button', { name: 'Lưu thiết lập' }).click();
  await expect(settings).toBeHidden();
  const addresses: string[] = [];
  const filledA: Set<string>[] = [];
  for (const slot of slots) {
    await workspace.pressButton('Thêm trường hợp');
    await expect(workspace.field('Số')).toHaveValue(slot.so);
    addresses.push(new URL(page.url()).hash);
    await typeInto(page, workspace.field('Ngày đăng ký'), slot.date);
    await typeInto(page, workspace.field(NAME), slot.a);
    await workspace.field(NAME).blur();
    await workspace.expectSaved();
    await expect(page.getByText('Không có lỗi.')).toBeVisible();
    filledA.push(await filledFields(page));
    if (slot.so === '1') {
      // The first entry's box on its page, which the arbitration zooms to.
      await viewer.expectDrawn();
      await viewer.tool('Khoanh vùng').click();
      await viewer.drag({ x: 0.2, y: 0.3 }, { x: 0.6, y: 0.4 });
      await expect(viewer.entryRegion).toBeVisible();
    }
  }
  await page.getByRole('link', { name: '← Danh sách trường hợp' }).click();
  await workspace.pressButton('Gửi rà soát các trường hợp đủ');
  await expect(notice(page, 'Đã gửi 3, còn 0 trường hợp có lỗi.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Chờ nhập lần hai' })).toHaveCount(3);
  // A's own entry is read-only while it waits, and not A's to reopen: that is a supervisor's.
  await page.evaluate((hash) => (window.location.hash = hash), addresses[0]!);
  await expect(workspace.field(NAME)).toHaveValue(slots[0]!.a);
  await expect(
    page.getByText(/^Trường hợp đang chờ nhập lần hai .*Chỉ người rà soát/),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^Mở lại để sửa/ })).toHaveCount(0);
  await page.keyboard.press('Alt+M');
  await expect(page.getByRole('textbox', { name: 'Lý do mở lại' })).toHaveCount(0);
  await page.getByRole('link', { name: '← Danh sách trường hợp' }).click();

  // Officer B keys the same slots from the scan and never sees what A typed.
  const onlyA = slots.filter((slot) => slot.a !== slot.b).map((slot) => slot.a);
  const allA = slots.map((slot) => slot.a);
  await officers.switchTo(binh.name, binh.pin);
  await expect(page.getByRole('link', { name: 'Nhập lần hai (3)' })).toBeVisible();
  // The entry list has been read: the entries waiting for a second keying are not B's to see.
  await expect(page.getByText(/^Các trường hợp của sổ đang chờ bạn nhập lần hai/)).toBeVisible();
  await expect(page.getByText(/^Không có trường hợp nào khớp/)).toBeHidden();
  await expectBlind(page, allA);
  // Nor by the entry's own address, or its history.
  for (const address of [addresses[0]!, `${addresses[0]!}/history`]) {
    await page.evaluate((hash) => (window.location.hash = hash), address);
    await expect(page.getByText(/^Trường hợp này đang chờ nhập lần hai/)).toBeVisible();
    await expectBlind(page, allA);
  }
  await page.getByRole('link', { name: 'Mở danh sách chờ nhập lần hai' }).click();
  const queue = page.getByRole('list', { name: 'Trường hợp chờ nhập lần hai' });
  await expect(queue.getByRole('button')).toHaveText([
    'Trường hợp thứ 1 của sổ (trang 1)',
    'Trường hợp thứ 2 của sổ (trang 1)',
    'Trường hợp thứ 3 của sổ (trang 1)',
  ]);
  await expectBlind(page, allA);
  await expect(queue.getByRole('button').first()).toBeFocused();
  await page.keyboard.press('Enter');
  const filledB: Set<string>[] = [];
  for (const [index, slot] of slots.entries()) {
    const form = page.getByRole('form', { name: `Nhập lần hai trường hợp thứ ${index + 1}` });
    await expect(form).toBeVisible();
    await expect(workspace.field(NAME)).toHaveValue('');
    await expect(workspace.field('Ngày đăng ký')).toHaveValue('');
    // The book's own defaults are there; B's own previous keying numbers the next one.
    await expect(workspace.field('Người ký')).toHaveValue(defaultBook.nguoiKy);
    await expect(workspace.field('Số')).toHaveValue(index === 0 ? '' : slot.so);
    await expectBlind(page, allA.slice(index));
    await expectBlind(page, onlyA);
    if (index === 0) await typeInto(page, workspace.field('Số'), slot.so);
    await typeInto(page, workspace.field('Ngày đăng ký'), slot.date);
    await typeInto(page, workspace.field(NAME), slot.b);
    await expectBlind(page, onlyA);
    filledB.push(await filledFields(page));
    await workspace.field(NAME).press('Control+Enter');
    await expect(
      notice(page, `Đã xong lần nhập hai của trường hợp thứ ${index + 1}.`),
    ).toBeVisible();
  }
  await expect(page.getByText('Không có trường hợp nào chờ bạn nhập lần hai.')).toBeVisible();
  await expectBlind(page, onlyA);

  // Officer C sees only the two fields that differ, A and B without names.
  await officers.switchTo(chi.name, chi.pin);
  await page.getByRole('link', { name: '← Về sổ' }).click();
  await viewer.expectDrawn();
  await viewer.tool('Vừa trang').click();
  await viewer.expectSettingsStored({ fit: 'page' });
  const bookZoom = await viewer.zoomLevel.innerText();
  const bookAddress = new URL(page.url()).hash;
  await page.getByRole('link', { name: 'Đối chiếu (3)' }).click();
  // The arbitration zooms to the entry's box, for itself only: closed on this screen, the app
  // still opens the book as C had it.
  await expect(viewer.zoomLevel).not.toHaveText(bookZoom);
  await page.reload();
  await officers.signInIfAsked({ name: chi.name, pin: chi.pin });
  await page.evaluate((hash) => (window.location.hash = hash), bookAddress);
  await viewer.expectDrawn();
  await expect(viewer.tool('Vừa trang')).toHaveAttribute('aria-pressed', 'true');
  await expect(viewer.zoomLevel, "the book's own zoom after a restart").toHaveText(bookZoom);
  await page.getByRole('link', { name: 'Đối chiếu (3)' }).click();
  await expect(viewer.zoomLevel).not.toHaveText(bookZoom);
  const differences = page.getByRole('list', { name: 'Trường khác nhau' }).getByRole('listitem');

  await expect(page.getByRole('heading', { name: 'Trường hợp thứ 1 của sổ' })).toBeVisible();
  await expect(differences).toHaveCount(1);
  await expect(differences.first()).toContainText(NAME);
  await expect(differences.first()).toContainText('A: Nguyễn Văn An');
  await expect(differences.first()).toContainText('B: Nguyễn Văn Ân');
  await expect(page.getByRole('main')).not.toContainText(an.name);
  await expect(page.getByRole('main')).not.toContainText(binh.name);
  // F1 lists the arbitrator's keys.
  await page.keyboard.press('F1');
  const sheet = page.getByRole('dialog', { name: 'Phím tắt' });
  const arbitrationKeys = sheet.getByRole('region', { name: 'Đối chiếu' }).getByRole('row');
  await expect(arbitrationKeys).toHaveText([
    /^1\s*Lấy giá trị A$/,
    /^2\s*Lấy giá trị B$/,
    /^Enter\s*Gõ giá trị mới theo sổ$/,
    /^K\s*Đánh dấu không đọc được$/,
    /^T\s*Đánh dấu để trống trong sổ$/,
    /^N\s*Sang trường khác nhau tiếp theo$/,
    /^Ctrl\+Enter\s*Lưu đối chiếu$/,
  ]);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await page.keyboard.press('1');
  await expect(differences.first()).toContainText('Lấy A');
  await page.keyboard.press('Control+Enter');
  await expect(
    notice(page, 'Đã lưu đối chiếu trường hợp thứ 1; trường hợp đã được phê duyệt.'),
  ).toBeVisible();

  // The second entry agrees everywhere: nothing to look at.
  await expect(page.getByRole('heading', { name: 'Trường hợp thứ 2 của sổ' })).toBeVisible();
  await expect(page.getByText('Hai lần nhập khớp nhau ở mọi trường.')).toBeVisible();
  await expect(differences).toHaveCount(0);
  await page.keyboard.press('Control+Enter');
  await expect(notice(page, 'Đã lưu đối chiếu trường hợp thứ 2;')).toBeVisible();

  // The third: neither keying is right; the arbitrator types what the register says.
  await expect(page.getByRole('heading', { name: 'Trường hợp thứ 3 của sổ' })).toBeVisible();
  await expect(differences).toHaveCount(1);
  await expect(differences.first()).toContainText('A: Phạm Văn Cương');
  await expect(differences.first()).toContainText('B: Phạm Văn Cưng');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(/^Giá trị mới/)).toBeFocused();
  await page.keyboard.type(settledName);
  await page.keyboard.press('Enter');
  await expect(differences.first()).toContainText(`Giá trị mới: ${settledName}`);
  await page.keyboard.press('Control+Enter');
  await expect(notice(page, 'Đã lưu đối chiếu trường hợp thứ 3;')).toBeVisible();
  await expect(page.getByText('Không có trường hợp nào chờ bạn đối chiếu.')).toBeVisible();

  // The settled entries are approved and exported with the arbitrated values.
  await page.getByRole('link', { name: '← Về sổ' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Đã phê duyệt' })).toHaveCount(3);
  await expect(viewer.zoomLevel, "the book's own zoom").toHaveText(bookZoom);
  const downloads = await workspace.exportBundle();
  const xlsx = downloads.find((d) => d.suggestedFilename().endsWith('.xlsx'))!;
  const [header, ...rows] = (await readWorkbook(await downloadBytes(xlsx))).rows;
  const nameColumn = header!.findIndex((cell) => String(cell.value).startsWith('nksHoTen'));
  expect(rows.map((row) => row[nameColumn]?.value)).toEqual([
    'Nguyễn Văn An',
    'Lê Thị Bính',
    'Phạm Văn Cường',
  ]);

  // Tiến độ counts each officer's keystrokes in their own keying, and the errors the
  // arbitration found: entry 1 took A (B erred), entry 3 took neither (both erred).
  await page.getByRole('link', { name: 'Tiến độ' }).click();
  const stats = operatorTable(page);
  const keystrokesA = slots.reduce((sum, slot) => sum + length(slot.date) + length(slot.a), 0);
  const keystrokesB =
    length(slots[0]!.so) + slots.reduce((sum, slot) => sum + length(slot.date) + length(slot.b), 0);
  // Fields verified: those either keying filled, entry by entry.
  const verified = filledA.reduce(
    (sum, fields, index) => sum + new Set([...fields, ...filledB[index]!]).size,
    0,
  );
  const perThousand = (errors: number, keystrokes: number) =>
    ((errors * 1000) / keystrokes).toLocaleString('vi-VN', {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
  const expected: [string, string, string][] = [
    [an.name, 'Số lần gõ phím', String(keystrokesA)],
    [an.name, 'Trường đã nhập', String(slots.length * 2)],
    [an.name, 'Lỗi người nhập', '1'],
    [an.name, 'Lỗi người kiểm tra', '0'],
    [an.name, 'Lỗi/1.000 phím', perThousand(1, keystrokesA)],
    [binh.name, 'Số lần gõ phím', String(keystrokesB)],
    [binh.name, 'Trường đã nhập', String(slots.length * 2 + 1)],
    [binh.name, 'Trường đã kiểm tra', String(verified)],
    [binh.name, 'Lỗi người nhập', '0'],
    [binh.name, 'Lỗi người kiểm tra', '2'],
    [binh.name, 'Lỗi/1.000 phím', perThousand(2, keystrokesB)],
    [chi.name, 'Số lần gõ phím', String(length(settledName))],
  ];
  for (const [officer, column, value] of expected) {
    await expect(await cell(stats, officer, column), `${officer}: ${column}`).toHaveText(value);
  }
  // Today's steps of the double keying, each in a column of its own.
  const today = await page.evaluate(() => {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  });
  const byDay = page.getByRole('region', { name: 'Theo ngày' }).getByRole('table');
  for (const column of ['Gửi nhập lần hai', 'Nhập lần hai xong', 'Đối chiếu xong']) {
    await expect(await cell(byDay, today, column), column).toHaveText(String(slots.length));
  }
  const byBook = page.getByRole('region', { name: 'Theo sổ' }).getByRole('table');
  await expect(byBook.getByRole('columnheader', { name: 'Chờ nhập lần hai' })).toBeVisible();
});

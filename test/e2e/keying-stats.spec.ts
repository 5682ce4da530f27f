// The operator statistics for a scripted session: a keyer types known strings into an entry,
// locks the screen in between, and has two arbitrated entries against them that come with a
// restored backup. Tiến độ shows CSPro's figures for exactly that, a keyer sees only their own
// line, a supervisor everyone's, and the charts are drawn. (The figures of an arbitration done
// on the arbitration screen are checked at the end of double-keying.spec.ts.)
import { expect, test, type Locator } from '@playwright/test';
import { chooseFile, pressAndDownload } from './backup-model';
import { officersIn, withArbitrations, type SeededArbitration } from './keying-stats-model';
import { BooksScreen, defaultAdmin, defaultBook, Officers, Workspace } from './models';
import { cell, operatorTable } from './stats-table';

const lan = { name: 'Nguyễn Thị Lan', pin: '2468' };
const minh = { name: 'Trần Văn Minh', pin: '1357' };
const hoa = { name: 'Lê Thị Hoa', pin: '3579' };

/** What the keyer types, field by field; Backspace presses are counted apart. */
const beforeLock: [string, string][] = [
  ['Họ tên người được khai sinh', 'Nguyễn Văn Ann'],
  ['Họ tên mẹ', 'Trần Thị Bình'],
];
const backspaces = 1;
const afterLock: [string, string][] = [['Họ tên cha', 'Nguyễn Văn Ba']];
const typedKeystrokes =
  [...beforeLock, ...afterLock].reduce((sum, [, text]) => sum + [...text].length, 0) + backspaces;

const figure = (value: number, decimals: number) =>
  value.toLocaleString('vi-VN', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
const parseFigure = (text: string) => Number(text.replaceAll('.', '').replace(',', '.'));

/** Pixels of the chart's canvas that are not the white paper under it. */
function paintedPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((element: HTMLCanvasElement) => {
    const { data } = element.getContext('2d')!.getImageData(0, 0, element.width, element.height);
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240) painted += 1;
    }
    return painted;
  });
}

test('Tiến độ shows CSPro’s figures for a scripted keying session and draws the charts', async ({
  browser,
  page,
}, testInfo) => {
  // The team and the book, on the PC the backup comes from.
  const books = new BooksScreen(page);
  const officers = new Officers(page);
  await books.open();
  for (const [who, role] of [
    [lan, 'Nhập liệu'],
    [minh, 'Nhập liệu'],
    [hoa, 'Rà soát'],
  ] as const) {
    await officers.addOfficer(who.name, role, who.pin);
  }
  await books.addBook({ ...defaultBook, expectedCount: '10' });
  await expect(page.getByRole('button', { name: 'Thêm trường hợp' })).toBeVisible();
  await page.getByRole('link', { name: '← Danh sách sổ' }).click();
  const plain = testInfo.outputPath('sao-luu.sohoa');
  await (await pressAndDownload(page, 'Sao lưu')).saveAs(plain);

  // Two entries Lan keyed and Minh keyed again, settled by Hoa: Lan erred twice, Minh twice.
  const ids = await officersIn(plain);
  const team = {
    keyerA: ids.get(lan.name)!,
    keyerB: ids.get(minh.name)!,
    arbitratorId: ids.get(hoa.name)!,
  };
  const arbitrations: SeededArbitration[] = [
    {
      entryId: 'doi-chieu-1',
      ...team,
      fieldsVerified: 20,
      blames: [
        { key: 'nksHoTen', a: true, b: false },
        { key: 'nksNgaySinh', a: false, b: true },
      ],
    },
    {
      entryId: 'doi-chieu-2',
      ...team,
      fieldsVerified: 18,
      blames: [{ key: 'meHoTen', a: true, b: true }],
    },
  ];
  const count = (erred: 'a' | 'b') =>
    arbitrations.flatMap((one) => one.blames).filter((blame) => blame[erred]).length;
  const keyerErrors = count('a');
  const verifierErrors = count('b');
  const fieldsVerified = arbitrations.reduce((sum, one) => sum + one.fieldsVerified, 0);
  const seeded = testInfo.outputPath('sao-luu-co-doi-chieu.sohoa');
  await withArbitrations(plain, seeded, arbitrations, Date.now());

  // The PC where the work is done starts from that backup.
  const context = await browser.newContext();
  const pc = await context.newPage();
  const pcBooks = new BooksScreen(pc);
  const pcOfficers = new Officers(pc);
  await pcBooks.open();
  await chooseFile(pc, 'Khôi phục…', seeded);
  const dialog = pc.getByRole('dialog', { name: 'Khôi phục từ bản sao lưu' });
  await dialog
    .getByRole('checkbox', {
      name: 'Tôi biết rõ bản sao lưu này từ đâu ra và vẫn muốn khôi phục nó',
    })
    .check();
  await dialog.getByRole('button', { name: 'Khôi phục vào máy này' }).click();
  await expect(pc.getByRole('status').filter({ hasText: /^Đã khôi phục 1 sổ/ })).toBeVisible();
  await pcOfficers.signInIfAsked(defaultAdmin);
  await pcOfficers.switchTo(lan.name, lan.pin);

  // Lan types, key by key, then locks the screen and comes back to type the rest.
  await pc
    .getByRole('link', { name: /01\/2008/ })
    .first()
    .click();
  const workspace = new Workspace(pc);
  await workspace.pressButton('Thêm trường hợp');
  await expect(pc.getByRole('form', { name: /^Trường hợp số/ })).toBeVisible();
  for (const [label, text] of beforeLock) {
    await workspace.field(label).click();
    await pc.keyboard.type(text);
  }
  for (let i = 0; i < backspaces; i += 1) await pc.keyboard.press('Backspace');
  await expect(workspace.field('Họ tên mẹ')).toHaveValue('Trần Thị Bìn');
  await pcOfficers.switchOfficer();
  const lockedFrom = Date.now();
  await pcOfficers.signIn(lan.name, lan.pin);
  const lockedUntil = Date.now();
  for (const [label, text] of afterLock) {
    await workspace.field(label).click();
    await pc.keyboard.type(text);
  }
  // What is typed after signing back in goes into the field clicked, not the one left at the lock.
  await expect(workspace.field('Họ tên mẹ')).toHaveValue('Trần Thị Bìn');
  for (const [label, text] of afterLock) await expect(workspace.field(label)).toHaveValue(text);
  await workspace.field('Họ tên cha').press('Tab');
  await workspace.expectSaved();

  // Lan sees her own figures, and nobody else's.
  await pc.getByRole('link', { name: 'Tiến độ' }).click();
  const table = operatorTable(pc);
  await expect(await cell(table, lan.name, 'Số lần gõ phím')).toHaveText(
    figure(typedKeystrokes, 0),
  );
  await expect(table.getByRole('rowheader')).toHaveText([lan.name]);
  await expect(pc.getByRole('region', { name: 'Theo cán bộ' }).getByRole('rowheader')).toHaveText([
    lan.name,
  ]);
  await expect(await cell(table, lan.name, 'Trường đã nhập')).toHaveText(
    String(beforeLock.length + afterLock.length),
  );
  await expect(await cell(table, lan.name, 'Lỗi người nhập')).toHaveText(String(keyerErrors));
  await expect(await cell(table, lan.name, 'Lỗi/1.000 phím')).toHaveText(
    figure((keyerErrors * 1000) / typedKeystrokes, 2),
  );
  const seconds = async (column: string) =>
    parseFigure(await (await cell(table, lan.name, column)).innerText());
  const total = await seconds('Tổng thời gian (giây)');
  const paused = await seconds('Tạm dừng (giây)');
  // The lock is paused time: at least as long as the test saw the screen locked.
  expect(paused).toBeGreaterThanOrEqual((lockedUntil - lockedFrom) / 1000 - 0.05);
  expect(total).toBeGreaterThan(paused);
  // Keystrokes × 3600 / (total − paused), within the shown seconds' rounding.
  const perHour = await seconds('Phím/giờ');
  expect(perHour).toBeGreaterThanOrEqual((typedKeystrokes * 3600) / (total - paused + 0.1) - 0.05);
  expect(perHour).toBeLessThanOrEqual(
    (typedKeystrokes * 3600) / Math.max(total - paused - 0.1, 0.01) + 0.05,
  );

  // Hoa, a reviewer, sees everyone: Minh's errors as the verifier and the fields he verified.
  await pcOfficers.switchTo(hoa.name, hoa.pin);
  await pc.getByRole('link', { name: 'Tiến độ' }).click();
  await expect(await cell(table, minh.name, 'Lỗi người kiểm tra')).toHaveText(
    String(verifierErrors),
  );
  await expect(await cell(table, minh.name, 'Trường đã kiểm tra')).toHaveText(
    String(fieldsVerified),
  );
  await expect(await cell(table, minh.name, 'Lỗi người nhập')).toHaveText('0');
  await expect(await cell(table, lan.name, 'Số lần gõ phím')).toHaveText(
    figure(typedKeystrokes, 0),
  );

  // The charts are drawn, each can be saved as a PNG, and the screen is kept for the record.
  for (const name of [
    'Số trường hợp mỗi ngày, chia theo trạng thái',
    'Tiến độ từng sổ so với tổng số cần số hóa',
    'Phím/giờ của từng cán bộ qua các ngày',
    'Lỗi/1.000 phím của từng cán bộ qua các ngày',
  ]) {
    const canvas = pc.getByRole('img', { name, exact: true });
    await expect(canvas).toBeVisible();
    await expect.poll(() => paintedPixels(canvas), { message: name }).toBeGreaterThan(500);
  }
  const download = pc.waitForEvent('download');
  await pc.getByRole('button', { name: 'Lưu ảnh: Phím/giờ của từng cán bộ qua các ngày' }).click();
  const png = await download;
  expect(png.suggestedFilename()).toMatch(/^BieuDo_PhimMoiGio_\d{4}-\d{2}-\d{2}\.png$/);
  const pngPath = testInfo.outputPath(png.suggestedFilename());
  await png.saveAs(pngPath);
  await testInfo.attach('bieu-do-phim-moi-gio.png', { path: pngPath, contentType: 'image/png' });
  // On paper: the charts and the tables, without the header and the buttons.
  await pc.emulateMedia({ media: 'print' });
  await expect(pc.getByRole('banner')).toBeHidden();
  await expect(pc.getByRole('button', { name: /^Lưu ảnh/ })).toHaveCount(0);
  await expect(
    pc.getByRole('img', { name: 'Phím/giờ của từng cán bộ qua các ngày' }),
  ).toBeVisible();
  await expect(table).toBeVisible();
  const printPath = testInfo.outputPath('tien-do-khi-in.png');
  await pc.screenshot({ path: printPath, fullPage: true });
  await testInfo.attach('tien-do-khi-in.png', { path: printPath, contentType: 'image/png' });
  await pc.emulateMedia({ media: 'screen' });
  const screenPath = testInfo.outputPath('tien-do.png');
  await pc.screenshot({ path: screenPath, fullPage: true });
  await testInfo.attach('tien-do.png', { path: screenPath, contentType: 'image/png' });
  await context.close();
});

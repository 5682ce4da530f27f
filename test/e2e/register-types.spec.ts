import { expect, test } from '@playwright/test';
import { downloadBytes, readWorkbook, readZip } from './files';
import { CMC_COLUMNS, HN_COLUMNS, KH_COLUMNS, KT_COLUMNS } from '../fixtures/ministry-columns';
import { defaultBook, BooksScreen, Workspace } from './models';
import { submitAllForExport } from './review-model';

interface Case {
  code: string;
  typeName: string;
  headers: string[];
  names: Record<string, string>;
}

const cases: Case[] = [
  {
    code: 'KT',
    typeName: 'Khai tử',
    headers: KT_COLUMNS,
    names: { 'Họ tên người chết': 'Hoàng Văn Thụ' },
  },
  {
    code: 'KH',
    typeName: 'Kết hôn',
    headers: KH_COLUMNS,
    names: { 'Họ tên chồng': 'Lò Văn Páo', 'Họ tên vợ': 'Hờ Thị Mỷ' },
  },
  {
    code: 'HN',
    typeName: 'Xác nhận tình trạng hôn nhân',
    headers: HN_COLUMNS,
    names: { 'Họ tên người được xác nhận': 'Vi Thị Hạnh' },
  },
  {
    code: 'CMC',
    typeName: 'Nhận cha, mẹ, con',
    headers: CMC_COLUMNS,
    names: { 'Họ tên cha/mẹ': 'Nông Văn Dền', 'Họ tên con': 'Nông Thị Ngọc' },
  },
];

test('the handbook lists the column counts the Ministry expects', () => {
  expect(cases.map((c) => [c.code, c.headers.length])).toEqual([
    ['KT', 48],
    ['KH', 44],
    ['HN', 35],
    ['CMC', 50],
  ]);
});

for (const register of cases) {
  test(`a ${register.typeName} book takes an entry and exports the ${register.code} template`, async ({
    page,
  }) => {
    await new BooksScreen(page).createBookFresh({
      ...defaultBook,
      typeName: register.typeName,
      quyenSo: '03/2010',
    });
    await expect(
      page.getByRole('heading', { name: new RegExp(`Sổ ${register.typeName}`) }),
    ).toBeVisible();
    const workspace = new Workspace(page);
    await workspace.importPdf(1);
    await workspace.pressButton('Thêm trường hợp');
    await workspace.field('Ngày đăng ký').fill('5/6/2010');
    for (const [label, value] of Object.entries(register.names)) {
      await workspace.field(label).fill(value);
    }
    await workspace.field('Ngày đăng ký').focus();
    await workspace.field('Số').focus();
    await workspace.expectSaved();
    await expect(page.getByText('Không có lỗi.')).toBeVisible();

    await submitAllForExport(page);
    const downloads = await workspace.exportBundle();
    const byName = new Map(downloads.map((d) => [d.suggestedFilename(), d]));
    const stem = `${register.code}.2010.03`;
    expect([...byName.keys()].sort()).toEqual([`${stem}.xlsx`, `${stem}.zip`]);
    const workbook = await readWorkbook(await downloadBytes(byName.get(`${stem}.xlsx`)!));
    expect(workbook.rows[0]!.map((cell) => cell.value)).toEqual(register.headers);
    expect(workbook.rows).toHaveLength(2);
    const row = workbook.rows[1]!;
    for (const value of Object.values(register.names)) {
      expect(row.map((cell) => cell.value)).toContain(value);
    }
    const pdfs = await readZip(await downloadBytes(byName.get(`${stem}.zip`)!));
    expect(Object.fromEntries(pdfs)).toEqual({
      [`${register.code}.2010.03.2010-06-05.001.pdf`]: 1,
    });
  });
}

test('an under-age marriage is kept as written once the officer gives a reason', async ({
  page,
}) => {
  await new BooksScreen(page).createBookFresh({
    ...defaultBook,
    typeName: 'Kết hôn',
    quyenSo: '01/1995',
  });
  const workspace = new Workspace(page);
  await workspace.importPdf(1);
  await workspace.pressButton('Thêm trường hợp');
  await workspace.field('Ngày đăng ký').fill('12.03.1995');
  await workspace.field('Họ tên chồng').fill('Giàng A Sử');
  await workspace.field('Ngày sinh chồng').fill('1970');
  await workspace.field('Họ tên vợ').fill('Sùng Thị Dua');
  await workspace.field('Ngày sinh vợ').fill('20.05.1978');
  await workspace.field('Họ tên vợ').focus();
  await workspace.expectSaved();

  const warning = page.getByRole('listitem').filter({ hasText: /chưa đủ 18 tuổi/ });
  await expect(warning).toBeVisible();
  await expect(page.getByText('0 lỗi, 1 cảnh báo.')).toBeVisible();
  // Not sent for review, so not exported, while nobody has confirmed the warning.
  await page.getByRole('button', { name: 'Gửi rà soát các trường hợp đủ' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /^Đã gửi 0, còn 1/ })).toBeVisible();

  await warning.getByRole('button', { name: 'Xác nhận giữ nguyên…' }).click();
  await page.getByLabel('Lý do').fill('Ghi đúng theo sổ gốc năm 1995');
  await page.getByLabel('Lý do').press('Enter');
  await expect(warning).toContainText('đã xác nhận: Ghi đúng theo sổ gốc năm 1995');
  await expect(page.getByText('Không có lỗi.')).toBeVisible();

  // Confirmed after a reload too: the answer is stored with the entry, and the book exports.
  await page.reload();
  await expect(page.getByRole('listitem').filter({ hasText: /chưa đủ 18 tuổi/ })).toContainText(
    'đã xác nhận',
  );
  await submitAllForExport(page);
  const downloads = await workspace.exportBundle();
  expect(downloads.map((d) => d.suggestedFilename()).sort()).toEqual([
    'KH.1995.01.xlsx',
    'KH.1995.01.zip',
  ]);
});

test('a book the Ministry tool cannot import yet is typed and exported, and says so', async ({
  page,
}) => {
  const books = new BooksScreen(page);
  await books.open();
  await page.getByRole('button', { name: 'Tạo sổ mới' }).click();
  await expect(
    page.getByRole('option', { name: 'Giám hộ (chưa nhập được vào phần mềm 158)' }),
  ).toBeAttached();
  await page.keyboard.press('Escape');
  await books.addBook({
    ...defaultBook,
    typeName: 'Giám hộ (chưa nhập được vào phần mềm 158)',
    quyenSo: '02/2015',
  });
  const workspace = new Workspace(page);
  await workspace.importPdf(1);
  await workspace.pressButton('Thêm trường hợp');
  await workspace.field('Ngày đăng ký').fill('02.02.2015');
  await workspace.field('Họ tên người có thông tin hộ tịch').fill('Y Ngọc Niê');
  await workspace.field('Họ tên người giám hộ').fill('Y Bhin Niê');
  await workspace.field('Số').focus();
  await workspace.expectSaved();

  await submitAllForExport(page);
  const downloads = await workspace.exportBundle();
  expect(downloads.map((d) => d.suggestedFilename()).sort()).toEqual([
    'GH.2015.02.xlsx',
    'GH.2015.02.zip',
  ]);
  await expect(
    page.getByRole('status').filter({ hasText: 'chưa nhập được vào phần mềm 158' }),
  ).toBeVisible();
  const pdfs = await readZip(
    await downloadBytes(downloads.find((d) => d.suggestedFilename().endsWith('.zip'))!),
  );
  expect([...pdfs.keys()]).toEqual(['GH.2015.02.2015-02-02.001.pdf']);

  await page.getByRole('link', { name: '← Danh sách sổ' }).click();
  await expect(page.getByRole('row', { name: /Giám hộ/ })).toContainText(
    'chưa nhập được vào phần mềm 158',
  );
});

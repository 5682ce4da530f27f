import { expect, test } from '@playwright/test';
import { downloadBytes, readWorkbook, readZip } from './files';
import { KS_TEMPLATE_HEADERS } from '../fixtures/ks-template-headers';
import { stepsFrom } from './ks-form';
import { BooksScreen, defaultBook, Workspace } from './models';
import { submitAllForExport } from './review-model';

test('a new officer types a khai sinh book from its scan and exports the Ministry bundle', async ({
  page,
}) => {
  const books = new BooksScreen(page);
  const workspace = new Workspace(page);
  await books.open();
  await expect(page.getByText('Chưa có sổ nào')).toBeVisible();
  await books.createBook();
  await expect(
    page.getByRole('heading', { name: /Sổ Khai sinh — quyển 01\/2008 \(2008\)/ }),
  ).toBeVisible();

  await workspace.importPdf(3);

  // Entry 1 is on pages 1 and 2.
  await workspace.pressButton('Thêm trường hợp');
  await expect(workspace.field('Số')).toHaveValue('1');
  await expect(workspace.field('Nơi đăng ký')).toHaveValue(
    'UBND xã An Nhơn, huyện Đạ Tẻh, tỉnh Lâm Đồng',
  );
  await workspace.typeSteps(
    stepsFrom('Trang số', {
      'Trang số': '1',
      'Ngày đăng ký': '15012008',
      'Loại đăng ký': '1',
      'Họ tên người được khai sinh': 'nguyễn  văn an',
      'Giới tính': '1',
      'Ngày sinh': '02/01/2008',
      'Nơi sinh': 'Trạm y tế xã An Nhơn',
      'Quê quán': 'Xã An Nhơn, huyện Đạ Tẻh, tỉnh Lâm Đồng',
      'Dân tộc': 'kinh',
      'Quốc tịch': 'viet nam',
      'Họ tên mẹ': 'trần thị bình',
      'Ngày sinh mẹ': '1985',
      'Dân tộc mẹ': 'Kinh',
      'Quốc tịch mẹ': 'Việt Nam',
      'Nơi cư trú mẹ': 'Thôn 1, xã An Nhơn',
      'Họ tên cha': 'nguyễn văn cường',
      'Ngày sinh cha': '12.3.1983',
      'Dân tộc cha': 'ba na',
      'Quốc tịch cha': 'Việt Nam',
      'Nơi cư trú cha': 'Thôn 1, xã An Nhơn',
      'Họ tên người đi khai': 'nguyễn văn cường',
      'Quan hệ với người được khai sinh': 'Cha',
    }),
  );
  await expect(workspace.field('Họ tên người được khai sinh')).toHaveValue('Nguyễn Văn An');
  await expect(workspace.field('Ngày đăng ký')).toHaveValue('15.01.2008');
  await expect(workspace.field('Ngày sinh bằng chữ')).toHaveValue(
    'Ngày Hai Tháng Một Năm Hai Nghìn Không Trăm Linh Tám',
  );
  await expect(workspace.field('Dân tộc cha')).toHaveValue('Ba Na');
  await page.keyboard.press('Alt+PageDown');
  await expect(page.getByTestId('page-indicator')).toHaveText('Trang 2/3');
  await page.keyboard.press('Alt+l');
  await expect(page.getByRole('button', { name: 'Xem trang 2' })).toBeVisible();
  await workspace.expectSaved();

  // Entry 2 is on page 3.
  await page.keyboard.press('Alt+PageDown');
  await expect(page.getByTestId('page-indicator')).toHaveText('Trang 3/3');
  await page.keyboard.press('Control+Enter');
  await expect(workspace.field('Số')).toHaveValue('2');
  await workspace.typeSteps(
    stepsFrom('Trang số', {
      'Trang số': '2',
      'Ngày đăng ký': '20/1/2008',
      'Loại đăng ký': '4',
      'Họ tên người được khai sinh': 'lê thị hoa',
      'Giới tính': 'nu',
      'Ngày sinh': '1/12/2007',
      'Nơi sinh': 'Nhà hộ sinh huyện Đạ Tẻh',
      'Dân tộc': 'Kinh',
      'Quốc tịch': 'Việt Nam',
      'Họ tên mẹ': 'phạm thị lan',
      'Họ tên cha': 'lê văn dũng',
      'Họ tên người đi khai': 'phạm thị lan',
      'Quan hệ với người được khai sinh': 'Mẹ',
    }),
  );
  await workspace.expectSaved();
  // "nu" typed in a code field is stored as the code, with its meaning shown beside it.
  await expect(workspace.field('Giới tính')).toHaveValue('2');
  await expect(page.getByText('Nữ', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Xem trang 3' })).toBeVisible();

  await submitAllForExport(page);
  const downloads = await workspace.exportBundle();
  const byName = new Map(downloads.map((d) => [d.suggestedFilename(), d]));
  expect([...byName.keys()].sort()).toEqual(['KS.2008.01.xlsx', 'KS.2008.01.zip']);

  const workbook = await readWorkbook(await downloadBytes(byName.get('KS.2008.01.xlsx')!));
  expect(workbook.sheetNames).toEqual(['DL Import', 'Ghi chu']);
  const [header, ...rows] = workbook.rows;
  expect(header!.map((cell) => cell.value)).toEqual(KS_TEMPLATE_HEADERS);
  expect(rows).toHaveLength(2);
  for (const row of rows) {
    for (const cell of row) {
      if (cell.value === null) continue;
      expect(typeof cell.value).toBe('string');
      expect(cell.numFmt).toBe('@');
    }
  }
  const column = (key: string) =>
    KS_TEMPLATE_HEADERS.findIndex((h) => h.split('\n')[0]!.trim() === key);
  const value = (row: number, key: string) => rows[row]![column(key)]!.value;
  expect(value(0, 'STT')).toBe('1');
  // The book's default naming pads số to three digits in the row, as in the PDF's name.
  expect(value(0, 'so')).toBe('001');
  expect(value(0, 'quyenSo')).toBe('01/2008');
  expect(value(0, 'ngayDangKy')).toBe('15.01.2008');
  expect(value(0, 'loaiDangKy')).toBe('1');
  expect(value(0, 'nksHoTen')).toBe('Nguyễn Văn An');
  expect(value(0, 'nksNgaySinh')).toBe('02.01.2008');
  expect(value(0, 'nksDanToc')).toBe('Kinh');
  expect(value(0, 'nksQuocTich')).toBe('Việt Nam');
  expect(value(0, 'meNgaySinh')).toBe('1985');
  expect(value(0, 'chaNgaySinh')).toBe('12.03.1983');
  expect(value(0, 'nguoiKy')).toBe('Lê Đức Tuấn');
  expect(value(1, 'so')).toBe('002');
  expect(value(1, 'nksHoTen')).toBe('Lê Thị Hoa');
  expect(value(1, 'loaiDangKy')).toBe('4');
  expect(value(1, 'nksGioiTinh')).toBe('2');
  expect(value(1, 'nycQuanHe')).toBe('Mẹ');

  const pdfs = await readZip(await downloadBytes(byName.get('KS.2008.01.zip')!));
  expect(Object.fromEntries(pdfs)).toEqual({
    'KS.2008.01.2008-01-15.001.pdf': 2,
    'KS.2008.01.2008-01-20.002.pdf': 1,
  });
});

test('a book whose entries would clash or miss required values is refused with what to fix', async ({
  page,
}) => {
  const books = new BooksScreen(page);
  const workspace = new Workspace(page);
  await books.open();
  await books.addBook({ ...defaultBook, quyenSo: '02/2009' });
  await workspace.importPdf(1);

  await workspace.pressButton('Thêm trường hợp');
  await workspace.typeSteps(stepsFrom('Trang số', { 'Ngày đăng ký': '3.4.2009' }).slice(0, 2));
  await workspace.expectSaved();
  await page.keyboard.press('Control+Enter');
  await expect(workspace.field('Số')).toHaveValue('2');
  // The officer mistypes the second entry's number as the first one's.
  await workspace.field('Số').fill('1');
  await workspace.field('Ngày đăng ký').fill('03.04.2009');
  await workspace.field('Họ tên người được khai sinh').fill('Đỗ Văn Hải');
  await workspace.field('Họ tên người được khai sinh').blur();
  await workspace.expectSaved();

  // Neither can be sent for review: one misses its name, and the number and date the two
  // share would give both PDFs one name, which the same rules catch before review.
  await page.getByRole('link', { name: '← Danh sách trường hợp' }).click();
  await workspace.pressButton('Gửi rà soát các trường hợp đủ');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Đã gửi 0, còn 2 trường hợp có lỗi.' }),
  ).toBeVisible();
  await page.getByRole('row').filter({ hasText: '(chưa có tên)' }).click();
  await workspace.field('Họ tên người được khai sinh').fill('Đỗ Thị Hà');
  await workspace.field('Họ tên người được khai sinh').blur();
  await workspace.expectSaved();

  // Named, the entry still says what to fix: its number and date clash with the other's.
  await expect(
    page
      .getByRole('form')
      .getByText(/hai tệp PDF sẽ trùng tên/)
      .first(),
  ).toBeVisible();
  await page.getByRole('link', { name: '← Danh sách trường hợp' }).click();
  await workspace.pressButton('Gửi rà soát các trường hợp đủ');
  // The first notice is still open: the second try counts on it instead of stacking a copy.
  await expect(
    page.getByRole('alert').filter({ hasText: 'Đã gửi 0, còn 2 trường hợp có lỗi.' }),
  ).toHaveText(/\(×2\)/);
});

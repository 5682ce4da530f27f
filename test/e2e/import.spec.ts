import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { downloadBytes } from './files';
import { makePdf } from '../fixtures/make-pdf';
import { BooksScreen, defaultBook, Workspace, type BookDetails } from './models';
import { submitAllForExport } from './review-model';
import {
  makePasswordProtectedXlsx,
  makeXlsx,
  rowOf,
  tcvn3Cell,
  templateHeaders,
} from '../fixtures/make-xlsx';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface StoredEntry {
  bookId: string;
  status: string;
  revision: number;
  pageCount: number;
  fields: Record<string, string>;
}

/** Every entry and book as the app stored them, books in the order they were created. */
async function stored(page: Page): Promise<{ bookIds: string[]; entries: StoredEntry[] }> {
  return page.evaluate(async () => {
    const done = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
      });
    const db = await done(indexedDB.open('sohoa'));
    const tx = db.transaction(['books', 'records'], 'readonly');
    const books = (await done(tx.objectStore('books').getAll())) as {
      id: string;
      createdAt: number;
    }[];
    const entries = (await done(tx.objectStore('records').getAll())) as (StoredEntry & {
      pageIds: string[];
    })[];
    db.close();
    return {
      bookIds: books.sort((a, b) => a.createdAt - b.createdAt).map((book) => book.id),
      entries: entries.map(({ bookId, status, revision, pageIds, fields }) => ({
        bookId,
        status,
        revision,
        pageCount: pageIds.length,
        fields,
      })),
    };
  });
}

async function chooseExcel(page: Page, name: string, buffer: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await new Workspace(page).pressButton('Nhập từ Excel');
  await (await chooser).setFiles({ name, mimeType: XLSX_TYPE, buffer });
}

async function chooseZip(page: Page, name: string, buffer: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await importDialog(page).getByRole('button', { name: 'Chọn tệp .zip…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/zip', buffer });
}

function importDialog(page: Page) {
  return page.getByRole('dialog', { name: /^Nhập từ Excel:/ });
}

interface RoundTrip {
  typeName: string;
  /** Two entries: form labels and what the officer types. */
  entries: Record<string, string>[];
}

const roundTrips: RoundTrip[] = [
  {
    typeName: 'Khai sinh',
    entries: [
      {
        'Ngày đăng ký': '15/1/2008',
        'Họ tên người được khai sinh': 'nguyễn thị hồng',
        'Giới tính': '2',
        'Ngày sinh': '3/1/2008',
        'Nơi sinh': 'Trạm y tế xã Đắk Ơ',
        'Dân tộc': 'Tày',
        'Họ tên mẹ': 'Lương Thị Mai',
        'Họ tên cha': 'Nguyễn Văn Đức',
      },
      {
        'Ngày đăng ký': '16.01.2008',
        'Họ tên người được khai sinh': 'Hoàng Văn Thụ',
        'Giới tính': '1',
        'Ngày sinh': '12/2007',
        'Ghi chú': 'Đăng ký lại theo sổ gốc',
      },
    ],
  },
  {
    typeName: 'Khai tử',
    entries: [
      {
        'Ngày đăng ký': '5/6/2008',
        'Họ tên người chết': 'Bùi Thị Xuân',
        'Ngày sinh người chết': '1930',
        'Ngày chết': '2/6/2008',
      },
      { 'Ngày đăng ký': '7/6/2008', 'Họ tên người chết': 'Đinh Công Tráng' },
    ],
  },
  {
    typeName: 'Kết hôn',
    entries: [
      {
        'Ngày đăng ký': '12.03.2008',
        'Họ tên chồng': 'Giàng A Sử',
        'Ngày sinh chồng': '1980',
        'Họ tên vợ': 'Sùng Thị Dua',
        'Ngày sinh vợ': '20.05.1985',
      },
      { 'Ngày đăng ký': '14.03.2008', 'Họ tên chồng': 'Lò Văn Páo', 'Họ tên vợ': 'Hờ Thị Mỷ' },
    ],
  },
];

for (const trip of roundTrips) {
  test(`a ${trip.typeName} book exported and imported into a new book gives the same entries`, async ({
    page,
  }) => {
    const details: BookDetails = { ...defaultBook, typeName: trip.typeName };
    const books = new BooksScreen(page);
    await books.createBookFresh(details);
    const workspace = new Workspace(page);
    await workspace.importPdf(1);
    for (const [index, values] of trip.entries.entries()) {
      await workspace.pressButton('Thêm trường hợp');
      // Typing waits for the new entry's form, or it would land in the previous one.
      await expect(page.getByRole('form', { name: `Trường hợp số ${index + 1}` })).toBeVisible();
      for (const [label, value] of Object.entries(values)) {
        await workspace.field(label).fill(value);
        await workspace.field('Số').focus();
      }
      await workspace.expectSaved();
      await expect(page.getByText('Không có lỗi.')).toBeVisible();
    }
    await submitAllForExport(page);
    const downloads = await workspace.exportBundle();
    const xlsx = downloads.find((d) => d.suggestedFilename().endsWith('.xlsx'));
    const zip = downloads.find((d) => d.suggestedFilename().endsWith('.zip'));
    if (!xlsx || !zip) throw new Error('no bundle exported');
    const bytes = await downloadBytes(xlsx);

    await page.getByRole('link', { name: '← Danh sách sổ' }).click();
    await books.addBook(details, { sameAsExisting: true });
    await chooseExcel(page, xlsx.suggestedFilename(), bytes);
    const dialog = importDialog(page);
    await expect(dialog).toContainText(`Tệp theo mẫu ${trip.typeName}`);
    await expect(dialog).toContainText('Không dòng nào có lỗi.');
    await chooseZip(page, zip.suggestedFilename(), await downloadBytes(zip));
    await expect(dialog.getByRole('status')).toHaveText(
      `Tệp «${zip.suggestedFilename()}»: 2/2 PDF khớp với các dòng.`,
    );
    await dialog.getByRole('button', { name: 'Nhập 2 trường hợp' }).click();
    await expect(dialog).toBeHidden();
    await expect(
      page.getByRole('status').filter({ hasText: '2 trường hợp có bản scan PDF kèm theo' }),
    ).toBeVisible();
    await expect(page.getByText('Sổ có 2 trường hợp')).toBeVisible();
    await expect(page.getByTestId('page-indicator')).toHaveText('Trang 1/2');

    const { bookIds, entries } = await stored(page);
    const [source, target] = bookIds;
    const bySo = (bookId: string | undefined) =>
      entries
        .filter((entry) => entry.bookId === bookId)
        .sort((a, b) => Number(a.fields.so) - Number(b.fields.so));
    const typed = bySo(source);
    const imported = bySo(target);
    expect(imported).toHaveLength(2);
    // The row carries số padded to 3 digits, as its PDF name does (the book's default).
    expect(imported.map((entry) => entry.fields)).toEqual(
      typed.map((entry) => ({ ...entry.fields, so: (entry.fields.so ?? '').padStart(3, '0') })),
    );
    expect(imported.map((entry) => [entry.status, entry.revision, entry.pageCount])).toEqual([
      ['draft', 1, 1],
      ['draft', 1, 1],
    ]);
  });
}

test('a sheet typed in TCVN3 fonts comes in as Unicode Vietnamese', async ({ page }) => {
  await new BooksScreen(page).createBookFresh();
  const xlsx = await makeXlsx({
    headers: templateHeaders('ks-70'),
    rows: [
      rowOf('ks-70', {
        so: '1',
        quyenSo: '01/2008',
        ngayDangKy: '15/01/2008',
        nksHoTen: tcvn3Cell('NGUYỄN THỊ HỒNG', '.VnTimeH'),
        nksNoiSinh: tcvn3Cell('Trạm y tế xã Đắk Ơ'),
        meHoTen: tcvn3Cell('Lương Thị Mai', undefined),
      }),
    ],
  });
  await chooseExcel(page, 'so-khai-sinh-tcvn3.xlsx', xlsx);
  const dialog = importDialog(page);
  await expect(dialog).toContainText('Đã chuyển 3 ô gõ bằng phông cũ (TCVN3/VNI) sang Unicode.');
  await expect(dialog.getByRole('cell', { name: 'Nguyễn Thị Hồng' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Nhập 1 trường hợp' }).click();

  await page.getByText('Nguyễn Thị Hồng').click();
  const workspace = new Workspace(page);
  await expect(workspace.field('Họ tên người được khai sinh')).toHaveValue('Nguyễn Thị Hồng');
  await expect(workspace.field('Nơi sinh')).toHaveValue('Trạm y tế xã Đắk Ơ');
  await expect(workspace.field('Họ tên mẹ')).toHaveValue('Lương Thị Mai');
});

test('bad files each get a Vietnamese message and leave the book as it was', async ({ page }) => {
  await new BooksScreen(page).createBookFresh();
  const row = (so: string, date: string, name: string) =>
    rowOf('ks-70', { so, quyenSo: '01/2008', ngayDangKy: date, nksHoTen: name });
  const headers = templateHeaders('ks-70');
  await chooseExcel(
    page,
    'dau-tien.xlsx',
    await makeXlsx({ headers, rows: [row('1', '15.01.2008', 'Lê Văn An')] }),
  );
  await importDialog(page).getByRole('button', { name: 'Nhập 1 trường hợp' }).click();
  await expect(page.getByText('Sổ có 1 trường hợp')).toBeVisible();
  const before = await stored(page);

  const refusedFiles: [string, Buffer, RegExp][] = [
    ['hong.xlsx', Buffer.from('không phải tệp Excel'), /bị hỏng hoặc không phải tệp Excel/],
    ['mat-khau.xlsx', makePasswordProtectedXlsx(), /có đặt mật khẩu/],
    [
      'khai-tu.xlsx',
      await makeXlsx({
        headers: templateHeaders('kt-48'),
        rows: [rowOf('kt-48', { so: '2', ngayDangKy: '01.02.2008', nktHoTen: 'Vũ Văn Hải' })],
      }),
      /theo mẫu sổ Khai tử, nhưng sổ đang mở là sổ Khai sinh/,
    ],
    ['trong.xlsx', await makeXlsx({ headers, rows: [] }), /không có dòng dữ liệu nào/],
  ];
  for (const [name, bytes, message] of refusedFiles) {
    await chooseExcel(page, name, bytes);
    const alert = page.getByRole('alert').filter({ hasText: message });
    await expect(alert).toContainText('Sổ chưa thay đổi.');
    await alert.getByRole('button', { name: 'Đóng' }).click();
  }

  const heldFiles: [string, Buffer, RegExp][] = [
    [
      'cong-thuc.xlsx',
      await makeXlsx({
        headers,
        rows: [
          rowOf('ks-70', {
            so: '2',
            ngayDangKy: '16.01.2008',
            nksHoTen: { value: { formula: 'UPPER("Trần Văn B")', result: 'TRẦN VĂN B' } },
          }),
        ],
      }),
      /Dòng 2: ô Họ tên người được khai sinh chứa công thức =UPPER\("Trần Văn B"\)/,
    ],
    [
      'trung-so.xlsx',
      await makeXlsx({
        headers,
        rows: [
          row('2', '16.01.2008', 'Trần Văn B'),
          row('3', '17.01.2008', 'Trần Văn C'),
          row('2', '16/1/2008', 'Trần Văn D'),
        ],
      }),
      /Dòng 2: trùng số 2 và ngày đăng ký 16.01.2008 với dòng 4/,
    ],
    [
      'da-co.xlsx',
      await makeXlsx({ headers, rows: [row('1', '15/01/2008', 'Lê Văn An')] }),
      /Dòng 2: số 1, ngày đăng ký 15.01.2008 đã có trong sổ/,
    ],
  ];
  // A good sheet, but its zip holds a photo: the zip is refused and nothing is attached.
  await chooseExcel(
    page,
    'kem-zip.xlsx',
    await makeXlsx({ headers, rows: [row('2', '16.01.2008', 'Trần Văn B')] }),
  );
  const zip = new JSZip();
  zip.file('KS.2008.01.2008-01-16.002.pdf', await makePdf(1));
  zip.file('anh-chup.jpg', 'JPEG');
  await chooseZip(page, 'ban-scan.zip', await zip.generateAsync({ type: 'nodebuffer' }));
  const zipAlert = importDialog(page)
    .getByRole('alert')
    .filter({ hasText: 'có tệp không phải PDF: anh-chup.jpg' });
  await expect(zipAlert).toContainText('sổ chưa thay đổi');
  await importDialog(page).getByRole('button', { name: 'Hủy' }).click();

  for (const [name, bytes, message] of heldFiles) {
    await chooseExcel(page, name, bytes);
    const dialog = importDialog(page);
    await expect(dialog.getByRole('alert')).toContainText('Chưa nhập được');
    await expect(dialog.getByRole('alert')).toContainText(message);
    await expect(dialog.getByRole('button', { name: /^Nhập \d+ trường hợp$/ })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await expect(dialog).toBeHidden();
  }

  expect(await stored(page)).toEqual(before);
  await expect(page.getByText('Sổ có 1 trường hợp')).toBeVisible();
});

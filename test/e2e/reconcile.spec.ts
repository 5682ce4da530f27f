// Reconciling a khai sinh book against an extract of the Ministry's 158 system, as an officer
// does it: the preview, the counts in the communes' shape, the unsure pair confirmed side by side,
// the bundle of only the entries left to move, and the report whose counts match the screen.
// The book (30 entries) and the extract (27 rows) come from test/fixtures/reconcile-scenario.ts:
// 20 entries in both (3 typed with a field different, 2 twins each linked to its own row, 1 typed
// with slips to be confirmed), 10 only in SoHoa, 7 only in the extract. The same rows then come
// as an extract of the population database, in columns of its own, mapped once by the officer.
import { expect, test, type Download, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { ExcelJS } from '../../renderer/workers/excel';
import { makePdf } from '../fixtures/make-pdf';
import { makeXlsx, rowOf, templateHeaders } from '../fixtures/make-xlsx';
import {
  POPULATION_HEADERS,
  POPULATION_TITLE,
  populationRow,
} from '../fixtures/population-extract';
import { buildScenario, SCENARIO_BOOK } from '../fixtures/reconcile-scenario';
import { downloadBytes, readWorkbook } from './files';
import { BooksScreen, defaultBook } from './models';
import { submitAllForExport } from './review-model';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const scenario = buildScenario();

const sheetOf = (rows: Record<string, string>[]) =>
  makeXlsx({ headers: templateHeaders('ks-70'), rows: rows.map((row) => rowOf('ks-70', row)) });

/** One PDF per entry, named as a bundle names them, so the import gives each its scan. */
async function scansZip(rows: Record<string, string>[]): Promise<Buffer> {
  const zip = new JSZip();
  const page = await makePdf(1);
  for (const row of rows) {
    const [day, month, year] = (row.ngayDangKy ?? '').split('.');
    const so = (row.so ?? '').padStart(3, '0');
    zip.file(`KS.${SCENARIO_BOOK.year}.01.${year}-${month}-${day}.${so}.pdf`, page);
  }
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function choose(
  page: Page,
  button: string,
  name: string,
  buffer: Buffer,
  mimeType = XLSX_TYPE,
) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles({ name, mimeType, buffer });
}

/** The numbers of the overall line, by column header. */
async function overall(page: Page): Promise<Record<string, string>> {
  const table = page.getByRole('table', { name: 'Kết quả đối chiếu' });
  const headers = await table.getByRole('columnheader').allInnerTexts();
  const cells = await table
    .getByRole('row', { name: /^Tổng hợp/ })
    .getByRole('cell')
    .allInnerTexts();
  return Object.fromEntries(headers.slice(1).map((header, i) => [header, cells[i] ?? '']));
}

async function sheetRows(bytes: Buffer, name: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

test('an extract reconciled against a book: counts, a confirmed pair, the bundle left to move and the report', async ({
  page,
}) => {
  await new BooksScreen(page).createBookFresh({
    ...defaultBook,
    quyenSo: SCENARIO_BOOK.quyenSo,
    year: String(SCENARIO_BOOK.year),
    expectedCount: '30',
  });
  await choose(page, 'Nhập từ Excel', 'so-khai-sinh-2010.xlsx', await sheetOf(scenario.book));
  const dialog = page.getByRole('dialog', { name: /^Nhập từ Excel:/ });
  await choose(
    page,
    'Chọn tệp .zip…',
    'so-khai-sinh-2010.zip',
    await scansZip(scenario.book),
    'application/zip',
  );
  await expect(dialog.getByRole('status')).toContainText('30/30 PDF khớp với các dòng');
  await dialog.getByRole('button', { name: 'Nhập 30 trường hợp' }).click();
  await expect(dialog).toBeHidden();
  await submitAllForExport(page);

  await page.getByRole('link', { name: 'Đối chiếu' }).click();
  // A file in no template's columns is to be mapped; without a registration date it cannot be read.
  await choose(
    page,
    'Chọn tệp Excel trích xuất…',
    'danh-sach.xlsx',
    await makeXlsx({ headers: ['Họ tên', 'Ngày sinh'], rows: [['Lê Văn Tám', '1990']] }),
  );
  await expect(page.getByRole('heading', { name: 'Ghép cột của tệp' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText(
    'Chưa chọn cột cho: Ngày đăng ký. Không có các thông tin này thì không đối chiếu được.',
  );
  await expect(page.getByRole('button', { name: 'Đọc tệp theo cách ghép này' })).toBeDisabled();

  await choose(page, 'Chọn tệp khác', 'trich-xuat-158.xlsx', await sheetOf(scenario.extract));
  await expect(
    page.getByText('Loại sổ: Khai sinh (mẫu ks-70), trang «DL Import»: 27 dòng.'),
  ).toBeVisible();
  await page
    .getByRole('button', { name: 'Đối chiếu với các sổ Khai sinh (1 sổ, 30 trường hợp)' })
    .click();

  await expect(page.getByRole('heading', { name: 'Kết quả đối chiếu' })).toBeVisible();
  expect(await overall(page)).toEqual({
    'Tổng số cần số hóa': '30',
    'Đã nhập (tệp trích xuất)': '27',
    'Đã có': '19',
    'Trùng giữa các sổ': '0',
    'Còn phải chuyển': '10',
    'Cần xác nhận': '1',
    'Chỉ có trong tệp': '7',
  });
  for (const { so } of scenario.differing) {
    await expect(page.getByText(new RegExp(`^Số ${so} — .*Khác: `))).toBeVisible();
  }

  // The pair typed with slips, side by side; the reviewer says it is the same registration.
  await expect(
    page.getByRole('heading', { name: 'Cặp 1/1: có phải cùng một trường hợp?' }),
  ).toBeVisible();
  await expect(
    page.getByRole('columnheader', {
      name: `Trong SoHoa (số ${scenario.uncertainSo}, sổ ${SCENARIO_BOOK.quyenSo})`,
    }),
  ).toBeVisible();
  // The entry and its scan are one click away, and the result is still there on coming back.
  await page.getByRole('button', { name: 'Mở trường hợp và bản quét' }).click();
  await expect(
    page.getByRole('form', { name: `Trường hợp số ${scenario.uncertainSo}` }),
  ).toBeVisible();
  await page.goBack();
  await page.getByRole('button', { name: 'Cùng một trường hợp' }).click();
  await expect(page.getByRole('heading', { name: 'Cần xác nhận (0)' })).toBeVisible();
  expect(await overall(page)).toMatchObject({
    'Đã có': '20',
    'Còn phải chuyển': '10',
    'Cần xác nhận': '0',
  });

  const downloads: Download[] = [];
  page.on('download', (download) => downloads.push(download));
  await page.getByRole('button', { name: 'Xuất các trường hợp còn phải chuyển (10)' }).click();
  await page.getByRole('button', { name: 'Tải về' }).click();
  await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(2);
  const xlsx = downloads.find((d) => d.suggestedFilename().endsWith('.xlsx'));
  if (!xlsx) throw new Error('no workbook exported');
  const { rows } = await readWorkbook(await downloadBytes(xlsx));
  const soColumn = templateHeaders('ks-70').findIndex((header) => header.trim() === 'so');
  const exported = rows.slice(1).map((row) => Number(row[soColumn]?.value));
  expect(exported.sort((a, b) => a - b)).toEqual(scenario.onlySohoaSo.map(Number));

  await page.getByRole('button', { name: 'Lưu báo cáo đối chiếu (Excel)' }).click();
  await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(3);
  const report = await downloadBytes(downloads[2] as Download);
  const summary = await sheetRows(report, 'Tổng hợp');
  expect(summary[0]).toEqual([
    'Sổ',
    'Tổng số cần số hóa',
    'Đã nhập (tệp trích xuất)',
    'Đã có',
    'Trùng giữa các sổ',
    'Còn phải chuyển',
    'Cần xác nhận',
    'Chỉ có trong tệp',
  ]);
  expect(summary.at(-1)).toEqual(['Tổng cộng', 30, 27, 20, 0, 10, 0, 7]);
  expect(await sheetRows(report, 'Còn phải chuyển')).toHaveLength(11);
  expect(await sheetRows(report, 'Chỉ có trong tệp')).toHaveLength(8);

  // The same extract again: the decision is kept, nothing is left to confirm.
  await choose(page, 'Đối chiếu tệp khác', 'trich-xuat-158.xlsx', await sheetOf(scenario.extract));
  await page
    .getByRole('button', { name: 'Đối chiếu với các sổ Khai sinh (1 sổ, 30 trường hợp)' })
    .click();
  await expect(page.getByRole('heading', { name: 'Cần xác nhận (0)' })).toBeVisible();
  expect(await overall(page)).toMatchObject({ 'Đã có': '20', 'Còn phải chuyển': '10' });

  // The same registrations from the population database: its own headers, under a title row.
  const population = await makeXlsx({
    sheetName: 'Danh sách',
    headers: [POPULATION_TITLE],
    rows: [POPULATION_HEADERS, ...scenario.extract.map(populationRow)],
  });
  await choose(page, 'Đối chiếu tệp khác', 'csdl-dan-cu.xlsx', population);
  await expect(page.getByRole('heading', { name: 'Ghép cột của tệp' })).toBeVisible();
  await expect(
    page.getByText('Trang «Danh sách», dòng tiêu đề là dòng 2, bên dưới có 27 dòng.'),
  ).toBeVisible();
  // The usual headers are recognised; the number's column is the officer's to choose.
  await expect(page.getByLabel('Họ tên người được khai sinh (bắt buộc)')).toHaveValue('1');
  await expect(page.getByLabel('Số', { exact: true })).toHaveValue('');
  await page.getByLabel('Số', { exact: true }).selectOption({ label: 'Cột I: Số ĐKKS' });
  const first = scenario.extract[0] ?? {};
  const sample = page.getByRole('table', { name: 'Các dòng đầu, đọc theo cách ghép này' });
  await expect(sample.getByRole('row').nth(1)).toContainText(
    `${first.nksHoTen}${first.nksNgaySinh}`,
  );
  await expect(
    sample.getByRole('cell', { name: first.ngayDangKy, exact: true }).first(),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Đọc tệp theo cách ghép này' }).click();
  await expect(
    page.getByText(
      'Tệp từ Cơ sở dữ liệu quốc gia về dân cư, đọc theo cách ghép cột cho sổ Khai sinh, trang «Danh sách»: 27 dòng.',
    ),
  ).toBeVisible();
  await page
    .getByRole('button', { name: 'Đối chiếu với các sổ Khai sinh (1 sổ, 30 trường hợp)' })
    .click();
  await expect(page.getByRole('heading', { name: 'Cần xác nhận (0)' })).toBeVisible();
  expect(await overall(page)).toMatchObject({
    'Đã nhập (tệp trích xuất)': '27',
    'Đã có': '20',
    'Còn phải chuyển': '10',
    'Chỉ có trong tệp': '7',
  });

  // The next file with the same header row is read with the kept mapping straight away.
  await choose(page, 'Đối chiếu tệp khác', 'csdl-dan-cu-2.xlsx', population);
  await expect(
    page.getByText('Các cột được ghép theo cách đã lưu cho tệp có cùng dòng tiêu đề.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Đổi cách ghép cột' }).click();
  await expect(page.getByLabel('Số', { exact: true })).toHaveValue('8');
});

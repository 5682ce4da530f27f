// A scanner page over the size target is prepared for export in the background after import;
// the officer sees it done, looks at the exported page at 100 %, and the export sends exactly
// that page.
import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { makeJpegInBrowser } from '../fixtures/make-images';
import { downloadBytes } from './files';
import { BooksScreen, Workspace } from './models';
import { submitAllForExport } from './review-model';

/** A scanner's one-page PDF: an A4 page drawn by one JPEG. */
async function scannerPdf(jpeg: Buffer): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const image = await doc.embedJpg(jpeg);
  doc.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  return Buffer.from(await doc.save());
}

function firstImage(doc: PDFDocument) {
  const xObjects = doc.getPage(0).node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  const [ref] = xObjects?.values() ?? [];
  const stream = ref && doc.context.lookup(ref);
  if (!(stream instanceof PDFRawStream)) throw new Error('the exported page has no image');
  return {
    bytes: stream.contents.length,
    width: Number(stream.dict.get(PDFName.of('Width'))?.toString()),
  };
}

test('a scan page over the target is prepared after import, previewed at 100 % and exported as prepared', async ({
  page,
}) => {
  await new BooksScreen(page).createBookFresh();
  const workspace = new Workspace(page);
  // A 200-dpi colour A4 page with paper grain: several times the 100 kB a page may take.
  const jpeg = await makeJpegInBrowser(page, {
    width: 1654,
    height: 2339,
    label: 'Trang 1',
    noise: 24,
  });
  expect(jpeg.length).toBeGreaterThan(300_000);
  await workspace.importScan('so-khai-sinh-2008.pdf', await scannerPdf(jpeg));
  await expect(page.getByTestId('page-indicator')).toHaveText('Trang 1/1');

  await page.getByText('Các trang của sổ (1)').click();
  await expect(page.getByTestId('preparation-status')).toHaveText(
    'Đã chuẩn bị xong 1 trang để xuất.',
    { timeout: 120_000 },
  );

  // The exported page at 100 %, from the keyboard.
  await page.getByRole('button', { name: 'Xem bản xuất của trang 1, cỡ 100 %' }).focus();
  await page.keyboard.press('Enter');
  const preview = page.getByRole('dialog', { name: 'Trang 1 như khi xuất (100 %)' });
  const facts = preview.getByTestId('export-preview-facts');
  await expect(facts).toContainText('Ảnh đã nén lại:');
  await expect(facts).toContainText('Độ rõ so với bản scan:');
  const stated = /Ảnh đã nén lại: ([\d.,]+) kB/.exec((await facts.textContent()) ?? '')?.[1];
  const statedKb = Number((stated ?? '').replaceAll('.', '').replace(',', '.'));
  expect(statedKb).toBeGreaterThan(10);
  expect(statedKb).toBeLessThanOrEqual(98);
  const pixels = /(\d+) × (\d+) điểm ảnh/.exec((await facts.textContent()) ?? '');
  const image = preview.getByTestId('export-preview-image');
  // One image pixel to one screen pixel: the canvas is as wide on screen as the image.
  await expect.poll(async () => (await image.boundingBox())?.width ?? 0).toBe(Number(pixels?.[1]));
  const region = preview.getByRole('region', {
    name: 'Trang 1 như khi xuất, mỗi điểm ảnh bằng một điểm màn hình',
  });
  // Larger than the dialog: it scrolls, with the keyboard too (once laid out and focused).
  await expect
    .poll(() => region.evaluate((element) => element.scrollHeight - element.clientHeight))
    .toBeGreaterThan(0);
  await region.focus();
  await expect(region).toBeFocused();
  await page.keyboard.press('PageDown');
  await expect.poll(() => region.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();

  await workspace.pressButton('Thêm trường hợp');
  await workspace.fillFields({
    'Trang số': '1',
    'Ngày đăng ký': '15.01.2008',
    'Loại đăng ký': '1',
    'Họ tên người được khai sinh': 'Nguyễn Văn An',
    'Giới tính': '1',
    'Ngày sinh': '02.01.2008',
    'Nơi sinh': 'Trạm y tế xã An Nhơn',
    'Dân tộc': 'Kinh',
    'Quốc tịch': 'Việt Nam',
    'Họ tên mẹ': 'Trần Thị Bình',
    'Họ tên cha': 'Nguyễn Văn Cường',
    'Họ tên người đi khai': 'Nguyễn Văn Cường',
    'Quan hệ với người được khai sinh': 'Cha',
  });
  await workspace.field('Quan hệ với người được khai sinh').blur();
  await workspace.expectSaved();
  await submitAllForExport(page);

  const downloads = await workspace.exportBundle();
  const zipDownload = downloads.find((d) => d.suggestedFilename().endsWith('.zip'));
  const zip = await JSZip.loadAsync(await downloadBytes(zipDownload!));
  const [pdfFile] = Object.values(zip.files).filter((file) => !file.dir);
  const pdfBytes = await pdfFile!.async('uint8array');
  const exported = firstImage(await PDFDocument.load(pdfBytes));
  // The page that went out is the one previewed: its size as stated, within the target.
  expect(Math.abs(exported.bytes / 1000 - statedKb)).toBeLessThan(0.1);
  expect(exported.width).toBe(Number(pixels?.[1]));
  expect(pdfBytes.length).toBeLessThanOrEqual(100_000);
  await expect(page.getByText(/1 trang scan đã được nén lại cho vừa mục tiêu/)).toBeVisible();
});

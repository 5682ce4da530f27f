import JSZip from 'jszip';
import { PDFDocument, PDFName, PDFDict, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { jpegHeaderOnly, makePng } from '../../test/fixtures/make-images';
import { makePdf } from '../../test/fixtures/make-pdf';
import { buildBundle } from './export-core';
import type { ExportEntry, ExportRequest } from './export-protocol';
import { A4, type Recompressor } from './pdf-images';

function entry(n: number, pages: ExportEntry['pages']): ExportEntry {
  return {
    id: `e${n}`,
    pages,
    acknowledgements: [],
    fields: {
      so: String(n),
      quyenSo: '01/2008',
      trangSo: String(n),
      ngayDangKy: `0${n}.02.2008`,
      loaiDangKy: '1',
      noiDangKy: 'UBND xã An Nhơn, huyện Đạ Tẻh, tỉnh Lâm Đồng',
      nguoiKy: 'Lê Đức Tuấn',
      chucVuNguoiKy: 'Chủ tịch UBND xã',
      nguoiThucHien: 'Nguyễn Văn Sơn',
      nksHoTen: ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'][n - 1] ?? '',
      nksGioiTinh: '1',
      nksNgaySinh: '01.12.2007',
      nksDanToc: 'Kinh',
      nksQuocTich: 'Việt Nam',
      meHoTen: 'Phạm Thị Lan',
      chaHoTen: 'Đỗ Văn Hải',
    },
  };
}

/** PDF scan of 3 pages, and a landscape phone photo (header-only JPEG, 3000×2000). */
async function mixedBook(photo: Uint8Array<ArrayBuffer>, target?: number): Promise<ExportRequest> {
  return {
    book: { type: 'KS', year: 2008, quyenSo: '01/2008', templateVersion: 'ks-70' },
    scans: [
      { id: 'pdf', data: new Blob([new Uint8Array(await makePdf(3))]) },
      { id: 'photo', data: new Blob([photo]) },
    ],
    entries: [
      entry(1, [
        { scanId: 'pdf', indexInScan: 0 },
        { scanId: 'pdf', indexInScan: 1 },
      ]),
      entry(2, [{ scanId: 'photo', indexInScan: 0 }]),
      entry(3, [
        { scanId: 'pdf', indexInScan: 2 },
        { scanId: 'photo', indexInScan: 0 },
      ]),
    ],
    ...(target === undefined ? {} : { targetBytesPerPage: target }),
  };
}

async function entryPdfs(zipBytes: Uint8Array): Promise<PDFDocument[]> {
  const zip = await JSZip.loadAsync(zipBytes);
  const names = Object.keys(zip.files).sort();
  return Promise.all(
    names.map(async (name) => PDFDocument.load(await zip.file(name)!.async('uint8array'))),
  );
}

/** The images drawn on a page, with their pixel size and filter. */
function pageImages(doc: PDFDocument, index: number) {
  const page = doc.getPage(index);
  const xObjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  if (!xObjects) return [];
  return xObjects.values().flatMap((ref) => {
    const stream = doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) return [];
    const dict = stream.dict;
    if (dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) return [];
    return [
      {
        width: Number(dict.get(PDFName.of('Width'))?.toString()),
        height: Number(dict.get(PDFName.of('Height'))?.toString()),
        filter: dict.get(PDFName.of('Filter'))?.toString(),
        bytes: stream.contents.length,
      },
    ];
  });
}

describe('buildBundle with photo scans', () => {
  it('puts PDF pages and photo pages into each entry’s PDF, and reports bytes per page', async () => {
    const photo = jpegHeaderOnly(3000, 2000);
    const result = await buildBundle(await mixedBook(photo), undefined, { recompress: null });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const pdfs = await entryPdfs(result.bundle.zip.data);
    expect(pdfs.map((pdf) => pdf.getPageCount())).toEqual([2, 1, 2]);

    const [first, second, third] = pdfs;
    // The photo sits on an A4 page turned landscape, like the photo.
    expect(pageImages(second!, 0)).toEqual([
      { width: 3000, height: 2000, filter: '/DCTDecode', bytes: photo.length },
    ]);
    expect(second!.getPage(0).getSize()).toEqual({ width: A4.height, height: A4.width });
    // PDF pages are copied as they were: no image added to them.
    expect(pageImages(first!, 0)).toEqual([]);
    expect(first!.getPage(0).getSize()).toEqual({ width: 595, height: 842 });
    expect(pageImages(third!, 1)).toHaveLength(1);

    const stats = result.bundle.pageBytes;
    expect(stats).toMatchObject({
      targetBytesPerPage: 100_000,
      pages: 5,
      imagePages: 2,
      imagePagesOverTarget: 0,
    });
    expect(stats.meanBytesPerPage).toBeGreaterThan(0);
    expect(stats.maxBytesPerPage).toBeGreaterThanOrEqual(stats.meanBytesPerPage);
  });

  it('recompresses a photo above the budget once, however many entries show it', async () => {
    // A photo as stored by the import: 3508 px long and ~2 MB.
    const photo = new Uint8Array(2_000_000);
    photo.set(jpegHeaderOnly(3508, 2480).subarray(0, -2));
    const calls: number[] = [];
    const recompress: Recompressor = (image, budget) => {
      calls.push(budget);
      expect(image.kind).toBe('jpeg');
      // A view into a larger buffer, as a pooled encoder might hand back.
      const padded = new Uint8Array(1000);
      const jpeg = jpegHeaderOnly(1654, 1169);
      padded.set(jpeg, 100);
      return Promise.resolve(padded.subarray(100, 100 + jpeg.length));
    };
    const result = await buildBundle(await mixedBook(photo, 60_000), undefined, { recompress });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(calls).toEqual([58_000]);
    const pdfs = await entryPdfs(result.bundle.zip.data);
    expect(pageImages(pdfs[1]!, 0)).toMatchObject([{ width: 1654, height: 1169 }]);
    expect(result.bundle.pageBytes).toMatchObject({ targetBytesPerPage: 60_000, imagePages: 2 });
    expect(result.bundle.pageBytes.maxBytesPerPage).toBeLessThan(60_000);
  });

  it('leaves a photo already within budget untouched', async () => {
    const photo = jpegHeaderOnly(1240, 1754);
    let called = false;
    const result = await buildBundle(await mixedBook(photo), undefined, {
      recompress: () => {
        called = true;
        return Promise.resolve(photo);
      },
    });
    expect(result.ok).toBe(true);
    expect(called).toBe(false);
  });

  it('embeds photos as they are when there is no canvas to recompress with (Node)', async () => {
    const photo = new Uint8Array(300_000);
    photo.set(jpegHeaderOnly(3508, 2480).subarray(0, -2));
    const result = await buildBundle(await mixedBook(photo));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.bundle.pageBytes.imagePagesOverTarget).toBe(2);
    expect(result.bundle.pageBytes.maxBytesPerPage).toBeGreaterThan(300_000);
  });

  it('embeds a PNG scan as PNG when it cannot be re-encoded', async () => {
    const png = await makePng(120, 160);
    const result = await buildBundle(await mixedBook(new Uint8Array(png)), undefined, {
      recompress: null,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const pdfs = await entryPdfs(result.bundle.zip.data);
    expect(pageImages(pdfs[1]!, 0)).toMatchObject([
      { width: 120, height: 160, filter: '/FlateDecode' },
    ]);
    expect(pdfs[1]!.getPage(0).getSize()).toEqual({ width: A4.width, height: A4.height });
  });
});

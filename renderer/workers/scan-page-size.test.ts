import JSZip from 'jszip';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { jpegHeaderOnly } from '../../test/fixtures/make-images';
import { gateBundle, writeBundle, type BuildOptions } from './export-core';
import type { ExportEntry, ExportRequest } from './export-protocol';
import type { PageCodecFactory } from './pdf-recompress';

/** A JPEG of the given pixel size padded to `bytes`, as big as a real one of that size. */
function jpegOf(width: number, height: number, bytes: number): Uint8Array<ArrayBuffer> {
  const head = jpegHeaderOnly(width, height);
  const out = new Uint8Array(Math.max(bytes, head.length));
  out.set(head);
  return out;
}

/** A scanner's PDF: each page one JPEG filling an A4 page, as given in `pages`. */
async function scannerPdf(pages: Uint8Array[]): Promise<Blob> {
  const doc = await PDFDocument.create();
  for (const jpeg of pages) {
    const image = await doc.embedJpg(jpeg);
    doc.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  }
  return new Blob([new Uint8Array(await doc.save())]);
}

function entry(n: number, pages: ExportEntry['pages']): ExportEntry {
  return {
    id: `e${n}`,
    pages,
    acknowledgements: [],
    fields: {
      so: String(n),
      quyenSo: '01/2008',
      trangSo: '1',
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

/**
 * A stand-in for the canvas: encodings weigh `bytesPerPixel` × (0.25 + quality) per pixel, and
 * are legible from `legibleFrom` quality up. Counts the pages it is asked to open.
 */
function fakeCanvas(bytesPerPixel: number, legibleFrom = 0) {
  const opened: number[] = [];
  const quality = new WeakMap<Uint8Array, number>();
  const openPage: PageCodecFactory = (jpeg) => {
    opened.push(jpeg.length);
    return Promise.resolve({
      encode: (width, height, q) => {
        const bytes = jpegOf(
          width,
          height,
          Math.round(width * height * bytesPerPixel * (0.25 + q)),
        );
        quality.set(bytes, q);
        return Promise.resolve(bytes);
      },
      score: (encoded) => Promise.resolve((quality.get(encoded) ?? 0) >= legibleFrom ? 0.95 : 0.8),
      close: () => undefined,
    });
  };
  return { openPage, opened };
}

async function exportBook(request: ExportRequest, options: BuildOptions) {
  const { gate, plan } = gateBundle(request);
  if (!gate.ok || !plan) throw new Error(JSON.stringify(gate));
  const zipParts: Uint8Array[] = [];
  const written = await writeBundle(
    request,
    plan,
    {
      write: (kind, chunk) => {
        if (kind === 'zip') zipParts.push(chunk);
        return Promise.resolve();
      },
    },
    options,
  );
  const zip = await JSZip.loadAsync(new Blob(zipParts as BlobPart[]).arrayBuffer());
  const names = Object.keys(zip.files).sort();
  const pdfs = await Promise.all(
    names.map(async (name) => PDFDocument.load(await zip.file(name)!.async('uint8array'))),
  );
  return { written, pdfs };
}

/** The image a page draws: its pixel size and bytes. */
function imageOf(doc: PDFDocument, index: number) {
  const page = doc.getPage(index);
  const xObjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  const [ref] = xObjects?.values() ?? [];
  const stream = ref && doc.context.lookup(ref);
  if (!(stream instanceof PDFRawStream)) return null;
  return {
    width: Number(stream.dict.get(PDFName.of('Width'))?.toString()),
    bytes: stream.contents.length,
  };
}

const book: ExportRequest['book'] = {
  type: 'KS',
  year: 2008,
  quyenSo: '01/2008',
  templateVersion: 'ks-70',
};

describe('scan pages at the size target', () => {
  it('re-encodes a 300-dpi scanner page to within 100 kB, keeping its size and rotation', async () => {
    const scan = await scannerPdf([jpegOf(2480, 3508, 900_000), jpegOf(2480, 3508, 900_000)]);
    const { openPage, opened } = fakeCanvas(0.05);
    const { written, pdfs } = await exportBook(
      {
        book,
        scans: [{ id: 's', data: scan }],
        entries: [
          entry(1, [{ scanId: 's', indexInScan: 0, rotation: 90 }]),
          // Two entries on one page: the page is re-encoded once for both.
          entry(2, [{ scanId: 's', indexInScan: 1 }]),
          entry(3, [{ scanId: 's', indexInScan: 1 }]),
        ],
      },
      { openPage },
    );
    expect(opened).toHaveLength(2);
    for (const pdf of pdfs) {
      const image = imageOf(pdf, 0);
      expect(image?.bytes).toBeLessThanOrEqual(98_000);
      // Never below 150 dpi: an A4 page 8.27 in wide keeps at least 1240 pixels.
      expect(image?.width).toBeGreaterThanOrEqual(1240);
      expect(pdf.getPage(0).getSize()).toEqual({ width: 595, height: 842 });
    }
    expect(pdfs[0]!.getPage(0).getRotation().angle).toBe(90);
    expect(written.pageBytes).toMatchObject({
      pagesReencoded: 3,
      pagesOverTarget: 0,
      overTarget: [],
    });
    expect(written.pageBytes.lowestLegibility).toBeGreaterThanOrEqual(0.9);
    expect(written.pageBytes.maxBytesPerPage).toBeLessThanOrEqual(100_000);
  });

  it('passes a page already under the target through untouched', async () => {
    const small = jpegOf(1240, 1754, 80_000);
    const { openPage, opened } = fakeCanvas(0.05);
    const { written, pdfs } = await exportBook(
      {
        book,
        scans: [{ id: 's', data: await scannerPdf([small]) }],
        entries: [entry(1, [{ scanId: 's', indexInScan: 0 }])],
      },
      { openPage },
    );
    expect(opened).toEqual([]);
    expect(imageOf(pdfs[0]!, 0)).toEqual({ width: 1240, bytes: 80_000 });
    expect(written.pageBytes.pagesReencoded).toBe(0);
  });

  it('names a page that cannot be both within the target and legible', async () => {
    // Fine writing: only quality 0.9 and up stays legible, over budget even at 150 dpi.
    const { openPage } = fakeCanvas(0.05, 0.9);
    const { written, pdfs } = await exportBook(
      {
        book,
        scans: [{ id: 's', data: await scannerPdf([jpegOf(2480, 3508, 1_200_000)]) }],
        entries: [entry(1, [{ scanId: 's', indexInScan: 0 }])],
      },
      { openPage },
    );
    const image = imageOf(pdfs[0]!, 0);
    expect(image?.bytes).toBeGreaterThan(98_000);
    expect(image?.bytes).toBeLessThan(1_200_000);
    expect(written.pageBytes).toMatchObject({
      pagesReencoded: 1,
      pagesOverTarget: 1,
      overTarget: [{ fileName: 'KS.2008.01.2008-02-01.001.pdf', page: 1 }],
    });
  });

  it('copies pages as scanned and counts them over target where there is no canvas', async () => {
    const { written, pdfs } = await exportBook(
      {
        book,
        scans: [{ id: 's', data: await scannerPdf([jpegOf(2480, 3508, 700_000)]) }],
        entries: [entry(1, [{ scanId: 's', indexInScan: 0 }])],
      },
      { openPage: null },
    );
    expect(imageOf(pdfs[0]!, 0)).toEqual({ width: 2480, bytes: 700_000 });
    expect(written.pageBytes).toMatchObject({ pagesReencoded: 0, pagesOverTarget: 1 });
  });
});

// A small book for the export's unit tests: entries, a PDF scan and a photo, the bundle written
// into memory the way the screen receives it, and readers for what came out.
import JSZip from 'jszip';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { jpegHeaderOnly } from '../../test/fixtures/make-images';
import { makePdf } from '../../test/fixtures/make-pdf';
import { gateBundle, writeBundle, type BuildOptions } from './export-core';
import type { BundleFileKind, ExportEntry, ExportRequest } from './export-protocol';

function concat(parts: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

/** Runs the gate, then writes the bundle into memory the way the screen receives it. */

export async function exportInMemory(request: ExportRequest, options: BuildOptions = {}) {
  const { gate, plan } = gateBundle(request);
  if (!gate.ok || !plan) throw new Error(JSON.stringify(gate));
  const chunks: Record<BundleFileKind, Uint8Array[]> = { xlsx: [], zip: [] };
  const written = await writeBundle(
    request,
    plan,
    {
      write: (kind, chunk) => {
        chunks[kind].push(chunk);
        return Promise.resolve();
      },
    },
    options,
  );
  const files = { xlsx: concat(chunks.xlsx), zip: concat(chunks.zip) };
  const source = {
    read: (kind: BundleFileKind, offset: number, length: number) =>
      Promise.resolve(files[kind].slice(offset, offset + length)),
  };
  return { plan, gate, written, files, chunks, source };
}

/** Entry n of the book; `fields` replaces what a test needs otherwise. */
export function entry(
  n: number,
  pages: ExportEntry['pages'],
  fields: ExportEntry['fields'] = {},
): ExportEntry {
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
      ...fields,
    },
  };
}

/** PDF scan of 3 pages, and a landscape phone photo (header-only JPEG, 3000×2000). */
export async function mixedBook(
  photo: Uint8Array<ArrayBuffer>,
  target?: number,
): Promise<ExportRequest> {
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

export async function entryPdfs(zipBytes: Uint8Array): Promise<PDFDocument[]> {
  const zip = await JSZip.loadAsync(zipBytes);
  const names = Object.keys(zip.files).sort();
  return Promise.all(
    names.map(async (name) => PDFDocument.load(await zip.file(name)!.async('uint8array'))),
  );
}

/** A scan the way some scanners write it: one resources dictionary naming every page's image. */
export async function sharedResourcesScan(
  pages: number,
  imageBytes: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  const shared = doc.context.obj({});
  for (let i = 0; i < pages; i++) {
    const jpeg = new Uint8Array(imageBytes);
    jpeg.set(jpegHeaderOnly(1240, 1754 + i).subarray(0, -2));
    const image = await doc.embedJpg(jpeg);
    const page = doc.addPage([595, 842]);
    page.drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
    const own = page.node.Resources()!.lookup(PDFName.of('XObject'), PDFDict);
    for (const [key, value] of own.entries()) shared.set(key, value);
  }
  const resources = doc.context.obj({ XObject: shared });
  for (const page of doc.getPages()) page.node.delete(PDFName.of('Resources'));
  doc.catalog.Pages().set(PDFName.of('Resources'), resources);
  return (await doc.save()) as Uint8Array<ArrayBuffer>;
}

export const ks2008: ExportRequest['book'] = {
  type: 'KS',
  year: 2008,
  quyenSo: '01/2008',
  templateVersion: 'ks-70',
};

export function book(entries: ExportEntry[], scans: ExportRequest['scans']): ExportRequest {
  return { book: ks2008, entries, scans };
}

/** Writes the bundle in memory and opens each entry's PDF, in name order. */
export async function exportPdfs(request: ExportRequest, options: BuildOptions) {
  const { written, files } = await exportInMemory(request, options);
  return { written, pdfs: await entryPdfs(files.zip) };
}

/** A JPEG of the given pixel size, padded to `bytes` as a scanner's file would weigh. */
export function jpegOf(width: number, height: number, bytes: number): Uint8Array<ArrayBuffer> {
  const head = jpegHeaderOnly(width, height);
  const out = new Uint8Array(Math.max(bytes, head.length));
  out.set(head);
  return out;
}

/** A scanner's PDF: each page one JPEG filling an A4 page, as given in `pages`. */
export async function scannerPdf(pages: Uint8Array[]): Promise<Blob> {
  const doc = await PDFDocument.create();
  for (const jpeg of pages) {
    const image = await doc.embedJpg(jpeg);
    doc.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  }
  return new Blob([new Uint8Array(await doc.save())]);
}

/** The image a page draws: its pixel size and bytes. */
export function imageOf(doc: PDFDocument, index: number) {
  const xObjects = doc.getPage(index).node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  const [ref] = xObjects?.values() ?? [];
  const stream = ref && doc.context.lookup(ref);
  if (!(stream instanceof PDFRawStream)) return null;
  return {
    width: Number(stream.dict.get(PDFName.of('Width'))?.toString()),
    bytes: stream.contents.length,
  };
}

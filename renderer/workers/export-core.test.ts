import JSZip from 'jszip';
import {
  PDFDocument,
  PDFName,
  PDFDict,
  PDFRawStream,
  PDFArray,
  PDFRef,
  decodePDFRawStream,
} from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { jpegHeaderOnly, makePng } from '../../test/fixtures/make-images';
import { makePdf } from '../../test/fixtures/make-pdf';
import {
  gateBundle,
  MAX_CHUNK_BYTES,
  verifyBundle,
  writeBundle,
  type BuildOptions,
} from './export-core';
import type { BundleFileKind, ExportEntry, ExportRequest } from './export-protocol';
import { A4, type Recompressor } from './pdf-images';

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
async function exportInMemory(request: ExportRequest, options: BuildOptions = {}) {
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

describe('writeBundle with photo scans', () => {
  it('puts PDF pages and photo pages into each entry’s PDF, and reports bytes per page', async () => {
    const photo = jpegHeaderOnly(3000, 2000);
    const result = await exportInMemory(await mixedBook(photo), { recompress: null });
    const pdfs = await entryPdfs(result.files.zip);
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

    const stats = result.written.pageBytes;
    expect(stats).toMatchObject({
      targetBytesPerPage: 100_000,
      pages: 5,
      imagePages: 2,
      pagesOverTarget: 0,
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
    const result = await exportInMemory(await mixedBook(photo, 60_000), { recompress });
    expect(calls).toEqual([58_000]);
    const pdfs = await entryPdfs(result.files.zip);
    expect(pageImages(pdfs[1]!, 0)).toMatchObject([{ width: 1654, height: 1169 }]);
    expect(result.written.pageBytes).toMatchObject({ targetBytesPerPage: 60_000, imagePages: 2 });
    expect(result.written.pageBytes.maxBytesPerPage).toBeLessThan(60_000);
  });

  it('leaves a photo already within budget untouched', async () => {
    const photo = jpegHeaderOnly(1240, 1754);
    let called = false;
    const result = await exportInMemory(await mixedBook(photo), {
      recompress: () => {
        called = true;
        return Promise.resolve(photo);
      },
    });
    expect(result.written.pdfs).toHaveLength(3);
    expect(called).toBe(false);
  });

  it('embeds photos as they are when there is no canvas to recompress with (Node)', async () => {
    const photo = new Uint8Array(300_000);
    photo.set(jpegHeaderOnly(3508, 2480).subarray(0, -2));
    const result = await exportInMemory(await mixedBook(photo));
    expect(result.written.pageBytes.pagesOverTarget).toBe(2);
    expect(result.written.pageBytes.maxBytesPerPage).toBeGreaterThan(300_000);
  });

  it('embeds a PNG scan as PNG when it cannot be re-encoded', async () => {
    const png = await makePng(120, 160);
    const result = await exportInMemory(await mixedBook(new Uint8Array(png)), {
      recompress: null,
    });
    const pdfs = await entryPdfs(result.files.zip);
    expect(pageImages(pdfs[1]!, 0)).toMatchObject([
      { width: 120, height: 160, filter: '/FlateDecode' },
    ]);
    expect(pdfs[1]!.getPage(0).getSize()).toEqual({ width: A4.width, height: A4.height });
  });
});

/** The text of a page's content streams, as the PDF stores it. */
function pageText(doc: PDFDocument, index: number): string {
  const contents = doc.getPage(index).node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray() : [contents];
  return streams
    .map((item) => (item instanceof PDFRef ? doc.context.lookup(item) : item))
    .map((stream) =>
      stream instanceof PDFRawStream
        ? new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode())
        : '',
    )
    .join('\n');
}

/** A scan the way some scanners write it: one resources dictionary naming every page's image. */
async function sharedResourcesScan(
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

function book(entries: ExportEntry[], scans: ExportRequest['scans']): ExportRequest {
  return {
    book: { type: 'KS', year: 2008, quyenSo: '01/2008', templateVersion: 'ks-70' },
    entries,
    scans,
  };
}

describe('writeBundle with PDF scans', () => {
  it('copies only the image a page draws when the scan shares one resources dictionary', async () => {
    const scan = await sharedResourcesScan(3, 150_000);
    // The shared dictionary really does reach every page before the export.
    const source = await PDFDocument.load(scan);
    expect(pageImages(source, 1)).toHaveLength(3);

    const result = await exportInMemory(
      book([entry(1, [{ scanId: 's', indexInScan: 1 }])], [{ id: 's', data: new Blob([scan]) }]),
    );
    const [pdf] = await entryPdfs(result.files.zip);
    expect(pageImages(pdf!, 0)).toEqual([
      { width: 1240, height: 1755, filter: '/DCTDecode', bytes: 150_000 },
    ]);
    expect(result.written.pageBytes.pagesRebuilt).toBe(1);
    expect(result.written.pageBytes.maxBytesPerPage).toBeLessThan(160_000);
  });

  it('exports the pages of a scan whose cross-reference is damaged by reading it whole', async () => {
    const text = new TextDecoder('latin1').decode(await makePdf(2));
    const damaged = new Uint8Array(
      Buffer.from(text.replace(/startxref\s+\d+/, 'startxref\n9'), 'latin1'),
    );
    const result = await exportInMemory(
      book(
        [entry(1, [{ scanId: 's', indexInScan: 1 }]), entry(2, [{ scanId: 's', indexInScan: 0 }])],
        [{ id: 's', data: new Blob([damaged]) }],
      ),
    );
    const pdfs = await entryPdfs(result.files.zip);
    expect(pdfs.map((pdf) => pdf.getPageCount())).toEqual([1, 1]);
    const [second, first] = pdfs.map((pdf) => pageText(pdf, 0));
    expect(second).toContain(Buffer.from('Trang 2').toString('hex').toUpperCase());
    expect(first).toContain(Buffer.from('Trang 1').toString('hex').toUpperCase());
  });

  it('turns exported pages by the rotation the officer saved', async () => {
    const scan = new Uint8Array(await makePdf(2));
    const photo = jpegHeaderOnly(1240, 1754);
    const result = await exportInMemory(
      book(
        [
          entry(1, [
            { scanId: 'pdf', indexInScan: 0, rotation: 90 },
            { scanId: 'pdf', indexInScan: 1 },
          ]),
          entry(2, [{ scanId: 'photo', indexInScan: 0, rotation: 270 }]),
        ],
        [
          { id: 'pdf', data: new Blob([scan]) },
          { id: 'photo', data: new Blob([photo]) },
        ],
      ),
      { recompress: null },
    );
    const [first, second] = await entryPdfs(result.files.zip);
    expect(first!.getPages().map((page) => page.getRotation().angle)).toEqual([90, 0]);
    expect(second!.getPage(0).getRotation().angle).toBe(270);
  });
});

describe('streaming and verification', () => {
  it('streams the zip in bounded chunks whose hash and size are reported', async () => {
    const scan = await sharedResourcesScan(3, 3 * MAX_CHUNK_BYTES);
    const result = await exportInMemory(
      book(
        [1, 2, 3].map((n) => entry(n, [{ scanId: 's', indexInScan: n - 1 }])),
        [{ id: 's', data: new Blob([scan]) }],
      ),
    );
    expect(result.chunks.zip.length).toBeGreaterThan(3);
    expect(Math.max(...result.chunks.zip.map((chunk) => chunk.length))).toBeLessThanOrEqual(
      MAX_CHUNK_BYTES,
    );
    for (const file of result.written.files) {
      const bytes = result.files[file.kind];
      expect(file.bytes).toBe(bytes.length);
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes.slice()));
      expect(file.sha256).toBe([...digest].map((b) => b.toString(16).padStart(2, '0')).join(''));
    }
    expect(result.written.files.map((file) => file.name)).toEqual([
      result.gate.ok && result.gate.outline.files.xlsx,
      result.gate.ok && result.gate.outline.files.zip,
    ]);
  });

  it('gathers many small PDFs into few pieces, and re-reads them in few reads', async () => {
    const scan = await sharedResourcesScan(3, 150_000);
    const entries = Array.from({ length: 60 }, (_, i) =>
      entry(1, [{ scanId: 's', indexInScan: i % 3 }]),
    ).map((item, i) => {
      const given = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Lan'];
      const middle = ['Văn', 'Thị', 'Đức', 'Minh', 'Ngọc', 'Quang', 'Thu', 'Xuân'];
      const name = `Nguyễn ${middle[Math.floor(i / 8)]} ${given[i % 8]}`;
      return {
        ...item,
        id: `e${i + 1}`,
        fields: { ...item.fields, so: String(i + 1), nksHoTen: name },
      };
    });
    const result = await exportInMemory(book(entries, [{ id: 's', data: new Blob([scan]) }]));
    // 60 PDFs of about 150 kB: 9 MB in three pieces of at most MAX_CHUNK_BYTES.
    expect(result.files.zip.length).toBeGreaterThan(2 * MAX_CHUNK_BYTES);
    expect(result.chunks.zip).toHaveLength(Math.ceil(result.files.zip.length / MAX_CHUNK_BYTES));
    let reads = 0;
    const verification = await verifyBundle(
      {
        read: (kind, offset, length) => {
          reads += 1;
          return result.source.read(kind, offset, length);
        },
      },
      result.plan,
      result.written,
    );
    expect(verification).toMatchObject({ ok: true, pdfs: 60, pages: 60 });
    expect(reads).toBeLessThan(12);
  });

  it('re-reads the written bundle and finds it whole', async () => {
    const result = await exportInMemory(await mixedBook(jpegHeaderOnly(1240, 1754)), {
      recompress: null,
    });
    const verification = await verifyBundle(result.source, result.plan, result.written);
    expect(verification).toEqual({ ok: true, rows: 3, pdfs: 3, pages: 5, problems: [] });
  });

  it('notices a zip cut short and a workbook that is not one', async () => {
    const result = await exportInMemory(await mixedBook(jpegHeaderOnly(1240, 1754)), {
      recompress: null,
    });
    const damaged = {
      read: (kind: BundleFileKind, offset: number, length: number) =>
        Promise.resolve(
          kind === 'xlsx'
            ? new Uint8Array(length)
            : result.files.zip
                .slice(offset, offset + length)
                .map((byte, i) => (offset + i === 200 ? byte ^ 0xff : byte)),
        ),
    };
    const verification = await verifyBundle(damaged, result.plan, result.written);
    expect(verification.ok).toBe(false);
    expect(verification.problems.map((problem) => problem.check)).toEqual(
      expect.arrayContaining(['workbook', 'zip']),
    );
  });

  it('holds the book back before writing when an entry has an error', () => {
    const broken = entry(2, [{ scanId: 'pdf', indexInScan: 0 }]);
    broken.fields.ngayDangKy = '';
    const { gate } = gateBundle(book([entry(1, []), broken], []));
    expect(gate.ok).toBe(false);
    if (gate.ok) return;
    expect(gate.problems.some((problem) => problem.entryId === 'e2')).toBe(true);
  });
});

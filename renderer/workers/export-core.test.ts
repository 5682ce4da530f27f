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
  book,
  entry,
  entryPdfs,
  exportInMemory,
  mixedBook,
  sharedResourcesScan,
} from './export-test-book';
import { A4, type Recompressor } from './pdf-images';

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

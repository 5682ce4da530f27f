import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  decodePDFRawStream,
  type PDFRef,
} from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { jpegHeaderOnly } from '../../test/fixtures/make-images';
import { makePdf } from '../../test/fixtures/make-pdf';
import { SCAN_FIXTURES, flate, readScanFixture } from '../../test/fixtures/scan-files';
import { PageNotInScanError, RangePdf, type ImageHead } from './pdf-range';
import { RangeReadError, unpredictPng, type ByteSource } from './pdf-xref';

/** A file in memory that counts what is read from it. */
function countingSource(bytes: Uint8Array): ByteSource & { bytesRead: number } {
  return {
    size: bytes.length,
    bytesRead: 0,
    read(offset, length) {
      this.bytesRead += length;
      return Promise.resolve(bytes.slice(offset, offset + length));
    },
  };
}

/** What a reader of the entry's PDF sees of one page: size, turn, text drawn and images. */
function pageLook(doc: PDFDocument, index: number) {
  const page = doc.getPage(index);
  const contents = page.node.Contents();
  const streams =
    contents instanceof PDFArray
      ? contents.asArray().map((item) => doc.context.lookup(item))
      : [contents];
  const text = streams
    .map((stream) =>
      stream instanceof PDFRawStream
        ? new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode())
        : '',
    )
    .join('\n');
  const xObjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  const images = (xObjects?.values() ?? []).flatMap((ref) => {
    const stream = doc.context.lookup(ref);
    return stream instanceof PDFRawStream
      ? [{ height: Number(stream.dict.get(PDFName.of('Height'))), bytes: stream.contents.length }]
      : [];
  });
  return { size: page.getSize(), rotation: page.getRotation().angle, text, images };
}

/** Copies the pages through the range reader into a new PDF, saved and read back. */
async function copiedByRange(bytes: Uint8Array, indices: number[]) {
  const source = countingSource(bytes);
  const scan = await RangePdf.open(source);
  const out = await PDFDocument.create();
  const rebuilt: boolean[] = [];
  for (const index of indices) {
    const copied = await scan.copyPage(out, index);
    out.addPage(copied.page);
    rebuilt.push(copied.rebuilt);
  }
  const doc = await PDFDocument.load(await out.save());
  return { doc, rebuilt, bytesRead: source.bytesRead, pageCount: await scan.pageCount() };
}

/** A scan of pages that each draw one large JPEG, all named in one shared dictionary. */
async function sharedImagesScan(pages: number, imageBytes: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const shared = doc.context.obj({});
  for (let i = 0; i < pages; i++) {
    const jpeg = new Uint8Array(imageBytes);
    jpeg.set(jpegHeaderOnly(1240, 1754 + i).subarray(0, -2));
    const page = doc.addPage([595, 842]);
    page.drawImage(await doc.embedJpg(jpeg), { x: 0, y: 0, width: 595, height: 842 });
    const own = page.node.Resources()!.lookup(PDFName.of('XObject'), PDFDict);
    for (const [key, value] of own.entries()) shared.set(key, value);
  }
  for (const page of doc.getPages()) page.node.delete(PDFName.of('Resources'));
  doc.catalog.Pages().set(PDFName.of('Resources'), doc.context.obj({ XObject: shared }));
  return doc.save();
}

describe('RangePdf', () => {
  it.each(SCAN_FIXTURES)(
    'copies each page of %s as loading the whole file would, with only its own image',
    async (file) => {
      const bytes = readScanFixture(file);
      const whole = await PDFDocument.load(bytes);
      const { doc, rebuilt, pageCount } = await copiedByRange(bytes, [0, 1, 2, 3]);
      expect(pageCount).toBe(4);
      expect(rebuilt).toEqual([true, true, true, true]);
      for (let i = 0; i < 4; i++) {
        const look = pageLook(doc, i);
        const original = pageLook(whole, i);
        expect(look.size).toEqual(original.size);
        expect(look.text).toBe(original.text);
        expect(look.text).toContain(
          `<${Buffer.from(`Trang ${i + 1}`)
            .toString('hex')
            .toUpperCase()}>`,
        );
        // The shared dictionary names all four images; the copy keeps the one the page draws.
        expect(original.images).toHaveLength(4);
        expect(look.images).toEqual([{ height: 175 + i, bytes: 3000 + i * 500 }]);
      }
    },
  );

  it('reads about one page of a large scan to copy one page', async () => {
    const bytes = await sharedImagesScan(10, 300_000);
    const { doc, bytesRead } = await copiedByRange(bytes, [6]);
    expect(pageLook(doc, 0).images).toEqual([{ height: 1760, bytes: 300_000 }]);
    expect(bytes.length).toBeGreaterThan(3_000_000);
    expect(bytesRead).toBeLessThan(bytes.length / 4);
  });

  it('draws a stand-in for a page’s one JPEG without reading the scan’s image', async () => {
    const bytes = await sharedImagesScan(10, 300_000);
    const source = countingSource(bytes);
    const scan = await RangePdf.open(source);
    const out = await PDFDocument.create();
    const asked: ImageHead[] = [];
    const smaller = jpegHeaderOnly(620, 880);
    const copied = await scan.copyPage(out, 6, (image) => {
      asked.push(image);
      return Promise.resolve(smaller);
    });
    out.addPage(copied.page);
    const doc = await PDFDocument.load(await out.save());
    expect(copied.isStandIn).toBe(true);
    expect(asked).toEqual([{ width: 1240, height: 1760, bytes: 300_000 }]);
    expect(pageLook(doc, 0).images).toEqual([{ height: 880, bytes: smaller.length }]);
    expect(pageLook(doc, 0).size).toEqual({ width: 595, height: 842 });
    expect(source.bytesRead).toBeLessThan(300_000);
  });

  it('copies the scan’s image when no stand-in is given for it', async () => {
    const bytes = await sharedImagesScan(10, 300_000);
    const scan = await RangePdf.open(countingSource(bytes));
    const out = await PDFDocument.create();
    const copied = await scan.copyPage(out, 6, () => Promise.resolve(null));
    out.addPage(copied.page);
    const doc = await PDFDocument.load(await out.save());
    expect(copied.isStandIn).toBe(false);
    expect(pageLook(doc, 0).images).toEqual([{ height: 1760, bytes: 300_000 }]);
  });

  it('takes the newest version of an object changed by an incremental update', async () => {
    const original = readScanFixture('shared-images-classic.pdf');
    const parsed = await PDFDocument.load(original);
    const page = parsed.getPage(1);
    const text = new TextDecoder('latin1').decode(original);
    const previous = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1];
    const dict = page.node.toString().replace(/\/MediaBox \[[^\]]*\]/, '/MediaBox [ 0 0 300 400 ]');
    const root = String(parsed.context.trailerInfo.Root);
    const objectAt = original.length + 1;
    const object = `\n${page.ref.objectNumber} 0 obj\n${dict}\nendobj\n`;
    const xrefAt = original.length + object.length;
    const update =
      object +
      `xref\n0 1\n0000000000 65535 f \n${page.ref.objectNumber} 1\n${String(objectAt).padStart(10, '0')} 00000 n \n` +
      `trailer\n<< /Size ${parsed.context.largestObjectNumber + 1} /Root ${root} /Prev ${previous} >>\n` +
      `startxref\n${xrefAt}\n%%EOF\n`;
    const updated = new Uint8Array([...original, ...new TextEncoder().encode(update)]);

    const { doc } = await copiedByRange(updated, [0, 1]);
    expect(pageLook(doc, 0).size).toEqual({ width: 595, height: 842 });
    expect(pageLook(doc, 1).size).toEqual({ width: 300, height: 400 });
  });

  it('writes on each page what it inherits from the page tree above it', async () => {
    const doc = await PDFDocument.load(await makePdf(4));
    const root = doc.catalog.get(PDFName.of('Pages')) as PDFRef;
    const pages = doc.getPages();
    const node = (kids: PDFRef[], extra: Record<string, unknown>) =>
      doc.context.register(
        doc.context.obj({ Type: 'Pages', Parent: root, Kids: kids, Count: kids.length, ...extra }),
      );
    const first = node([pages[0]!.ref, pages[1]!.ref], { MediaBox: [0, 0, 300, 400] });
    const second = node([pages[2]!.ref, pages[3]!.ref], { Rotate: 90 });
    for (const page of pages.slice(0, 2)) {
      page.node.delete(PDFName.of('MediaBox'));
      page.node.set(PDFName.of('Parent'), first);
    }
    for (const page of pages.slice(2)) page.node.set(PDFName.of('Parent'), second);
    doc.catalog.Pages().set(PDFName.of('Kids'), doc.context.obj([first, second]));
    const bytes = await doc.save({ useObjectStreams: false, updateFieldAppearances: false });

    const copied = await copiedByRange(bytes, [0, 1, 2, 3]);
    expect(copied.pageCount).toBe(4);
    const looks = [0, 1, 2, 3].map((i) => pageLook(copied.doc, i));
    expect(looks.map((look) => look.size.width)).toEqual([300, 300, 595, 595]);
    expect(looks.map((look) => look.rotation)).toEqual([0, 0, 90, 90]);
    looks.forEach((look, i) =>
      expect(look.text).toContain(
        Buffer.from(`Trang ${i + 1}`)
          .toString('hex')
          .toUpperCase(),
      ),
    );
  });

  it('reads a cross-reference stream written with PNG row filters', async () => {
    // catalog, page tree, one page; the xref stream's rows use the Up filter (Predictor 12).
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>',
    ];
    let body = '%PDF-1.5\n';
    const offsets: number[] = [];
    objects.forEach((object, i) => {
      offsets.push(body.length);
      body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    });
    const xrefAt = body.length;
    const rows = [
      [0, 0, 0, 255],
      ...offsets.map((offset) => [1, offset >> 8, offset & 255, 0]),
      [1, xrefAt >> 8, xrefAt & 255, 0],
    ];
    const filtered = rows.flatMap((row, r) => [
      2,
      ...row.map((value, i) => (value - (r > 0 ? rows[r - 1]![i]! : 0)) & 255),
    ]);
    const data = flate(new Uint8Array(filtered));
    const head =
      `4 0 obj\n<< /Type /XRef /Size 5 /W [1 2 1] /Root 1 0 R /Filter /FlateDecode ` +
      `/DecodeParms << /Columns 4 /Predictor 12 >> /Length ${data.length} >>\nstream\n`;
    const tail = `\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`;
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(body + head),
      ...data,
      ...new TextEncoder().encode(tail),
    ]);

    const { doc, pageCount } = await copiedByRange(bytes, [0]);
    expect(pageCount).toBe(1);
    expect(pageLook(doc, 0).size).toEqual({ width: 200, height: 100 });
  });

  it('undoes every PNG row filter', () => {
    const rows = [
      [10, 20, 30],
      [15, 5, 200],
      [0, 255, 7],
      [99, 1, 2],
      [3, 60, 250],
    ];
    const paeth = (left: number, up: number, upLeft: number) => {
      const p = left + up - upLeft;
      const [a, b, c] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      return a <= b && a <= c ? left : b <= c ? up : upLeft;
    };
    const encoded = rows.flatMap((row, r) => {
      const filter = r; // None, Sub, Up, Average, Paeth
      const above = rows[r - 1] ?? [0, 0, 0];
      return [
        filter,
        ...row.map((value, i) => {
          const left = row[i - 1] ?? 0;
          const up = above[i] ?? 0;
          const upLeft = above[i - 1] ?? 0;
          const predicted = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter]!;
          return (value - predicted) & 255;
        }),
      ];
    });
    expect([...unpredictPng(new Uint8Array(encoded), 3)]).toEqual(rows.flat());
  });

  it('gives up on a file whose cross-reference points nowhere', async () => {
    const bytes = new Uint8Array(await makePdf(2));
    const text = new TextDecoder('latin1').decode(bytes);
    const broken = text.replace(/startxref\s+\d+/, 'startxref\n9');
    await expect(
      RangePdf.open(countingSource(new Uint8Array(Buffer.from(broken, 'latin1')))),
    ).rejects.toBeInstanceOf(RangeReadError);
  });

  it('tells a page that names other pages’ images from one that does not', async () => {
    const shared = await RangePdf.open(countingSource(readScanFixture('shared-images-objstm.pdf')));
    const plain = await RangePdf.open(countingSource(new Uint8Array(await makePdf(2))));
    expect(await shared.pageSharesImages(2)).toBe(true);
    expect(await plain.pageSharesImages(1)).toBe(false);
  });

  it('copies pages asked for at the same time each with its own image', async () => {
    const scan = await RangePdf.open(countingSource(readScanFixture('shared-images-objstm.pdf')));
    const docs = await Promise.all(
      [3, 0, 2, 1].map(async (index) => {
        const out = await PDFDocument.create();
        out.addPage((await scan.copyPage(out, index)).page);
        return PDFDocument.load(await out.save());
      }),
    );
    expect(docs.map((doc) => pageLook(doc, 0).images)).toEqual(
      [3, 0, 2, 1].map((i) => [{ height: 175 + i, bytes: 3000 + i * 500 }]),
    );
  });

  it('names a page the scan does not have', async () => {
    const scan = await RangePdf.open(countingSource(new Uint8Array(await makePdf(2))));
    await expect(scan.copyPage(await PDFDocument.create(), 2)).rejects.toBeInstanceOf(
      PageNotInScanError,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts, degrees } from 'pdf-lib';
import { jpegHeaderOnly } from '../../../test/fixtures/make-images';
import { pagePictureOf, soleDrawing } from './page-picture-core';

const A4: [number, number] = [595, 842];

async function pageWith(
  draw: (doc: PDFDocument, page: ReturnType<PDFDocument['addPage']>) => Promise<void>,
) {
  const doc = await PDFDocument.create();
  const page = doc.addPage(A4);
  await draw(doc, page);
  // Read back as a scan would be: the content streams as saved, compressed.
  const read = await PDFDocument.load(await doc.save());
  return { doc: read, page: read.getPage(0) };
}

describe('pagePictureOf', () => {
  it('finds the JPEG of a page that is one scanned picture, with its sizes', async () => {
    const jpeg = jpegHeaderOnly(2480, 3508);
    const { doc, page } = await pageWith(async (d, p) => {
      p.drawImage(await d.embedJpg(jpeg), { x: 0, y: 0, width: 595, height: 842 });
    });
    const picture = pagePictureOf(doc, page);
    expect(picture).toMatchObject({
      box: { width: 595, height: 842 },
      rotate: 0,
      imageWidth: 2480,
      imageHeight: 3508,
    });
    expect([...(picture?.jpeg ?? [])]).toEqual([...jpeg]);
  });

  it('keeps the page’s own rotation', async () => {
    const { doc, page } = await pageWith(async (d, p) => {
      p.drawImage(await d.embedJpg(jpegHeaderOnly(100, 140)), {
        x: 0,
        y: 0,
        width: 595,
        height: 842,
      });
      p.setRotation(degrees(90));
    });
    expect(pagePictureOf(doc, page)?.rotate).toBe(90);
  });

  it('leaves to pdfjs a page with text, a picture with text, or a picture short of the page', async () => {
    const text = await pageWith(async (d, p) => {
      p.drawText('Trang 1', {
        x: 80,
        y: 700,
        size: 48,
        font: await d.embedFont(StandardFonts.Helvetica),
      });
    });
    const pictureAndText = await pageWith(async (d, p) => {
      p.drawImage(await d.embedJpg(jpegHeaderOnly(100, 140)), {
        x: 0,
        y: 0,
        width: 595,
        height: 842,
      });
      p.drawText('Trang 1', {
        x: 80,
        y: 700,
        size: 48,
        font: await d.embedFont(StandardFonts.Helvetica),
      });
    });
    const half = await pageWith(async (d, p) => {
      p.drawImage(await d.embedJpg(jpegHeaderOnly(100, 140)), {
        x: 0,
        y: 0,
        width: 297,
        height: 842,
      });
    });
    const blank = await pageWith(() => Promise.resolve());
    for (const { doc, page } of [text, pictureAndText, half, blank]) {
      expect(pagePictureOf(doc, page)).toBeNull();
    }
  });

  it('leaves to pdfjs a PNG picture (its pixels are not a file a browser decodes)', async () => {
    const png = await pageWith(async (d, p) => {
      const bytes = Uint8Array.from(
        atob(
          'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
        ),
        (c) => c.charCodeAt(0),
      );
      p.drawImage(await d.embedPng(bytes), { x: 0, y: 0, width: 595, height: 842 });
    });
    expect(pagePictureOf(png.doc, png.page)).toBeNull();
  });
});

describe('soleDrawing', () => {
  it('follows saved and restored transforms to the one image drawn', () => {
    expect(soleDrawing('q 1 0 0 1 10 20 cm q 595 0 0 842 0 0 cm /Im0 Do Q Q')).toEqual({
      name: '/Im0',
      matrix: [595, 0, 0, 842, 10, 20],
    });
  });

  it('refuses two images, paths and stray operands', () => {
    expect(soleDrawing('/Im0 Do /Im1 Do')).toBeNull();
    expect(soleDrawing('0 0 m 10 10 l S /Im0 Do')).toBeNull();
    expect(soleDrawing('1 0 0 1 cm /Im0 Do')).toBeNull();
  });
});

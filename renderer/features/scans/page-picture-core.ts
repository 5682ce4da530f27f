// Most scanned pages are one JPEG laid over the whole page, as scanners and phones write them.
// Such a page can be shown by decoding that JPEG straight to the size on screen, which costs a
// fraction of what pdfjs spends on the same page. This finds out whether a page is one: it
// draws exactly one plain JPEG, unturned, covering the page, and nothing else at all.
import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFRawStream,
  decodePDFRawStream,
  type PDFDocument,
  type PDFPage,
} from 'pdf-lib';

export interface PagePicture {
  /** The page as pdfjs shows it, in points, before its own /Rotate. */
  box: { width: number; height: number };
  /** The page's own /Rotate: 0, 90, 180 or 270. */
  rotate: number;
  /** The JPEG file itself: a DCTDecode stream holds it as it is. */
  jpeg: Uint8Array;
  imageWidth: number;
  imageHeight: number;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `m` applied after `ctm`, as the `cm` operator does. */
function concat(m: Matrix, ctm: Matrix): Matrix {
  const [a, b, c, d, e, f] = m;
  const [A, B, C, D, E, F] = ctm;
  return [
    a * A + b * C,
    a * B + b * D,
    c * A + d * C,
    c * B + d * D,
    e * A + f * C + E,
    e * B + f * D + F,
  ];
}

const TOKEN = /\/[^\s/[\]<>(){}%]*|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'"*]+|%[^\r\n]*|\S/g;

/**
 * Where the page's content draws its one image: the name used with `Do` and the matrix then
 * in force. Null when the content does anything but save, restore, transform and draw once.
 */
export function soleDrawing(content: string): { name: string; matrix: Matrix } | null {
  const stack: Matrix[] = [];
  let ctm = IDENTITY;
  const operands: string[] = [];
  let drawn: { name: string; matrix: Matrix } | null = null;
  for (const [token] of content.matchAll(TOKEN)) {
    if (token.startsWith('%')) continue;
    if (token.startsWith('/') || /^[-+.\d]/.test(token)) {
      operands.push(token);
      continue;
    }
    switch (token) {
      case 'q':
        stack.push(ctm);
        break;
      case 'Q':
        ctm = stack.pop() ?? IDENTITY;
        break;
      case 'cm': {
        const values = operands.slice(-6).map(Number);
        if (operands.length !== 6 || values.some((v) => !Number.isFinite(v))) return null;
        ctm = concat(values as Matrix, ctm);
        break;
      }
      case 'Do': {
        const name = operands[0];
        if (drawn || operands.length !== 1 || !name?.startsWith('/')) return null;
        drawn = { name: PDFName.of(name.slice(1)).asString(), matrix: ctm };
        break;
      }
      default:
        // Text, paths, colours, inline images, marked content: not a bare picture.
        return null;
    }
    operands.length = 0;
  }
  return operands.length === 0 ? drawn : null;
}

function contentText(doc: PDFDocument, page: PDFPage): string | null {
  const contents = page.node.Contents();
  const items =
    contents instanceof PDFArray
      ? contents.asArray().map((item) => doc.context.lookup(item))
      : [contents];
  const latin1 = new TextDecoder('latin1');
  const parts: string[] = [];
  for (const stream of items) {
    if (!(stream instanceof PDFRawStream)) return null;
    parts.push(latin1.decode(decodePDFRawStream(stream).decode()));
  }
  // Streams of one page join at token boundaries.
  return parts.join('\n');
}

function numberIn(dict: PDFDict, key: string): number | null {
  const value = dict.lookup(PDFName.of(key));
  return value instanceof PDFNumber ? value.asNumber() : null;
}

const DCT = PDFName.of('DCTDecode');

function isPlainJpeg(dict: PDFDict): boolean {
  const filter = dict.lookup(PDFName.of('Filter'));
  const isJpeg =
    filter === DCT ||
    (filter instanceof PDFArray && filter.size() === 1 && filter.lookup(0) === DCT);
  const colorSpace = dict.lookup(PDFName.of('ColorSpace'));
  return (
    dict.lookup(PDFName.of('Subtype')) === PDFName.of('Image') &&
    isJpeg &&
    // CMYK and ICC-based JPEGs may show other colours than pdfjs gives them: left to pdfjs.
    (colorSpace === PDFName.of('DeviceRGB') || colorSpace === PDFName.of('DeviceGray')) &&
    numberIn(dict, 'BitsPerComponent') === 8 &&
    !dict.has(PDFName.of('SMask')) &&
    !dict.has(PDFName.of('Mask')) &&
    !dict.has(PDFName.of('Decode'))
  );
}

/** The visible box of a page, as pdfjs takes it: the crop box within the media box. */
function viewBox(page: PDFPage): { x: number; y: number; width: number; height: number } {
  const media = page.getMediaBox();
  const crop = page.getCropBox();
  const x = Math.max(media.x, crop.x);
  const y = Math.max(media.y, crop.y);
  const right = Math.min(media.x + media.width, crop.x + crop.width);
  const top = Math.min(media.y + media.height, crop.y + crop.height);
  // A crop box outside the media box is ignored, as pdfjs does.
  if (right <= x || top <= y) return media;
  return { x, y, width: right - x, height: top - y };
}

/** How far the picture may miss the page's edges and still count as covering it, in points. */
const EDGE_TOLERANCE = 1.5;

/** The page's picture when the page is one plain JPEG covering it, else null. */
export function pagePictureOf(doc: PDFDocument, page: PDFPage): PagePicture | null {
  const content = contentText(doc, page);
  const drawing = content === null ? null : soleDrawing(content);
  if (!drawing) return null;
  const xObjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  const key = xObjects?.keys().find((candidate) => candidate.asString() === drawing.name);
  const stream = key && xObjects?.lookup(key);
  if (!(stream instanceof PDFRawStream) || !isPlainJpeg(stream.dict)) return null;
  const imageWidth = numberIn(stream.dict, 'Width');
  const imageHeight = numberIn(stream.dict, 'Height');
  if (!imageWidth || !imageHeight) return null;

  // Upright and unmirrored, filling the visible box edge to edge.
  const [a, b, c, d, e, f] = drawing.matrix;
  const box = viewBox(page);
  const near = (x: number, y: number) => Math.abs(x - y) <= EDGE_TOLERANCE;
  if (b !== 0 || c !== 0 || a <= 0 || d <= 0) return null;
  if (!near(e, box.x) || !near(f, box.y) || !near(a, box.width) || !near(d, box.height)) {
    return null;
  }
  const rotate = ((page.getRotation().angle % 360) + 360) % 360;
  if (rotate % 90 !== 0) return null;
  return {
    box: { width: box.width, height: box.height },
    rotate,
    jpeg: stream.contents,
    imageWidth,
    imageHeight,
  };
}

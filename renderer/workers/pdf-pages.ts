// Pages copied from a scanned PDF into an entry's PDF. Scanner software often gives every page
// one shared resources dictionary naming every page's image, and pdf-lib copies everything a
// page names: one entry's PDF would carry the whole book. Such a page gets its own resources
// holding only the images its content draws before it is copied. A page that is one JPEG, as
// scanners write them, can have that image swapped for a smaller encoding of it.
import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  decodePDFRawStream,
  degrees,
  type PDFContext,
  type PDFDocument,
  type PDFPage,
} from 'pdf-lib';

const XOBJECT = PDFName.of('XObject');
const RESOURCES = PDFName.of('Resources');
const DCT = PDFName.of('DCTDecode');

function contentBytes(doc: PDFDocument, page: PDFPage): Uint8Array[] {
  const contents = page.node.Contents();
  const streams =
    contents instanceof PDFArray
      ? contents.asArray().map((item) => doc.context.lookup(item))
      : [contents];
  return streams.flatMap((stream) =>
    stream instanceof PDFRawStream ? [decodePDFRawStream(stream).decode()] : [],
  );
}

/** Names used with the `Do` operator (draw an image or form) in a content stream. */
export function drawnXObjectNames(content: Uint8Array): Set<string> {
  // Latin-1 keeps one character per byte; names are ASCII with #xx escapes.
  const text = new TextDecoder('latin1').decode(content);
  const names = new Set<string>();
  for (const match of text.matchAll(/\/([^\s/[\]<>(){}%]+)\s*Do(?![^\s/[\]<>(){}%])/g)) {
    if (match[1]) names.add(PDFName.of(match[1]).asString());
  }
  return names;
}

/**
 * Gives the page resources of its own when its XObject dictionary names images the page does
 * not draw. Returns true when the page was rebuilt. The document is the export's own parse of
 * the scan, never written back.
 */
export function trimSharedImages(doc: PDFDocument, pageIndex: number): boolean {
  const page = doc.getPage(pageIndex);
  const resources = page.node.Resources();
  const xObjects = resources?.lookupMaybe(XOBJECT, PDFDict);
  if (!resources || !xObjects || xObjects.keys().length <= 1) return false;
  const used = new Set<string>();
  for (const content of contentBytes(doc, page)) {
    for (const name of drawnXObjectNames(content)) used.add(name);
  }
  const own = resourcesDrawing(resources, xObjects, used, doc.context);
  if (!own) return false;
  page.node.set(RESOURCES, own);
  return true;
}

/**
 * A copy of `resources` whose XObject dictionary keeps only the `drawn` names; null when it
 * names nothing else, so the page can keep the dictionary it has.
 */
export function resourcesDrawing(
  resources: PDFDict,
  xObjects: PDFDict,
  drawn: ReadonlySet<string>,
  context: PDFContext,
): PDFDict | null {
  const keep = xObjects.keys().filter((key) => drawn.has(key.asString()));
  if (keep.length === xObjects.keys().length) return null;
  const ownXObjects = context.obj({});
  for (const key of keep) {
    const value = xObjects.get(key);
    if (value) ownXObjects.set(key, value);
  }
  const own = resources.clone(context);
  own.set(XOBJECT, ownXObjects);
  return own;
}

/** Turns a page by the officer's saved rotation, on top of any rotation it already had. */
export function applyRotation(page: PDFPage, rotation: number): void {
  if (rotation % 360 === 0) return;
  page.setRotation(degrees((((page.getRotation().angle + rotation) % 360) + 360) % 360));
}

/** The one JPEG a scanned page is made of. */
export interface ScanImage {
  /** Its name in the page's XObject dictionary. */
  name: PDFName;
  ref: PDFRef;
  /** The JPEG file itself: a DCTDecode stream holds it as it is. */
  jpeg: Uint8Array;
  width: number;
  height: number;
}

function numberIn(dict: PDFDict, key: string): number | null {
  const value = dict.lookup(PDFName.of(key));
  return value instanceof PDFNumber ? value.asNumber() : null;
}

/**
 * The page's image when the page draws exactly one thing and that is a plain 8-bit JPEG (grey
 * or RGB, no mask, no decode array): then re-encoding it changes nothing but its bytes. Null for
 * anything else (vector pages, several images, CMYK, masks), which goes out as scanned.
 */
export function scanImageOf(doc: PDFDocument, page: PDFPage): ScanImage | null {
  const xObjects = page.node.Resources()?.lookupMaybe(XOBJECT, PDFDict);
  if (!xObjects) return null;
  const drawn = new Set<string>();
  for (const content of contentBytes(doc, page)) {
    for (const name of drawnXObjectNames(content)) drawn.add(name);
  }
  const [only, ...others] = drawn;
  if (!only || others.length > 0) return null;
  const name = xObjects.keys().find((key) => key.asString() === only);
  const ref = name && xObjects.get(name);
  if (!name || !(ref instanceof PDFRef)) return null;
  const stream = doc.context.lookup(ref);
  if (!(stream instanceof PDFRawStream)) return null;
  const size = plainJpegSize(stream.dict);
  return size && { name, ref, jpeg: stream.contents, ...size };
}

/**
 * The pixel size of an image XObject that is a plain 8-bit JPEG (grey or RGB, no mask, no
 * decode array), told by its dictionary alone; null for any other.
 */
export function plainJpegSize(dict: PDFDict): { width: number; height: number } | null {
  const filter = dict.lookup(PDFName.of('Filter'));
  const isJpeg =
    filter === DCT ||
    (filter instanceof PDFArray && filter.size() === 1 && filter.lookup(0) === DCT);
  const colorSpace = dict.lookup(PDFName.of('ColorSpace'));
  const isPlainColour =
    colorSpace === PDFName.of('DeviceRGB') || colorSpace === PDFName.of('DeviceGray');
  const width = numberIn(dict, 'Width');
  const height = numberIn(dict, 'Height');
  if (
    dict.lookup(PDFName.of('Subtype')) !== PDFName.of('Image') ||
    !isJpeg ||
    !isPlainColour ||
    numberIn(dict, 'BitsPerComponent') !== 8 ||
    dict.has(PDFName.of('SMask')) ||
    dict.has(PDFName.of('Mask')) ||
    dict.has(PDFName.of('Decode')) ||
    width === null ||
    height === null
  ) {
    return null;
  }
  return { width, height };
}

/**
 * Draws `replacement` where the page drew `image`, and drops the old image from the output.
 * The page's drawing matrix maps the image to its place whatever its pixel size, so the page
 * keeps its size, position and rotation.
 */
export function replaceScanImage(
  doc: PDFDocument,
  page: PDFPage,
  image: ScanImage,
  replacement: PDFRef,
): void {
  const resources = page.node.Resources();
  const xObjects = resources?.lookupMaybe(XOBJECT, PDFDict);
  if (!resources || !xObjects) return;
  // Copies, not edits: the dictionaries may be shared with the entry's other pages.
  const ownXObjects = xObjects.clone(doc.context);
  ownXObjects.set(image.name, replacement);
  const own = resources.clone(doc.context);
  own.set(XOBJECT, ownXObjects);
  page.node.set(RESOURCES, own);
  doc.context.delete(image.ref);
}

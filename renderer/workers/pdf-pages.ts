// Pages copied from a scanned PDF into an entry's PDF. Scanner software often gives every page
// one shared resources dictionary naming every page's image, and pdf-lib copies everything a
// page names: one entry's PDF would carry the whole book. Such a page gets its own resources
// holding only the images its content draws before it is copied.
import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFRawStream,
  decodePDFRawStream,
  degrees,
  type PDFContext,
  type PDFDocument,
  type PDFPage,
} from 'pdf-lib';

const XOBJECT = PDFName.of('XObject');
const RESOURCES = PDFName.of('Resources');

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

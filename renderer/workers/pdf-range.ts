// Pages of a stored scan PDF read by byte range. A book's scan is 100–300 MB; loading it whole
// (what pdf-lib's parser does) costs that much memory twice over on a 4 GB PC. The file's
// cross-reference sections say where every object starts, so a page needs only its own
// objects: its dictionary, content streams and the images it draws. Those are read, copied
// into the entry's PDF and dropped. Anything this reader does not understand (an encrypted
// file, a damaged cross-reference) makes it give up, and the caller loads the file whole.
import {
  JpegEmbedder,
  PDFArray,
  PDFContext,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFObjectParser,
  PDFPage,
  PDFPageLeaf,
  PDFRawStream,
  PDFRef,
  PDFStream,
  type PDFDocument,
  type PDFObject,
} from 'pdf-lib';
import { drawnXObjectNames, plainJpegSize, resourcesDrawing } from './pdf-pages';
import {
  FIRST_READ,
  RangeReadError,
  decodedBytes,
  firstAbove,
  latin1,
  parseIndirect,
  readCrossReference,
  unpackObjects,
  type ByteSource,
  type XrefEntry,
} from './pdf-xref';

export { blobSource } from './pdf-xref';

/** An entry names a page the scan does not have: no way of reading the file changes that. */
export class PageNotInScanError extends Error {
  override readonly name = 'PageNotInScanError';

  constructor(index: number) {
    super(`page ${index + 1} is not in the scan`);
  }
}

/** A page's one image as its dictionary describes it, its bytes not read. */
export interface ImageHead {
  width: number;
  height: number;
  /** The JPEG's length in the file. */
  bytes: number;
}

/**
 * The JPEG to draw instead of the page's one image, told by that image's dictionary alone
 * (a preparation made from it); null reads the image as scanned.
 */
export type ImageStandIn = (image: ImageHead) => Promise<Uint8Array | null>;

const name = (value: string) => PDFName.of(value);
const TYPE = name('Type');
const PARENT = name('Parent');
const RESOURCES = name('Resources');
const XOBJECT = name('XObject');
const CONTENTS = name('Contents');
/** Attributes a page may take from the page-tree nodes above it. */
const INHERITED = ['Resources', 'MediaBox', 'CropBox', 'Rotate'].map(name);
/** Objects a page never brings along: other pages, the page tree, the document. */
const NOT_COPIED = new Set([name('Page'), name('Pages'), name('Catalog')]);
/** Small objects are served from one window of the file read at a time. */
const WINDOW = 64 * 1024;
/** An image's dictionary is read from the first this many bytes of its object. */
const HEAD_READ = 4096;
/** One page's own objects above this mean it draws on far more than one page of scan. */
const MAX_PAGE_BYTES = 64 * 2 ** 20;

/** A scan PDF whose pages are read on demand. */
export class RangePdf {
  private readonly offsets: number[];
  private window: { start: number; bytes: Uint8Array } | null = null;
  private readonly packedStreamsRead = new Set<number>();
  private pageRefs: PDFRef[] | null = null;
  /** Streams read for the page being copied, dropped once it is copied. */
  private streamsRead: PDFRef[] = [];
  private bytesRead = 0;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly source: ByteSource,
    private readonly xref: Map<number, XrefEntry>,
    private readonly root: PDFRef,
    /** Every object read so far, under its number in the scan. */
    private readonly context: PDFContext,
  ) {
    const starts = [...xref.values()].flatMap((entry) =>
      entry.kind === 'offset' ? [entry.offset] : [],
    );
    this.offsets = [...new Set([...starts, source.size])].sort((a, b) => a - b);
  }

  /** Reads the cross-reference sections; throws RangeReadError on anything unexpected. */
  static async open(source: ByteSource): Promise<RangePdf> {
    const { xref, root, context } = await readCrossReference(source);
    return new RangePdf(source, xref, root, context);
  }

  async pageCount(): Promise<number> {
    return (await this.pages()).length;
  }

  /**
   * Copies one page into `out`: its own objects only, and of a resources dictionary shared by
   * every page only the images this page draws. Returns the page and whether it was trimmed.
   * With `standIn`, a page drawing one plain JPEG may draw the JPEG it gives instead; the
   * scan's image is then never read (`isStandIn`).
   */
  copyPage(
    out: PDFDocument,
    index: number,
    standIn?: ImageStandIn,
  ): Promise<{ page: PDFPage; rebuilt: boolean; isStandIn: boolean }> {
    return this.oneAtATime(async () => {
      const { leaf, rebuilt } = await this.ownLeaf(await this.pageRef(index));
      const scratch = PDFContext.create();
      const isStandIn = standIn ? await this.placeStandIn(leaf, standIn, scratch) : false;
      await this.gather(leaf, scratch);
      const copied = PDFObjectCopier.for(scratch, out.context).copy(leaf);
      const page = PDFPage.of(copied, out.context.register(copied), out);
      return { page, rebuilt, isStandIn };
    });
  }

  /**
   * Puts the stand-in JPEG into `scratch` under the number of the page's one image, when the
   * page draws exactly one image, a plain JPEG, and `standIn` gives one for it. Only the
   * image's dictionary is read.
   */
  private async placeStandIn(
    leaf: PDFDict,
    standIn: ImageStandIn,
    scratch: PDFContext,
  ): Promise<boolean> {
    const resources = await this.resolveValue(leaf.get(RESOURCES));
    const xObjects =
      resources instanceof PDFDict ? await this.resolveValue(resources.get(XOBJECT)) : undefined;
    if (!(xObjects instanceof PDFDict)) return false;
    const drawn = new Set<string>();
    for (const content of await this.contentStreams(leaf)) {
      for (const used of drawnXObjectNames(decodedBytes(content))) drawn.add(used);
    }
    const [only, ...others] = drawn;
    if (!only || others.length > 0) return false;
    const key = xObjects.keys().find((item) => item.asString() === only);
    const ref = key && xObjects.get(key);
    if (!(ref instanceof PDFRef)) return false;
    const head = await this.imageHead(ref);
    if (!head) return false;
    const jpeg = await standIn(head);
    if (!jpeg) return false;
    await (await JpegEmbedder.for(jpeg)).embedIntoContext(scratch, ref);
    return true;
  }

  /** A plain JPEG image's size and length, from its dictionary; null for anything else. */
  private async imageHead(ref: PDFRef): Promise<ImageHead | null> {
    const known = this.context.lookup(ref);
    let dict: PDFDict | null = known instanceof PDFRawStream ? known.dict : null;
    if (!dict) {
      const entry = this.xref.get(ref.objectNumber);
      if (entry?.kind !== 'offset') return null;
      dict = await this.readStreamDict(entry.offset);
    }
    const size = dict && plainJpegSize(dict);
    if (!dict || !size) return null;
    const length = await this.resolveValue(dict.get(name('Length')));
    if (!(length instanceof PDFNumber)) return null;
    return { ...size, bytes: length.asNumber() };
  }

  /** The dictionary of the stream object at `offset`, without its data; null when unsure. */
  private async readStreamDict(offset: number): Promise<PDFDict | null> {
    const next = this.offsets[firstAbove(this.offsets, offset)] ?? this.source.size;
    const bytes = await this.readRange(offset, Math.min(HEAD_READ, next - offset));
    const text = latin1.decode(bytes);
    const header = /^\s*\d+\s+\d+\s+obj/.exec(text);
    const end = /\bstream(\r\n|\n|\r)/.exec(text);
    if (!header || !end) return null;
    try {
      const dict = PDFObjectParser.forBytes(
        bytes.subarray(header[0].length, end.index),
        this.context,
      ).parseObject();
      return dict instanceof PDFDict ? dict : null;
    } catch {
      return null;
    }
  }

  /** Whether the page's resources name images it does not draw (images of other pages). */
  pageSharesImages(index: number): Promise<boolean> {
    return this.oneAtATime(async () => (await this.ownLeaf(await this.pageRef(index))).rebuilt);
  }

  /**
   * Runs reads one after another: the streams read for a page are dropped when it is done,
   * so two pages must not interleave.
   */
  private oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      this.streamsRead = [];
      this.bytesRead = 0;
      try {
        return await work();
      } finally {
        for (const stream of this.streamsRead) this.context.delete(stream);
        this.streamsRead = [];
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async pageRef(index: number): Promise<PDFRef> {
    const ref = (await this.pages())[index];
    if (!ref) throw new PageNotInScanError(index);
    return ref;
  }

  /** Leaf page references in page order. */
  private async pages(): Promise<PDFRef[]> {
    if (this.pageRefs) return this.pageRefs;
    const catalog = await this.resolve(this.root);
    if (!(catalog instanceof PDFDict)) throw new RangeReadError('no catalog');
    const refs: PDFRef[] = [];
    const visited = new Set<PDFRef>();
    const walk = async (node: PDFObject | undefined): Promise<void> => {
      if (!(node instanceof PDFRef) || visited.has(node)) return;
      visited.add(node);
      const dict = await this.resolve(node);
      if (!(dict instanceof PDFDict)) return;
      const kids = await this.resolveValue(dict.get(name('Kids')));
      if (kids instanceof PDFArray && dict.get(TYPE) !== name('Page')) {
        for (const kid of kids.asArray()) await walk(kid);
      } else if (dict.get(TYPE) !== name('Pages')) {
        refs.push(node);
      }
    };
    await walk(catalog.get(name('Pages')));
    this.pageRefs = refs;
    return refs;
  }

  /**
   * A new page dictionary standing for the scan's page: the attributes it inherits written
   * on it, no parent, and its own resources when the shared ones name images it never draws.
   */
  private async ownLeaf(ref: PDFRef): Promise<{ leaf: PDFPageLeaf; rebuilt: boolean }> {
    const original = await this.resolve(ref);
    if (!(original instanceof PDFDict)) throw new RangeReadError('page is not a dictionary');
    const leaf = PDFPageLeaf.fromMapWithContext(new Map(original.entries()), this.context);
    let ancestor = await this.resolveValue(original.get(PARENT));
    for (let depth = 0; ancestor instanceof PDFDict && depth < 64; depth++) {
      for (const key of INHERITED) {
        const value = ancestor.get(key);
        if (!leaf.has(key) && value) leaf.set(key, value);
      }
      ancestor = await this.resolveValue(ancestor.get(PARENT));
    }
    leaf.delete(PARENT);

    const resources = await this.resolveValue(leaf.get(RESOURCES));
    const xObjects =
      resources instanceof PDFDict ? await this.resolveValue(resources.get(XOBJECT)) : undefined;
    if (
      !(resources instanceof PDFDict) ||
      !(xObjects instanceof PDFDict) ||
      xObjects.keys().length <= 1
    ) {
      return { leaf, rebuilt: false };
    }
    const drawn = new Set<string>();
    for (const content of await this.contentStreams(leaf)) {
      for (const used of drawnXObjectNames(decodedBytes(content))) drawn.add(used);
    }
    const own = resourcesDrawing(resources, xObjects, drawn, this.context);
    if (!own) return { leaf, rebuilt: false };
    leaf.set(RESOURCES, own);
    return { leaf, rebuilt: true };
  }

  private async contentStreams(leaf: PDFDict): Promise<PDFRawStream[]> {
    const contents = await this.resolveValue(leaf.get(CONTENTS));
    const items = contents instanceof PDFArray ? contents.asArray() : [contents];
    const streams: PDFRawStream[] = [];
    for (const item of items) {
      const stream = await this.resolveValue(item);
      if (stream instanceof PDFRawStream) streams.push(stream);
    }
    return streams;
  }

  /**
   * Reads every object the page reaches into a context of its own, the one the copier copies
   * from: whatever is not in it (another page, the page tree) is left out of the entry's PDF.
   */
  private async gather(leaf: PDFPageLeaf, scratch: PDFContext): Promise<void> {
    const stack: (PDFObject | undefined)[] = [leaf];
    while (stack.length > 0) {
      const item = stack.pop();
      if (item instanceof PDFRef) {
        if (scratch.lookup(item) !== undefined) continue;
        const value = await this.resolve(item);
        if (value === undefined || isNotCopied(value)) continue;
        scratch.assign(item, value);
        stack.push(value);
      } else if (item instanceof PDFDict) {
        stack.push(...item.values());
      } else if (item instanceof PDFArray) {
        stack.push(...item.asArray());
      } else if (item instanceof PDFStream) {
        stack.push(item.dict);
      }
    }
  }

  private async resolveValue(value: PDFObject | undefined): Promise<PDFObject | undefined> {
    return value instanceof PDFRef ? this.resolve(value) : value;
  }

  private async resolve(ref: PDFRef): Promise<PDFObject | undefined> {
    const known = this.context.lookup(ref);
    if (known !== undefined) return known;
    const entry = this.xref.get(ref.objectNumber);
    if (!entry || entry.kind === 'free') return undefined;
    if (entry.kind === 'packed') {
      await this.readPackedStream(entry.stream);
      return this.context.lookup(ref);
    }
    const object = await this.readObject(entry.offset);
    this.context.assign(ref, object);
    if (object instanceof PDFRawStream) {
      this.streamsRead.push(ref);
      this.bytesRead += object.contents.length;
      if (this.bytesRead > MAX_PAGE_BYTES) throw new RangeReadError('page reaches too much');
    }
    return object;
  }

  /** The object at `offset`, read up to where the next object starts. */
  private async readObject(offset: number): Promise<PDFObject> {
    const next = this.offsets[firstAbove(this.offsets, offset)] ?? this.source.size;
    let length = next - offset;
    for (;;) {
      const bytes = await this.readRange(offset, length);
      try {
        return parseIndirect(bytes, this.context);
      } catch (error) {
        // Offsets out of order: read on, up to the end of the file.
        if (offset + length >= this.source.size) throw error;
        length = Math.min(this.source.size - offset, Math.max(length * 2, FIRST_READ));
      }
    }
  }

  /** Objects packed in an object stream, each kept only where the xref still points there. */
  private async readPackedStream(number: number): Promise<void> {
    if (this.packedStreamsRead.has(number)) return;
    this.packedStreamsRead.add(number);
    const entry = this.xref.get(number);
    if (entry?.kind !== 'offset') throw new RangeReadError('object stream not found');
    const stream = await this.readObject(entry.offset);
    if (!(stream instanceof PDFRawStream)) throw new RangeReadError('object stream expected');
    unpackObjects(stream, number, this.xref, this.context);
  }

  /** Small reads come from one window of the file; large ones are read as they are. */
  private async readRange(offset: number, length: number): Promise<Uint8Array> {
    const window = this.window;
    if (window && offset >= window.start && offset + length <= window.start + window.bytes.length) {
      return window.bytes.subarray(offset - window.start, offset - window.start + length);
    }
    if (length >= WINDOW) return this.source.read(offset, length);
    const bytes = await this.source.read(offset, Math.min(WINDOW, this.source.size - offset));
    this.window = { start: offset, bytes };
    return bytes.subarray(0, length);
  }
}

function isNotCopied(value: PDFObject): boolean {
  const dict = value instanceof PDFDict ? value : undefined;
  const type = dict?.get(TYPE);
  return type instanceof PDFName && NOT_COPIED.has(type);
}

// The cross-reference of a PDF read by byte range: where each object starts (or in which
// object stream it is packed), from the newest section back through the older ones, and the
// few stream and object decoders the range reader needs. Anything unexpected is a
// RangeReadError, and the caller reads the file whole instead.
import {
  PDFArray,
  PDFContext,
  PDFRef,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFObjectParser,
  PDFRawStream,
  decodePDFRawStream,
  type PDFObject,
} from 'pdf-lib';

/** A file read in pieces: a Blob in the worker, a file on disk in Node. */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    read: async (offset, length) =>
      new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
  };
}

/** Why the range reader gave up on a file; the export then loads it whole. */
export class RangeReadError extends Error {
  override readonly name = 'RangeReadError';
}

export type XrefEntry =
  | { kind: 'offset'; offset: number }
  | { kind: 'packed'; stream: number; index: number }
  /** Freed in a newer section: older sections' copies of it no longer count. */
  | { kind: 'free' };

const name = (value: string) => PDFName.of(value);
const TYPE = name('Type');

/** First read of a cross-reference section or object; doubled until it parses. */
export const FIRST_READ = 64 * 1024;

export const latin1 = new TextDecoder('latin1');

/** Undoes the PNG row filters of a cross-reference stream (Predictor 10–15). */
export function unpredictPng(data: Uint8Array, columns: number): Uint8Array {
  const rowLength = columns + 1;
  const rows = Math.floor(data.length / rowLength);
  const out = new Uint8Array(rows * columns);
  for (let row = 0; row < rows; row++) {
    const filter = data[row * rowLength] ?? 0;
    const source = row * rowLength + 1;
    const target = row * columns;
    for (let i = 0; i < columns; i++) {
      const raw = data[source + i] ?? 0;
      const left = i > 0 ? (out[target + i - 1] ?? 0) : 0;
      const up = row > 0 ? (out[target - columns + i] ?? 0) : 0;
      const upLeft = row > 0 && i > 0 ? (out[target - columns + i - 1] ?? 0) : 0;
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) {
        const estimate = left + up - upLeft;
        const toLeft = Math.abs(estimate - left);
        const toUp = Math.abs(estimate - up);
        const toUpLeft = Math.abs(estimate - upLeft);
        predicted = toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
      } else if (filter !== 0) throw new RangeReadError(`PNG filter ${filter}`);
      out[target + i] = (raw + predicted) & 0xff;
    }
  }
  return out;
}

export function decodedBytes(stream: PDFRawStream): Uint8Array {
  const bytes = decodePDFRawStream(stream).decode();
  const params = stream.dict.lookup(name('DecodeParms'));
  if (!(params instanceof PDFDict)) return bytes;
  const predictor = params.lookup(name('Predictor'));
  const value = predictor instanceof PDFNumber ? predictor.asNumber() : 1;
  if (value <= 1) return bytes;
  if (value < 10) throw new RangeReadError(`predictor ${value}`);
  const columns = params.lookup(name('Columns'));
  return unpredictPng(bytes, columns instanceof PDFNumber ? columns.asNumber() : 1);
}

export function numberIn(dict: PDFDict, key: string): number | undefined {
  const value = dict.lookup(name(key));
  return value instanceof PDFNumber ? value.asNumber() : undefined;
}

/** The object after an `N G obj` header; throws when the bytes end inside it. */
export function parseIndirect(bytes: Uint8Array, context: PDFContext): PDFObject {
  const header = /^\s*\d+\s+\d+\s+obj/.exec(latin1.decode(bytes.subarray(0, 64)));
  if (!header) throw new RangeReadError('no object header');
  return PDFObjectParser.forBytes(bytes.subarray(header[0].length), context).parseObject();
}

/** Index of the first value above `value` in an ascending list. */
export function firstAbove(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? Infinity) > value) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * One cross-reference section at `offset`, a table or a stream: adds the entries not already
 * known from a newer section and returns its trailer dictionary.
 */
export async function readXrefSection(
  source: ByteSource,
  offset: number,
  context: PDFContext,
  xref: Map<number, XrefEntry>,
): Promise<PDFDict> {
  let length = Math.min(FIRST_READ, source.size - offset);
  for (;;) {
    const bytes = await source.read(offset, length);
    try {
      const text = latin1.decode(bytes.subarray(0, 16)).trimStart();
      return text.startsWith('xref')
        ? readXrefTable(bytes, context, xref)
        : readXrefStream(parseIndirect(bytes, context), xref);
    } catch (error) {
      if (offset + length >= source.size) {
        throw error instanceof RangeReadError ? error : new RangeReadError(String(error));
      }
      length = Math.min(source.size - offset, length * 2);
    }
  }
}

function readXrefTable(
  bytes: Uint8Array,
  context: PDFContext,
  xref: Map<number, XrefEntry>,
): PDFDict {
  const text = latin1.decode(bytes);
  const found = new Map<number, XrefEntry>();
  const pattern = /\s*(\d+)\s+(\d+)\s*(?:([nf])(?=\s))?/y;
  pattern.lastIndex = text.indexOf('xref') + 4;
  let first = 0;
  let remaining = 0;
  for (;;) {
    const match = pattern.exec(text);
    if (!match) break;
    const [, a = '0', b = '0', kind] = match;
    if (remaining === 0) {
      if (kind) throw new RangeReadError('xref entry outside a subsection');
      first = Number(a);
      remaining = Number(b);
      continue;
    }
    if (!kind) throw new RangeReadError('short xref entry');
    found.set(first, kind === 'n' ? { kind: 'offset', offset: Number(a) } : { kind: 'free' });
    first += 1;
    remaining -= 1;
  }
  const trailerAt = text.indexOf('trailer', pattern.lastIndex);
  if (remaining > 0 || trailerAt < 0) throw new RangeReadError('xref table cut short');
  const trailer = PDFObjectParser.forBytes(bytes.subarray(trailerAt + 7), context).parseObject();
  if (!(trailer instanceof PDFDict)) throw new RangeReadError('no trailer dictionary');
  for (const [number, entry] of found) if (!xref.has(number)) xref.set(number, entry);
  return trailer;
}

function readXrefStream(object: PDFObject, xref: Map<number, XrefEntry>): PDFDict {
  if (!(object instanceof PDFRawStream) || object.dict.get(TYPE) !== name('XRef')) {
    throw new RangeReadError('no cross-reference at startxref');
  }
  const dict = object.dict;
  const widths = dict.lookup(name('W'));
  if (!(widths instanceof PDFArray) || widths.size() < 3) throw new RangeReadError('bad W');
  const [typeWidth = 0, fieldWidth = 0, thirdWidth = 0] = widths
    .asArray()
    .map((item) => (item instanceof PDFNumber ? item.asNumber() : 0));
  const index = dict.lookup(name('Index'));
  const ranges: number[] =
    index instanceof PDFArray
      ? index.asArray().map((item) => (item instanceof PDFNumber ? item.asNumber() : 0))
      : [0, numberIn(dict, 'Size') ?? 0];
  const rows = decodedBytes(object);
  const rowWidth = typeWidth + fieldWidth + thirdWidth;
  let at = 0;
  const field = (width: number, fallback: number) => {
    if (width === 0) return fallback;
    let value = 0;
    for (let i = 0; i < width; i++) value = value * 256 + (rows[at++] ?? 0);
    return value;
  };
  for (let r = 0; r + 1 < ranges.length; r += 2) {
    const first = ranges[r] ?? 0;
    const count = ranges[r + 1] ?? 0;
    for (let i = 0; i < count; i++) {
      if (at + rowWidth > rows.length) throw new RangeReadError('xref stream cut short');
      const type = field(typeWidth, 1);
      const second = field(fieldWidth, 0);
      const third = field(thirdWidth, 0);
      const number = first + i;
      if (xref.has(number)) continue;
      if (type === 1) xref.set(number, { kind: 'offset', offset: second });
      else if (type === 2) xref.set(number, { kind: 'packed', stream: second, index: third });
      else if (type === 0) xref.set(number, { kind: 'free' });
    }
  }
  return dict;
}

/**
 * Reads the cross-reference sections from the newest back (`startxref`, then `Prev` and hybrid
 * `XRefStm`): every object's place, and the catalog. Throws RangeReadError on anything unexpected.
 */
export async function readCrossReference(
  source: ByteSource,
): Promise<{ xref: Map<number, XrefEntry>; root: PDFRef; context: PDFContext }> {
  const tailStart = Math.max(0, source.size - 2048);
  const tail = latin1.decode(await source.read(tailStart, source.size - tailStart));
  const at = tail.lastIndexOf('startxref');
  const start = /^startxref\s+(\d+)/.exec(tail.slice(at))?.[1];
  if (at < 0 || start === undefined) throw new RangeReadError('no startxref');
  const context = PDFContext.create();
  const xref = new Map<number, XrefEntry>();
  const seen = new Set<number>();
  let newestTrailer: PDFDict | null = null;
  const pending = [Number(start)];
  while (pending.length > 0) {
    const offset = pending.shift() ?? 0;
    if (seen.has(offset)) continue;
    seen.add(offset);
    const trailer = await readXrefSection(source, offset, context, xref);
    newestTrailer ??= trailer;
    // A hybrid file's stream section comes before the older sections it updates.
    const hybrid = numberIn(trailer, 'XRefStm');
    const previous = numberIn(trailer, 'Prev');
    if (hybrid !== undefined) pending.unshift(hybrid);
    if (previous !== undefined) pending.push(previous);
  }
  if (!newestTrailer) throw new RangeReadError('no trailer');
  if (newestTrailer.get(name('Encrypt'))) throw new RangeReadError('encrypted');
  const root = newestTrailer.get(name('Root'));
  if (!(root instanceof PDFRef)) throw new RangeReadError('no catalog');
  return { xref, root, context };
}

/** Objects packed in an object stream, each kept only where the xref still points there. */
export function unpackObjects(
  stream: PDFRawStream,
  number: number,
  xref: Map<number, XrefEntry>,
  context: PDFContext,
): void {
  const first = numberIn(stream.dict, 'First') ?? 0;
  const count = numberIn(stream.dict, 'N') ?? 0;
  const bytes = decodedBytes(stream);
  const numbers = latin1.decode(bytes.subarray(0, first)).trim().split(/\s+/).map(Number);
  for (let i = 0; i < count; i++) {
    const objectNumber = numbers[2 * i];
    const at = numbers[2 * i + 1];
    if (objectNumber === undefined || at === undefined) break;
    const current = xref.get(objectNumber);
    if (current?.kind !== 'packed' || current.stream !== number) continue;
    const ref = PDFRef.of(objectNumber, 0);
    if (context.lookup(ref) !== undefined) continue;
    const parser = PDFObjectParser.forBytes(bytes.subarray(first + at), context);
    context.assign(ref, parser.parseObject());
  }
}

// The payload of a format-2 SoHoa file: a zip with one JSON entry per table (rows/<table>.json,
// scans without their bytes) and each scan's bytes as its own stored entry (scans/<n>, the nth
// row of rows/scans.json). Written piece by piece: a scan's bytes go from IndexedDB into Blob
// pieces without ever sitting whole in the page's memory. Read without a copy: a restored
// scan is a slice of the chosen file. The rows are plain JSON, so a 300 MB scan costs the
// page a few MB, not three copies as base64 text.
import {
  BlobReader,
  TextReader,
  ZipReader,
  ZipWriter,
  configure,
  type FileEntry,
} from '@zip.js/zip.js';

// No workers: the page's CSP allows none from blob: URLs, and the work is mostly copying.
configure({ useWebWorkers: false });

export const ROWS_PREFIX = 'rows/';
export const SCANS_PREFIX = 'scans/';
/** Bytes gathered before they are handed to the browser as one Blob piece. */
const PIECE_BYTES = 4 * 2 ** 20;
/** A table's JSON larger than this is not one we wrote (a whole province is far below). */
export const MAX_ROWS_ENTRY_BYTES = 256 * 2 ** 20;

/** Bytes done and the total, for a progress bar. */
export type ProgressListener = (done: number, total: number) => void;

/**
 * A stream whose bytes end up in a Blob, handed over in pieces of PIECE_BYTES: Chromium keeps
 * Blob data outside the page (and on disk when memory is short), so only one piece is here.
 */
export function blobSink(type = 'application/octet-stream') {
  const parts: Blob[] = [];
  let pending: Uint8Array<ArrayBuffer>[] = [];
  let pendingBytes = 0;
  const flush = () => {
    if (pendingBytes === 0) return;
    parts.push(new Blob(pending));
    pending = [];
    pendingBytes = 0;
  };
  const writable = new WritableStream<Uint8Array>({
    write(chunk) {
      // A copy: the writer may reuse its buffer once write() returns.
      pending.push(chunk.slice());
      pendingBytes += chunk.byteLength;
      if (pendingBytes >= PIECE_BYTES) flush();
    },
    close() {
      flush();
    },
  });
  return {
    writable,
    blob(): Blob {
      flush();
      return new Blob(parts, { type });
    },
  };
}

/** A scan row without its bytes, as rows/scans.json holds it. */
type ScanRow = Record<string, unknown> & { blob?: unknown };

/**
 * Writes the tables into a zip payload. `tables.scans` rows carry their Blob; it becomes the
 * entry scans/<n> and is left out of the row. Progress counts scan bytes, the long part.
 */
export async function writePayload(
  tables: Record<string, unknown[]>,
  onProgress?: ProgressListener,
): Promise<Blob> {
  const sink = blobSink();
  // Sizes and CRC after each entry's data (a data descriptor): the data streams through as it
  // is read, where sizes in the local header would have zip.js hold each scan back whole.
  const zip = new ZipWriter(sink.writable, { keepOrder: true });
  const scans = (tables.scans ?? []) as ScanRow[];
  const scanBlobs = scans.map((scan) => (scan.blob instanceof Blob ? scan.blob : new Blob([])));
  const total = scanBlobs.reduce((sum, blob) => sum + blob.size, 0);
  let done = 0;
  onProgress?.(0, total);
  for (const [name, rows] of Object.entries(tables)) {
    const plain =
      name === 'scans' ? (rows as ScanRow[]).map(({ blob: _blob, ...row }) => row) : rows;
    await zip.add(`${ROWS_PREFIX}${name}.json`, new TextReader(JSON.stringify(plain)));
  }
  for (const [index, blob] of scanBlobs.entries()) {
    // Scans are PDFs and JPEGs already compressed: stored, read back as they are.
    await zip.add(`${SCANS_PREFIX}${index}`, new BlobReader(blob), {
      level: 0,
      onprogress: (progress) => {
        onProgress?.(done + progress, total);
        return undefined;
      },
    });
    done += blob.size;
    onProgress?.(done, total);
  }
  await zip.close();
  return sink.blob();
}

export type PayloadResult =
  { ok: true; tables: Record<string, unknown[]> } | { ok: false; detail: string };

/**
 * A table's JSON, unpacked no further than the size the zip declares for it (itself within
 * MAX_ROWS_ENTRY_BYTES): an entry that says little and unfolds into gigabytes stops there.
 */
async function readRowsText(entry: FileEntry): Promise<string> {
  const limit = Math.min(entry.uncompressedSize, MAX_ROWS_ENTRY_BYTES);
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let total = 0;
  await entry.getData(
    new WritableStream<Uint8Array>({
      write(chunk) {
        total += chunk.byteLength;
        if (total > limit) throw new Error(`${entry.filename} unpacks beyond its size`);
        chunks.push(chunk.slice());
      },
    }),
    { checkSignature: true },
  );
  return new TextDecoder('utf-8', { fatal: true }).decode(await new Blob(chunks).arrayBuffer());
}

const LOCAL_HEADER_BYTES = 30;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;

/**
 * A stored scan as a slice of the payload itself: no copy, so a restore holds none of the
 * scan's bytes (the file on disk backs them until IndexedDB has its own). The whole payload's
 * SHA-256 was checked before: the bytes are those written. Null when the entry's local header
 * is not where the central directory says, or its data runs past the payload.
 */
async function scanSlice(payload: Blob, entry: FileEntry, type: string): Promise<Blob | null> {
  const header = new DataView(
    await payload.slice(entry.offset, entry.offset + LOCAL_HEADER_BYTES).arrayBuffer(),
  );
  if (header.byteLength < LOCAL_HEADER_BYTES) return null;
  if (header.getUint32(0, true) !== LOCAL_HEADER_SIGNATURE) return null;
  const start =
    entry.offset + LOCAL_HEADER_BYTES + header.getUint16(26, true) + header.getUint16(28, true);
  const end = start + entry.compressedSize;
  if (end > payload.size) return null;
  return payload.slice(start, end, type);
}

/**
 * Reads a payload back into rows, each scan row with its Blob again. Refuses entries it does
 * not know, scans that are compressed (a stored scan cannot grow) or missing, and rows that are
 * not lists. The rows themselves are checked by the caller (backup-rows.ts).
 */
export async function readPayload(
  payload: Blob,
  onProgress?: ProgressListener,
): Promise<PayloadResult> {
  const reader = new ZipReader(new BlobReader(payload));
  try {
    const entries = await reader.getEntries();
    const rows = new Map<string, FileEntry>();
    const scans = new Map<string, FileEntry>();
    for (const entry of entries) {
      // Zip tools add folder entries when a file is zipped again; they carry nothing.
      if (entry.directory) continue;
      const rowsName = /^rows\/([a-zA-Z]+)\.json$/.exec(entry.filename)?.[1];
      if (rowsName !== undefined && !rows.has(rowsName)) rows.set(rowsName, entry);
      else if (/^scans\/(0|[1-9]\d{0,8})$/.test(entry.filename) && !scans.has(entry.filename))
        scans.set(entry.filename, entry);
      else return { ok: false, detail: `unexpected entry ${entry.filename}` };
    }
    const tables: Record<string, unknown[]> = {};
    for (const [name, entry] of rows) {
      if (entry.uncompressedSize > MAX_ROWS_ENTRY_BYTES) {
        return { ok: false, detail: `${entry.filename} is too large` };
      }
      const parsed: unknown = JSON.parse(await readRowsText(entry));
      if (!Array.isArray(parsed)) return { ok: false, detail: `${entry.filename} is not a list` };
      tables[name] = parsed;
    }
    const scanRows = tables.scans ?? [];
    if (scanRows.length !== scans.size) {
      return { ok: false, detail: `${scans.size} scan entries for ${scanRows.length} scans` };
    }
    const total = [...scans.values()].reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    let done = 0;
    onProgress?.(0, total);
    for (const [index, row] of scanRows.entries()) {
      const entry = scans.get(`${SCANS_PREFIX}${index}`);
      if (!entry) return { ok: false, detail: `scan ${index} missing` };
      if (entry.compressionMethod !== 0 || entry.compressedSize !== entry.uncompressedSize) {
        return { ok: false, detail: `scan ${index} is not stored as is` };
      }
      if (typeof row !== 'object' || row === null) continue; // refused by the row check
      const scan = row as ScanRow;
      const type = typeof scan.mimeType === 'string' ? scan.mimeType : '';
      const blob = await scanSlice(payload, entry, type);
      if (!blob) return { ok: false, detail: `scan ${index} is not where the zip says` };
      scan.blob = blob;
      done += entry.uncompressedSize;
      onProgress?.(done, total);
    }
    return { ok: true, tables };
  } finally {
    await reader.close();
  }
}

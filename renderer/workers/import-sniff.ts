// What a picked file really is, from its first bytes: phones and scanners name files freely
// (an iPhone photo can arrive as "IMG_2041.JPG" holding HEIC), so the extension is never trusted.

export type FileKind = 'pdf' | 'jpeg' | 'png' | 'heic' | 'tiff' | 'unknown';

/** How many leading bytes `sniffKind` needs: PDF headers may sit anywhere in the first 1 KB. */
export const SNIFF_BYTES = 1024;

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
// ISO base media brands used by HEIC/HEIF stills and sequences (AVIF shares the container
// and is just as unreadable for the export, so it is refused the same way).
const HEIF_BRANDS = new Set([
  'heic',
  'heix',
  'heim',
  'heis',
  'hevc',
  'hevx',
  'hevm',
  'hevs',
  'mif1',
  'msf1',
  'avif',
  'avis',
]);

function startsWith(bytes: Uint8Array, magic: number[], at = 0): boolean {
  return magic.every((byte, i) => bytes[at + i] === byte);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

function isHeif(bytes: Uint8Array): boolean {
  if (ascii(bytes, 4, 8) !== 'ftyp') return false;
  const boxSize = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  const end = boxSize >= 16 ? Math.min(bytes.length, boxSize) : bytes.length;
  // Major brand, then the compatible brands after the minor version.
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(bytes, at, at + 4));
  return brands.some((brand) => HEIF_BRANDS.has(brand));
}

function findPdfHeader(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length, SNIFF_BYTES) - PDF_MAGIC.length;
  for (let at = 0; at <= limit; at++) if (startsWith(bytes, PDF_MAGIC, at)) return true;
  return false;
}

/** Classifies a file from its first `SNIFF_BYTES` bytes. */
export function sniffKind(head: Uint8Array): FileKind {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, PNG_MAGIC)) return 'png';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) {
    return 'tiff';
  }
  // BigTIFF, which some archival scanners write.
  if (startsWith(head, [0x49, 0x49, 0x2b, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2b])) {
    return 'tiff';
  }
  if (isHeif(head)) return 'heic';
  // Scanners sometimes put junk before the PDF header; the spec allows it within 1 KB.
  if (findPdfHeader(head)) return 'pdf';
  return 'unknown';
}

/** Reads just the head of a file: a 100 MB scan is never loaded to learn what it is. */
export async function sniffFile(file: Blob): Promise<FileKind> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  return sniffKind(head);
}

// Our own file: one JSON header line (what the file is, which app and schema wrote it, what it
// holds, the SHA-256 of the payload), then the payload. Format 2 payloads are a zip of the rows
// as JSON and the scans as their own entries (backup-payload.ts); format 1 payloads, written by
// earlier releases, are one dexie-export-import dump with the scans inside as text. The header
// commits to the whole payload through its SHA-256 and is read without reading the scans.
// A file is opened only after its header and checksum pass, so nothing is touched before that.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { z } from 'zod';
import {
  signHeader,
  signerSchema,
  verifyHeader,
  type SignatureCheck,
  type SigningKey,
} from './file-signature';

export const FILE_MAGIC = 'SOHOA-DATA';
/** Bumped when the envelope or the payload layout changes in a way older apps cannot read. */
export const FILE_FORMAT_VERSION = 2;
/** Files of earlier releases: the payload is a dexie-export-import dump. Still read. */
export const DUMP_FORMAT_VERSION = 1;
/** A header line longer than this is not ours. */
const MAX_HEADER_BYTES = 4 * 1024 * 1024;
const HASH_CHUNK_BYTES = 4 * 1024 * 1024;

export const fileKinds = ['backup', 'work-package'] as const;
export type FileKind = (typeof fileKinds)[number];

const bookSummarySchema = z.object({
  id: z.string().min(1),
  type: z.string(),
  templateVersion: z.string(),
  quyenSo: z.string(),
  year: z.number(),
  entries: z.number().int().nonnegative(),
});
export type BookSummary = z.infer<typeof bookSummarySchema>;

export const fileHeaderSchema = z.object({
  magic: z.literal(FILE_MAGIC),
  formatVersion: z.union([z.literal(DUMP_FORMAT_VERSION), z.literal(FILE_FORMAT_VERSION)]),
  kind: z.enum(fileKinds),
  appVersion: z.string(),
  schemaVersion: z.number().int().positive(),
  createdAt: z.number().int().nonnegative(),
  withScans: z.boolean(),
  /** Rows per table in the payload; checked again once the payload is read. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
  books: z.array(bookSummarySchema),
  /** Where the audit chain stood when the file was made; absent in older files. */
  auditHead: z.object({ count: z.number().int().nonnegative(), hash: z.string() }).optional(),
  payloadBytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The PC that made the file and its signature over the rest of the header (file-signature.ts). */
  signer: signerSchema.optional(),
  signature: z.string().optional(),
});
export type FileHeader = z.infer<typeof fileHeaderSchema>;
export type HeaderInput = Omit<
  FileHeader,
  'magic' | 'formatVersion' | 'payloadBytes' | 'sha256' | 'signer' | 'signature'
>;

/** Why a file was refused; the screen words each one for the officer. */
export type OpenProblem =
  | 'not-sohoa'
  | 'damaged'
  | 'newer-format'
  | 'newer-schema'
  | 'wrong-kind'
  | 'empty'
  | 'bad-signature';

export type OpenResult =
  | {
      ok: true;
      header: FileHeader;
      payload: Blob;
      /** Valid (and by whom) or unsigned; a file whose signature fails is refused. */
      signature: Exclude<SignatureCheck, { state: 'invalid' }>;
    }
  | { ok: false; problem: OpenProblem; detail: string };

/** SHA-256 of a blob, read in slices so a large backup never sits in memory twice. */
export async function hashBlob(blob: Blob): Promise<string> {
  const hash = sha256.create();
  for (let offset = 0; offset < blob.size; offset += HASH_CHUNK_BYTES) {
    const chunk = await blob.slice(offset, offset + HASH_CHUNK_BYTES).arrayBuffer();
    hash.update(new Uint8Array(chunk));
  }
  return bytesToHex(hash.digest());
}

/**
 * Wraps a payload in our header, signed with `key` when given; the result is the file the
 * officer keeps. The app always signs; only tests of older, unsigned files leave the key out.
 * The payload stays a Blob of pieces: the file is never one string or buffer in the page.
 */
export async function sealFile(
  input: HeaderInput,
  payload: Blob,
  options: { key?: SigningKey; formatVersion?: FileHeader['formatVersion'] } = {},
): Promise<Blob> {
  const unsigned: FileHeader = {
    magic: FILE_MAGIC,
    formatVersion: options.formatVersion ?? FILE_FORMAT_VERSION,
    ...input,
    payloadBytes: payload.size,
    sha256: await hashBlob(payload),
  };
  const header = options.key ? await signHeader(unsigned, options.key) : unsigned;
  return new Blob([JSON.stringify(header), '\n', payload], { type: 'application/octet-stream' });
}

const refuse = (problem: OpenProblem, detail: string): OpenResult => ({
  ok: false,
  problem,
  detail,
});

function looksLikeHeader(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads and checks a file: ours, not from a newer app, the expected kind, whole (size and
 * checksum). Touches no database.
 */
export async function openFile(
  file: Blob,
  options: { latestSchemaVersion: number; kind?: FileKind },
): Promise<OpenResult> {
  if (file.size === 0) return refuse('empty', 'the file is empty');
  const head = new Uint8Array(await file.slice(0, MAX_HEADER_BYTES).arrayBuffer());
  const newline = head.indexOf(0x0a);
  if (newline < 0) return refuse('not-sohoa', 'no header line');
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, newline)));
  } catch (error) {
    return refuse('not-sohoa', `header is not JSON: ${String(error)}`);
  }
  if (!looksLikeHeader(raw) || raw.magic !== FILE_MAGIC) {
    return refuse('not-sohoa', 'magic missing');
  }
  // Checked before the full shape: a newer format may have changed the rest of the header.
  if (typeof raw.formatVersion === 'number' && raw.formatVersion > FILE_FORMAT_VERSION) {
    return refuse('newer-format', `format ${raw.formatVersion} > ${FILE_FORMAT_VERSION}`);
  }
  if (typeof raw.schemaVersion === 'number' && raw.schemaVersion > options.latestSchemaVersion) {
    return refuse('newer-schema', `schema ${raw.schemaVersion} > ${options.latestSchemaVersion}`);
  }
  const parsed = fileHeaderSchema.safeParse(raw);
  if (!parsed.success) return refuse('damaged', `header: ${parsed.error.message}`);
  // Over the header as written, unknown fields included: it commits to the whole content.
  const signature = await verifyHeader(raw);
  if (signature.state === 'invalid') return refuse('bad-signature', signature.detail);
  const header = parsed.data;
  if (options.kind && header.kind !== options.kind) {
    return refuse('wrong-kind', `${header.kind}, expected ${options.kind}`);
  }
  const payload = file.slice(newline + 1);
  if (payload.size !== header.payloadBytes) {
    return refuse(
      'damaged',
      `payload is ${payload.size} bytes, header says ${header.payloadBytes}`,
    );
  }
  const actual = await hashBlob(payload);
  if (actual !== header.sha256) return refuse('damaged', 'checksum mismatch');
  return { ok: true, header, payload, signature };
}

// The app's database module opens the browser's IndexedDB when it loads: a fake one first.
import 'fake-indexeddb/auto';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import i18next from 'i18next';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeResult, SohoaBridge } from '../../../shared/bridge';
import { db, repo, session } from '../../db';
import { readSohoaFile } from '../../db/backup';
import { sampleBook } from '../../db/sample-data';
import { seedOfficer } from '../../db/test-harness';
import { translations } from '../../locales/resources';
import { useUiStore } from '../../store/ui-store';
import { createAutoBackups } from './auto-backup';
import { PIECE_BYTES } from './send-backup';

// The module reads window.sohoa and the build's version when it loads.
vi.hoisted(() => {
  const scope = globalThis as { window?: unknown; __APP_VERSION__?: string };
  scope.window ??= globalThis;
  scope.__APP_VERSION__ = '0.1.0';
});

const MB = 1024 * 1024;
const SCAN_BYTES = 5 * MB;

/** The desktop shell as the page sees it: the backup file gathered from its pieces. */
function fakeShell(freeBytes: number) {
  const pieces: Uint8Array<ArrayBuffer>[] = [];
  const files: Blob[] = [];
  const ok = <T>(value: T): Promise<BridgeResult<T>> => Promise.resolve({ ok: true, value });
  const bridge: Partial<SohoaBridge> = {
    getDiskSpace: () => ok({ free: freeBytes, total: 100_000 * MB }),
    backupOpen: () => ok({ sessionId: '0b6f4b8e-3c1a-4f6e-9a53-1f2d3c4b5a69' }),
    backupWrite: ({ data }) => {
      pieces.push(data.slice());
      return ok({ bytes: pieces.reduce((sum, piece) => sum + piece.byteLength, 0) });
    },
    backupCommit: () => {
      files.push(new Blob(pieces.splice(0)));
      return ok({ path: `/Sao lưu/sohoa-sao-luu-${files.length}.sohoa`, removed: [] });
    },
    backupAbort: () => ok(null),
  };
  return { bridge: bridge as SohoaBridge, files, writes: () => pieces.length };
}

function noise(bytes: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes);
  let x = 2463534242;
  for (let i = 0; i < bytes; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

let scanHash: string;

beforeAll(async () => {
  await i18next.init({
    resources: { vi: { translation: translations.vi } },
    lng: 'vi',
    interpolation: { escapeValue: false },
  });
});

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  session.signIn(await seedOfficer(db, 'admin'));
  useUiStore.setState({ notices: [] });
  const book = await repo.createBook(sampleBook);
  const bytes = noise(SCAN_BYTES);
  scanHash = bytesToHex(sha256(bytes));
  await repo.addScan(book.id, {
    fileName: 'so.pdf',
    mimeType: 'application/pdf',
    blob: new Blob([bytes]),
    pageCount: 1,
  });
  const entry = await repo.createEntry(book.id, null);
  await repo.saveFields(entry.id, { nksHoTen: 'Lò Văn Một' });
});

describe('automatic backups', () => {
  it('go to the shell in pieces and restore with the scans byte for byte', async () => {
    const shell = fakeShell(10_000 * MB);
    const pieceSizes: number[] = [];
    const write = shell.bridge.backupWrite.bind(shell.bridge);
    shell.bridge.backupWrite = (request) => {
      pieceSizes.push(request.data.byteLength);
      return write(request);
    };
    const written = await createAutoBackups(shell.bridge).run('daily');
    expect(written).toMatchObject({ books: 1, entries: 1 });
    expect(pieceSizes.length).toBeGreaterThan(1);
    expect(Math.max(...pieceSizes)).toBeLessThanOrEqual(PIECE_BYTES);
    const read = await readSohoaFile(shell.files[0]!, 'backup');
    if (!read.ok) throw new Error(read.detail);
    expect(read.preview).toMatchObject({ withScans: true, scans: 1, entries: 1 });
    const restored = new Uint8Array(await read.data.scans[0]!.blob.arrayBuffer());
    expect(bytesToHex(sha256(restored))).toBe(scanHash);
    expect(useUiStore.getState().notices).toEqual([]);
  });

  it('leave the scans out when the disk has no room for them, and say so once', async () => {
    const shell = fakeShell(150 * MB);
    const backups = createAutoBackups(shell.bridge);
    await backups.run('daily');
    await backups.run('entries');
    expect(shell.files).toHaveLength(2);
    for (const file of shell.files) {
      const read = await readSohoaFile(file, 'backup');
      if (!read.ok) throw new Error(read.detail);
      expect(read.preview).toMatchObject({ withScans: false, scans: 0, entries: 1 });
    }
    expect(useUiStore.getState().notices.map((notice) => notice.text)).toEqual([
      'Sao lưu tự động lần này không kèm bản scan (5 MB) vì ổ đĩa không còn đủ chỗ trống. Mọi trường hợp đã nhập vẫn được sao lưu đầy đủ. Hãy xoá bớt tệp không cần hoặc chọn thư mục sao lưu ở ổ đĩa khác.',
    ]);
  });

  it('take the scans when the officer asks, whatever the automatic rule says', async () => {
    const shell = fakeShell(150 * MB);
    await createAutoBackups(shell.bridge).run('manual', { withScans: true });
    const read = await readSohoaFile(shell.files[0]!, 'backup');
    expect(read.ok && read.preview.scans).toBe(1);
  });
});

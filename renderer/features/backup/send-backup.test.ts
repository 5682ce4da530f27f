import { describe, expect, it } from 'vitest';
import type { BridgeResult } from '../../../shared/bridge';
import { PIECE_BYTES, sendBackup } from './send-backup';

const SESSION = '0b6f4b8e-3c1a-4f6e-9a53-1f2d3c4b5a69';

/** The shell's side as the page sees it, keeping what it was sent. */
function fakeShell(failAt = -1) {
  const calls: string[] = [];
  const pieces: Uint8Array[] = [];
  const ok = <T>(value: T): Promise<BridgeResult<T>> => Promise.resolve({ ok: true, value });
  const shell = {
    calls,
    pieces,
    backupOpen: (request: { fileName: string; bytes: number; keep: number }) => {
      calls.push(`open ${request.bytes}`);
      return ok({ sessionId: SESSION });
    },
    backupWrite: ({ data }: { sessionId: string; data: Uint8Array }) => {
      calls.push(`write ${data.byteLength}`);
      if (pieces.length === failAt) {
        return Promise.resolve<BridgeResult<{ bytes: number }>>({
          ok: false,
          error: { code: 'disk-full', params: { name: 'sohoa-sao-luu-20261121-0700.sohoa' } },
        });
      }
      pieces.push(data);
      return ok({ bytes: pieces.reduce((sum, piece) => sum + piece.byteLength, 0) });
    },
    backupCommit: () => {
      calls.push('commit');
      return ok({ path: '/sao-luu/a.sohoa', removed: [] });
    },
    backupAbort: () => {
      calls.push('abort');
      return ok(null);
    },
  };
  return shell;
}

function bytes(n: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * 7) % 251;
  return out;
}

describe('sendBackup', () => {
  it('sends the size, then pieces of at most 4 MiB that make up the file, then commits', async () => {
    const shell = fakeShell();
    const file = bytes(2 * PIECE_BYTES + 123);
    const progress: number[] = [];
    const result = await sendBackup(shell, {
      fileName: 'sohoa-sao-luu-20261121-0700.sohoa',
      blob: new Blob([file]),
      keep: 10,
      onProgress: (done) => progress.push(done),
    });
    expect(result.ok).toBe(true);
    expect(shell.calls).toEqual([
      `open ${file.length}`,
      `write ${PIECE_BYTES}`,
      `write ${PIECE_BYTES}`,
      'write 123',
      'commit',
    ]);
    const received = Buffer.from(
      await new Blob(shell.pieces.map((piece) => piece.slice())).arrayBuffer(),
    );
    // Compared as buffers: a deep equal of 8 MB, element by element, takes a minute.
    expect(received.equals(Buffer.from(file))).toBe(true);
    expect(progress).toEqual([PIECE_BYTES, 2 * PIECE_BYTES, file.length]);
  });

  it('aborts and reports the shell’s message when a piece cannot be written', async () => {
    const shell = fakeShell(1);
    const result = await sendBackup(shell, {
      fileName: 'sohoa-sao-luu-20261121-0700.sohoa',
      blob: new Blob([bytes(3 * PIECE_BYTES)]),
      keep: 10,
    });
    expect(result.ok ? null : result.error.code).toBe('disk-full');
    expect(shell.calls.at(-1)).toBe('abort');
    expect(shell.calls).not.toContain('commit');
  });
});

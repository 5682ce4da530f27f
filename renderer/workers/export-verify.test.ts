import { describe, expect, it } from 'vitest';
import { jpegHeaderOnly } from '../../test/fixtures/make-images';
import { gateBundle, MAX_CHUNK_BYTES, verifyBundle } from './export-core';
import type { BundleFileKind } from './export-protocol';
import { book, entry, exportInMemory, mixedBook, sharedResourcesScan } from './export-test-book';

describe('streaming and verification', () => {
  it('streams the zip in bounded chunks whose hash and size are reported', async () => {
    const scan = await sharedResourcesScan(3, 3 * MAX_CHUNK_BYTES);
    const result = await exportInMemory(
      book(
        [1, 2, 3].map((n) => entry(n, [{ scanId: 's', indexInScan: n - 1 }])),
        [{ id: 's', data: new Blob([scan]) }],
      ),
    );
    expect(result.chunks.zip.length).toBeGreaterThan(3);
    expect(Math.max(...result.chunks.zip.map((chunk) => chunk.length))).toBeLessThanOrEqual(
      MAX_CHUNK_BYTES,
    );
    for (const file of result.written.files) {
      const bytes = result.files[file.kind];
      expect(file.bytes).toBe(bytes.length);
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes.slice()));
      expect(file.sha256).toBe([...digest].map((b) => b.toString(16).padStart(2, '0')).join(''));
    }
    expect(result.written.files.map((file) => file.name)).toEqual([
      result.gate.ok && result.gate.outline.files.xlsx,
      result.gate.ok && result.gate.outline.files.zip,
    ]);
  });

  it('gathers many small PDFs into few pieces, and re-reads them in few reads', async () => {
    const scan = await sharedResourcesScan(3, 150_000);
    const entries = Array.from({ length: 60 }, (_, i) =>
      entry(1, [{ scanId: 's', indexInScan: i % 3 }]),
    ).map((item, i) => {
      const given = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Lan'];
      const middle = ['Văn', 'Thị', 'Đức', 'Minh', 'Ngọc', 'Quang', 'Thu', 'Xuân'];
      const name = `Nguyễn ${middle[Math.floor(i / 8)]} ${given[i % 8]}`;
      return {
        ...item,
        id: `e${i + 1}`,
        fields: { ...item.fields, so: String(i + 1), nksHoTen: name },
      };
    });
    const result = await exportInMemory(book(entries, [{ id: 's', data: new Blob([scan]) }]));
    // 60 PDFs of about 150 kB: 9 MB in three pieces of at most MAX_CHUNK_BYTES.
    expect(result.files.zip.length).toBeGreaterThan(2 * MAX_CHUNK_BYTES);
    expect(result.chunks.zip).toHaveLength(Math.ceil(result.files.zip.length / MAX_CHUNK_BYTES));
    let reads = 0;
    const verification = await verifyBundle(
      {
        read: (kind, offset, length) => {
          reads += 1;
          return result.source.read(kind, offset, length);
        },
      },
      result.plan,
      result.written,
    );
    expect(verification).toMatchObject({ ok: true, pdfs: 60, pages: 60 });
    expect(reads).toBeLessThan(12);
  });

  it('re-reads the written bundle and finds it whole', async () => {
    const result = await exportInMemory(await mixedBook(jpegHeaderOnly(1240, 1754)), {
      recompress: null,
    });
    const verification = await verifyBundle(result.source, result.plan, result.written);
    expect(verification).toEqual({ ok: true, rows: 3, pdfs: 3, pages: 5, problems: [] });
  });

  it('notices a zip cut short and a workbook that is not one', async () => {
    const result = await exportInMemory(await mixedBook(jpegHeaderOnly(1240, 1754)), {
      recompress: null,
    });
    const damaged = {
      read: (kind: BundleFileKind, offset: number, length: number) =>
        Promise.resolve(
          kind === 'xlsx'
            ? new Uint8Array(length)
            : result.files.zip
                .slice(offset, offset + length)
                .map((byte, i) => (offset + i === 200 ? byte ^ 0xff : byte)),
        ),
    };
    const verification = await verifyBundle(damaged, result.plan, result.written);
    expect(verification.ok).toBe(false);
    expect(verification.problems.map((problem) => problem.check)).toEqual(
      expect.arrayContaining(['workbook', 'zip']),
    );
  });

  it('holds the book back before writing when an entry has an error', () => {
    const broken = entry(2, [{ scanId: 'pdf', indexInScan: 0 }]);
    broken.fields.ngayDangKy = '';
    const { gate } = gateBundle(book([entry(1, []), broken], []));
    expect(gate.ok).toBe(false);
    if (gate.ok) return;
    expect(gate.problems.some((problem) => problem.entryId === 'e2')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { Scan } from '../../db/types';
import { scanRowCache } from './scan-rows';

const scanOf = (id: string): Scan => ({
  id,
  bookId: 'b1',
  fileName: `${id}.pdf`,
  mimeType: 'application/pdf',
  size: 10,
  blob: new Blob([new Uint8Array(10)]),
  pageCount: 12,
  importedAt: 1,
});

function counted(known: string[]) {
  const reads: string[] = [];
  const read = (id: string) => {
    reads.push(id);
    return Promise.resolve(known.includes(id) ? scanOf(id) : undefined);
  };
  return { read, reads };
}

describe('the scan rows the viewer reads', () => {
  it('reads a file once for all the pages of it shown one after another', async () => {
    const db = counted(['s1']);
    const scanRow = scanRowCache(db.read);
    expect((await scanRow('s1'))?.fileName).toBe('s1.pdf');
    expect((await scanRow('s1'))?.fileName).toBe('s1.pdf');
    expect(db.reads).toEqual(['s1']);
  });

  it('asks again for a file that was not found', async () => {
    const db = counted([]);
    const scanRow = scanRowCache(db.read);
    expect(await scanRow('s9')).toBeUndefined();
    expect(await scanRow('s9')).toBeUndefined();
    expect(db.reads).toEqual(['s9', 's9']);
  });

  it('keeps only the last few files, however many a book has', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => `s${i}`);
    const db = counted(ids);
    const scanRow = scanRowCache(db.read, 8);
    for (const id of ids) await scanRow(id);
    await scanRow('s9');
    await scanRow('s0');
    expect(db.reads).toEqual([...ids, 's0']);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { sampleBook } from './sample-data';
import { freshIndexedDb, openAtVersion, uniqueName } from './test-harness';

describe('second keyings and keying samples', () => {
  beforeEach(() => freshIndexedDb());

  it('version 10 adds their tables and keeps what version 9 held', async () => {
    const name = uniqueName();
    const v9 = openAtVersion(name, 9);
    await v9.books.add({ ...sampleBook, id: 'b1', expectedCount: 40, createdAt: 1, updatedAt: 1 });
    await v9.arbitrations.add({
      id: 'e1',
      bookId: 'b1',
      entryId: 'e1',
      keyerA: 'o1',
      keyerB: 'o2',
      arbitratorId: 'o3',
      at: 3,
      fieldsVerified: 20,
      rulings: {},
      blames: [],
    });
    v9.close();

    const v10 = openAtVersion(name, 10);
    const book = await v10.books.get('b1');
    expect(book).toMatchObject({ expectedCount: 40 });
    // A book from before the checking modes is single-keyed, as it always was.
    expect(book?.checking).toBeUndefined();
    expect(await v10.arbitrations.count()).toBe(1);
    await v10.keyings.add({
      id: 'e1',
      bookId: 'b1',
      entryId: 'e1',
      by: 'o2',
      fields: { hoTen: 'Lê Văn A' },
      startedAt: 4,
      updatedAt: 5,
    });
    await v10.keyingSamples.add({
      id: 's1',
      bookId: 'b1',
      keyerId: 'o1',
      percent: 10,
      seed: 42,
      candidates: 10,
      entryIds: ['e1'],
      by: 'o3',
      at: 6,
    });
    expect(await v10.keyings.where('[bookId+by]').equals(['b1', 'o2']).count()).toBe(1);
    expect(await v10.keyingSamples.where('bookId').equals('b1').count()).toBe(1);
    v10.close();
  });
});

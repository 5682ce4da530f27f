import { beforeEach, describe, expect, it } from 'vitest';
import { sampleBook } from './sample-data';
import { freshIndexedDb, openAtVersion, uniqueName } from './test-harness';

describe('arbitrations', () => {
  beforeEach(() => freshIndexedDb());

  it('version 9 adds their table and keeps what version 8 held', async () => {
    const name = uniqueName();
    const v8 = openAtVersion(name, 8);
    await v8.books.add({ ...sampleBook, id: 'b1', expectedCount: 40, createdAt: 1, updatedAt: 1 });
    await v8.reconcileDecisions.add({
      id: 'e1|KS|1',
      sohoaId: 'e1',
      extractKey: 'KS|1',
      verdict: 'same',
      by: 'o1',
      at: 2,
    });
    v8.close();

    const v9 = openAtVersion(name, 9);
    expect(await v9.books.get('b1')).toMatchObject({ expectedCount: 40 });
    expect(await v9.reconcileDecisions.count()).toBe(1);
    expect(await v9.arbitrations.count()).toBe(0);
    await v9.arbitrations.add({
      id: 'e1',
      bookId: 'b1',
      entryId: 'e1',
      keyerA: 'o1',
      keyerB: 'o2',
      arbitratorId: 'o3',
      at: 3,
      fieldsVerified: 20,
      rulings: { hoTen: { kind: 'takeA' } },
      blames: [{ key: 'hoTen', a: false, b: true }],
    });
    expect(await v9.arbitrations.where('keyerB').equals('o2').count()).toBe(1);
    v9.close();
  });
});

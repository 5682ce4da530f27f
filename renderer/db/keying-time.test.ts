import { beforeEach, describe, expect, it } from 'vitest';
import { sampleBook } from './sample-data';
import { operatorSources } from './queries/stats';
import {
  freshIndexedDb,
  openAtVersion,
  openCurrent,
  seedOfficer,
  signedInRepositories,
  uniqueName,
} from './test-harness';

describe('keying time', () => {
  beforeEach(() => freshIndexedDb());

  it('version 11 adds its table and keeps what version 10 held', async () => {
    const name = uniqueName();
    const v10 = openAtVersion(name, 10);
    await v10.books.add({ ...sampleBook, id: 'b1', expectedCount: 40, createdAt: 1, updatedAt: 1 });
    await v10.arbitrations.add({
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
    v10.close();

    const v11 = openAtVersion(name, 11);
    expect(await v11.books.get('b1')).toMatchObject({ expectedCount: 40 });
    expect(await v11.arbitrations.count()).toBe(1);
    expect(await v11.keyingTime.count()).toBe(0);
    await v11.keyingTime.add({
      id: 'o1|b1|2026-12-03|first',
      officerId: 'o1',
      bookId: 'b1',
      day: '2026-12-03',
      pass: 'first',
      keystrokes: 120,
      totalSeconds: 300,
      pausedSeconds: 60,
      fieldsKeyed: 9,
      updatedAt: 4,
    });
    expect(await v11.keyingTime.where('officerId').equals('o1').count()).toBe(1);
    v11.close();
  });

  it('adds each batch to the row of its officer, book, day and pass', async () => {
    const db = openCurrent(uniqueName());
    await db.open();
    const { repo } = await signedInRepositories(db, 'entry');
    const slot = { officerId: 'o1', bookId: 'b1', day: '2026-12-03', pass: 'first' } as const;
    await repo.addKeyingTime([
      { ...slot, keystrokes: 10, totalSeconds: 20, pausedSeconds: 0, fieldsKeyed: 2 },
      { ...slot, pass: 'second', keystrokes: 4, totalSeconds: 5, pausedSeconds: 1, fieldsKeyed: 1 },
    ]);
    await repo.addKeyingTime([
      { ...slot, keystrokes: 5, totalSeconds: 70, pausedSeconds: 61, fieldsKeyed: 1 },
    ]);
    expect(await db.keyingTime.get('o1|b1|2026-12-03|first')).toMatchObject({
      keystrokes: 15,
      totalSeconds: 90,
      pausedSeconds: 61,
      fieldsKeyed: 3,
    });
    expect(await db.keyingTime.get('o1|b1|2026-12-03|second')).toMatchObject({ keystrokes: 4 });
    db.close();
  });

  it('lets a keyer read only their own keying time and arbitrations, a reviewer everyone’s', async () => {
    const db = openCurrent(uniqueName());
    await db.open();
    const { repo, officer: lan } = await signedInRepositories(db, 'entry');
    const minh = await seedOfficer(db, 'entry', 'Minh');
    const hoa = await seedOfficer(db, 'review', 'Hoa');
    const day = { bookId: 'b1', day: '2026-12-03', pass: 'first' } as const;
    const work = { keystrokes: 10, totalSeconds: 20, pausedSeconds: 0, fieldsKeyed: 2 };
    await repo.addKeyingTime([
      { ...day, officerId: lan.id, ...work },
      { ...day, officerId: minh.id, ...work },
    ]);
    const settled = (id: string, keyerA: string, keyerB: string) => ({
      id,
      bookId: 'b1',
      entryId: id,
      keyerA,
      keyerB,
      arbitratorId: hoa.id,
      at: 1,
      fieldsVerified: 10,
      rulings: {},
      blames: [],
    });
    await db.arbitrations.bulkAdd([
      settled('e1', lan.id, minh.id),
      settled('e2', minh.id, lan.id),
      settled('e3', minh.id, hoa.id),
    ]);

    const own = await operatorSources(db, lan.id);
    expect(own.onlyOfficerId).toBe(lan.id);
    expect(own.times.map((time) => time.officerId)).toEqual([lan.id]);
    expect(own.arbitrations.map((one) => one.id).sort()).toEqual(['e1', 'e2']);
    const all = await operatorSources(db, hoa.id);
    expect(all.onlyOfficerId).toBeNull();
    expect(all.times).toHaveLength(2);
    expect(all.arbitrations).toHaveLength(3);
    const nobody = await operatorSources(db, null);
    expect(nobody.times).toEqual([]);
    db.close();
  });
});

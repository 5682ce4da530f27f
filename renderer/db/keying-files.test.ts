// Blind double keying travels with the data: a backup restores every second keying,
// arbitration and sample; a work package carries its book's and the merge brings them in.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildBackup, buildWorkPackage, readSohoaFile } from './backup';
import type { SohoaDatabase } from './database';
import type { FileSigner } from './file-signature';
import type * as InstallationModule from './installation';
import type { Repositories } from './repositories';
import { sampleBook } from './sample-data';
import { freshIndexedDb, openCurrent, signedInRepositories, uniqueName } from './test-harness';

// This PC's signing key lives in a database of its own: here a fake-indexeddb one.
vi.mock('./installation', async (importOriginal) => {
  const real = await importOriginal<typeof InstallationModule>();
  let made: InstallationModule.Installation | undefined;
  const current = () => (made ??= real.createInstallation(`installation-${crypto.randomUUID()}`));
  return {
    ...real,
    installation: {
      signingKey: () => current().signingKey(),
      standing: (signer: FileSigner) => current().standing(signer),
    },
  };
});

interface Pc {
  db: SohoaDatabase;
  repo: Repositories;
}

async function newPc(): Promise<Pc> {
  const db = openCurrent(uniqueName('pc'));
  await db.open();
  return { db, repo: (await signedInRepositories(db)).repo };
}

let a: Pc;
let bookId: string;

beforeEach(async () => {
  freshIndexedDb();
  a = await newPc();
  bookId = (await a.repo.createBook(sampleBook)).id;
  for (const name of ['Lò Văn Một', 'Hà Thị Hai']) {
    const created = await a.repo.createEntry(bookId, null);
    await a.repo.saveFields(created.id, { nksHoTen: name });
  }
});

async function restoreOnNewPc(file: Blob) {
  const read = await readSohoaFile(file, 'backup');
  if (!read.ok) throw new Error(`${read.problem}: ${read.detail}`);
  const b = await newPc();
  await b.repo.restoreIntoEmpty(read.data);
  await read.discard();
  return { b };
}

describe('double keying in files', () => {
  /** A second keying, an arbitration and a sample for the first entry of `book`. */
  async function seedDoubleKeying(book: string, entryId: string, suffix: string) {
    await a.db.keyings.add({
      id: entryId,
      bookId: book,
      entryId,
      by: `keyer-b-${suffix}`,
      fields: { nksHoTen: `Tên ${suffix}` },
      startedAt: 1,
      updatedAt: 2,
      finishedAt: 3,
    });
    await a.db.arbitrations.add({
      id: entryId,
      bookId: book,
      entryId,
      keyerA: 'keyer-a',
      keyerB: `keyer-b-${suffix}`,
      arbitratorId: 'arbitrator',
      at: 4,
      fieldsVerified: 12,
      rulings: { nksHoTen: { kind: 'takeA' } },
      blames: [{ key: 'nksHoTen', a: false, b: true }],
    });
    await a.db.keyingSamples.add({
      id: `sample-${suffix}`,
      bookId: book,
      keyerId: 'keyer-a',
      percent: 10,
      seed: 7,
      candidates: 3,
      entryIds: [entryId],
      by: 'supervisor',
      at: 5,
    });
  }

  async function firstEntryOf(book: string): Promise<string> {
    const first = await a.db.records.where('bookId').equals(book).first();
    if (!first) throw new Error('no entry');
    return first.id;
  }

  it('are carried by a backup: second keyings, arbitrations and samples', async () => {
    await seedDoubleKeying(bookId, await firstEntryOf(bookId), 'x');
    const built = await buildBackup(a.db, { withScans: false, appVersion: '0.1.0' });
    const { b } = await restoreOnNewPc(built.blob);
    expect(await b.db.keyings.toArray()).toEqual(await a.db.keyings.toArray());
    expect(await b.db.arbitrations.toArray()).toEqual(await a.db.arbitrations.toArray());
    expect(await b.db.keyingSamples.toArray()).toEqual(await a.db.keyingSamples.toArray());
  });

  it("go in a work package with their book's entries, not another book's, and merge in", async () => {
    const other = (await a.repo.createBook({ ...sampleBook, quyenSo: '02/2008' })).id;
    await a.repo.createEntry(other, null);
    const mine = await firstEntryOf(bookId);
    await seedDoubleKeying(bookId, mine, 'x');
    await seedDoubleKeying(other, await firstEntryOf(other), 'y');
    const built = await buildWorkPackage(a.db, { bookId, appVersion: '0.1.0' });
    const read = await readSohoaFile(built.blob, 'work-package');
    if (!read.ok) throw new Error(read.detail);
    expect(read.data.keyings.map((row) => row.entryId)).toEqual([mine]);
    expect(read.data.arbitrations.map((row) => row.entryId)).toEqual([mine]);
    expect(read.data.keyingSamples.map((row) => row.id)).toEqual(['sample-x']);
    const b = await newPc();
    await b.repo.mergeFile(read.data, 'goi.sohoa');
    expect(await b.db.keyings.toArray()).toEqual([await a.db.keyings.get(mine)]);
    expect(await b.db.arbitrations.toArray()).toEqual([await a.db.arbitrations.get(mine)]);
    expect(await b.db.keyingSamples.toArray()).toEqual([await a.db.keyingSamples.get('sample-x')]);
  });
});

describe('the operator statistics and reconciliation in a merged backup', () => {
  /** One officer's first-keying time on the book for a day: keystrokes, seconds, paused, fields. */
  const time = (officerId: string, day: string, figures: [number, number, number, number]) => {
    const [keystrokes, totalSeconds, pausedSeconds, fieldsKeyed] = figures;
    return {
      officerId,
      bookId,
      day,
      pass: 'first' as const,
      keystrokes,
      totalSeconds,
      pausedSeconds,
      fieldsKeyed,
    };
  };

  /** A verdict on the pair of `entry` and extract row 7, written straight into `pc`. */
  const verdictOn = (pc: Pc, entry: string, verdict: 'same' | 'different', at: number) =>
    pc.db.reconcileDecisions.add({
      id: `${entry}|extract-7`,
      sohoaId: entry,
      extractKey: 'extract-7',
      verdict,
      by: 'someone',
      at,
    });

  async function backupOfA() {
    const built = await buildBackup(a.db, { withScans: false, appVersion: '0.1.0' });
    const read = await readSohoaFile(built.blob, 'backup');
    if (!read.ok) throw new Error(read.detail);
    return read.data;
  }

  it('brings the keying time and the reviewers’ decisions, counting no slot twice', async () => {
    const entry = (await a.db.records.where('bookId').equals(bookId).first())!.id;
    await a.repo.addKeyingTime(
      [
        time('keyer-1', '2026-11-30', [900, 600, 30, 70]),
        time('keyer-2', '2026-12-01', [400, 300, 0, 30]),
      ],
      1_000,
    );
    await a.repo.decideReconcilePair(entry, 'extract-7', 'same');
    const data = await backupOfA();

    // The PC it is merged into has its own, smaller count of one of those slots (the officer
    // began the day on it) and an older verdict on the same pair.
    const b = await newPc();
    await b.repo.addKeyingTime([time('keyer-1', '2026-11-30', [100, 60, 0, 5])], 500);
    await verdictOn(b, entry, 'different', 1);

    await b.repo.mergeFile(data, 'sao-luu.sohoa');
    await b.repo.mergeFile(data, 'sao-luu.sohoa');

    const times = await b.db.keyingTime.orderBy('id').toArray();
    expect(times.map((row) => [row.officerId, row.day, row.keystrokes, row.totalSeconds])).toEqual([
      ['keyer-1', '2026-11-30', 900, 600],
      ['keyer-2', '2026-12-01', 400, 300],
    ]);
    const decisions = await b.db.reconcileDecisions.toArray();
    expect(decisions.map((row) => [row.id, row.verdict])).toEqual([[`${entry}|extract-7`, 'same']]);
  });

  it('keeps this PC’s own later figures and decisions over older ones in the file', async () => {
    const entry = (await a.db.records.where('bookId').equals(bookId).first())!.id;
    await a.repo.addKeyingTime([time('keyer-1', '2026-11-30', [50, 40, 0, 3])], 1_000);
    await a.repo.decideReconcilePair(entry, 'extract-7', 'same');
    const data = await backupOfA();
    const b = await newPc();
    await b.repo.addKeyingTime([time('keyer-1', '2026-11-30', [700, 500, 10, 60])], 2_000);
    await verdictOn(b, entry, 'different', Number.MAX_SAFE_INTEGER);

    await b.repo.mergeFile(data, 'sao-luu.sohoa');

    const [kept] = await b.db.keyingTime.toArray();
    expect([kept!.keystrokes, kept!.totalSeconds, kept!.pausedSeconds, kept!.fieldsKeyed]).toEqual([
      700, 500, 10, 60,
    ]);
    expect((await b.db.reconcileDecisions.toArray()).map((row) => row.verdict)).toEqual([
      'different',
    ]);
  });
});

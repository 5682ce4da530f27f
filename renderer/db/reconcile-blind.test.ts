// The reconciliation reads every book of a register type; an entry waiting for its blind second
// keying must not reach it for an officer who may still key that entry again.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db, repo, session } from './index';
import { readBooksOfType } from './queries/reconcile';
import { sampleBook } from './sample-data';
import { completeKsFields, seedOfficer } from './test-harness';

vi.hoisted(() => {
  const scope = globalThis as { window?: unknown; __APP_VERSION__?: string };
  scope.window ??= globalThis;
  scope.__APP_VERSION__ = '0.1.0';
});

describe("the reconciliation's entries", () => {
  beforeAll(() => db.open());

  it('leave out a first keying waiting for its second to anyone but its keyer', async () => {
    const keyerA = await seedOfficer(db, 'entry', 'Nguyễn Thị An');
    const keyerB = await seedOfficer(db, 'review', 'Lê Văn Bình');
    session.signIn(keyerA);
    const book = await repo.createBook({ ...sampleBook, checking: 'double' });
    const entry = await repo.createEntry(book.id, null);
    await repo.saveFields(entry.id, completeKsFields);
    await repo.submitEntries([entry.id]);
    expect((await db.records.get(entry.id))?.status).toBe('keyedOnce');

    const forB = await readBooksOfType(book.type, keyerB.id);
    expect(forB.flatMap((one) => one.entries)).toEqual([]);
    expect(JSON.stringify(forB)).not.toContain(completeKsFields.nksHoTen);
    const forA = await readBooksOfType(book.type, keyerA.id);
    expect(forA.flatMap((one) => one.entries.map((e) => e.fields.nksHoTen))).toEqual([
      completeKsFields.nksHoTen,
    ]);
  });
});

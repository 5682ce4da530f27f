// Blind double keying in the data layer: the second keying kept apart from the entry and never
// the first keyer's, arbitration by a third officer written with the entry in one step, and
// the supervisor's recorded sample.
import { beforeEach, describe, expect, it } from 'vitest';
import { awaitingReview } from '../../shared/workflow/workflow';
import type { SohoaDatabase } from './database';
import { loadListRows } from './queries/entry-list';
import { recordRow } from './row-schemas';
import { secondKeyingQueue } from './queries/keying';
import type { Repositories } from './repositories';
import { sampleBook } from './sample-data';
import type { Session } from './session';
import { completeKsFields, reviewTeam, seedOfficer } from './test-harness';
import type { Person } from './types';

let db: SohoaDatabase;
let session: Session;
let repo: Repositories;
let keyerA: Person;
let keyerB: Person;
let arbitrator: Person;
let bookId: string;

const as = (officer: Person) => session.signIn(officer);

/** An entry keyed by A and sent on, as "Gửi rà soát" does. */
async function keyedByA(fields: Record<string, string> = completeKsFields): Promise<string> {
  as(keyerA);
  const entry = await repo.createEntry(bookId, null);
  await repo.saveFields(entry.id, fields);
  await repo.submitEntries([entry.id]);
  return entry.id;
}

/** B's own keying of the same slot, finished. */
async function keyedByB(id: string, fields: Record<string, string>): Promise<void> {
  as(keyerB);
  await repo.saveSecondKeying(id, fields);
  await repo.finishSecondKeying(id);
}

const bookDefaults = {
  so: '1',
  quyenSo: sampleBook.quyenSo,
  noiDangKy: sampleBook.noiDangKy,
  nguoiKy: sampleBook.nguoiKy,
  chucVuNguoiKy: sampleBook.chucVuNguoiKy,
  nguoiThucHien: sampleBook.nguoiThucHien,
};

beforeEach(async () => {
  ({ db, session, repo, typist: keyerA, reviewer: arbitrator } = await reviewTeam());
  keyerB = await seedOfficer(db, 'entry', 'Lê Thị Bình');
  as(keyerA);
  bookId = (await repo.createBook({ ...sampleBook, checking: 'double' })).id;
});

describe('a double-keyed book', () => {
  it('sends a keyed entry to a second keying instead of review, naming its first keyer', async () => {
    const id = await keyedByA();
    const entry = await db.records.get(id);
    expect(entry?.status).toBe('keyedOnce');
    expect(entry?.keying).toEqual({ a: keyerA.id });
    const events = await db.audit.where('entityId').equals(id).toArray();
    expect(events.map((event) => event.action)).toContain('key-first');
  });

  it('keeps a single-keyed book as it was: submitted for review', async () => {
    const single = await repo.createBook(sampleBook);
    const entry = await repo.createEntry(single.id, null);
    await repo.saveFields(entry.id, completeKsFields);
    const [submitted] = await repo.submitEntries([entry.id]);
    expect(submitted?.status).toBe('submitted');
    expect(submitted?.keying).toBeUndefined();
  });

  it('refuses the second keying to the first keyer, in the data layer', async () => {
    const id = await keyedByA();
    await expect(repo.saveSecondKeying(id, { nksHoTen: 'X' })).rejects.toMatchObject({
      code: 'same-keyer',
    });
    await expect(repo.finishSecondKeying(id)).rejects.toMatchObject({ code: 'same-keyer' });
    expect(await db.keyings.count()).toBe(0);
  });

  it("keeps the second keying apart from the entry, which still holds the first keyer's values", async () => {
    const id = await keyedByA();
    await keyedByB(id, { ...completeKsFields, ...bookDefaults, nksHoTen: 'Phạm Anh Dài' });
    const entry = await db.records.get(id);
    expect(entry?.status).toBe('keyedTwice');
    expect(entry?.fields.nksHoTen).toBe('Phạm Anh Đài');
    expect(entry?.keying).toEqual({ a: keyerA.id, b: keyerB.id });
    const keying = await db.keyings.get(id);
    expect(keying).toMatchObject({ by: keyerB.id, fields: { nksHoTen: 'Phạm Anh Dài' } });
    expect(keying?.finishedAt).toBeTypeOf('number');
  });

  it('lets only a third officer settle it, and only once every difference has a ruling', async () => {
    const id = await keyedByA();
    await keyedByB(id, {
      ...completeKsFields,
      ...bookDefaults,
      nksHoTen: 'Phạm Anh Dài',
      meHoTen: 'Nguyễn Thị Lang',
    });
    const reviewerB = await seedOfficer(db, 'review', 'Hồ Văn Ba');
    as(keyerB);
    await expect(repo.arbitrateEntry(id, {})).rejects.toMatchObject({ code: 'not-allowed' });
    await db.people.update(keyerB.id, { role: 'review' });
    await expect(repo.arbitrateEntry(id, {})).rejects.toMatchObject({ code: 'same-keyer' });
    as(reviewerB);
    await expect(repo.arbitrateEntry(id, { nksHoTen: { kind: 'takeA' } })).rejects.toMatchObject({
      code: 'arbitration-pending',
    });
    expect((await db.records.get(id))?.status).toBe('keyedTwice');
    expect(await db.arbitrations.count()).toBe(0);
  });

  it('writes the settled values, the arbitration and its events together, and approves', async () => {
    const id = await keyedByA();
    await keyedByB(id, {
      ...completeKsFields,
      ...bookDefaults,
      // Typed differently but the same after normalisation: not a difference.
      ngayDangKy: '27.10.2008',
      nksHoTen: 'Phạm Anh Dài',
      meHoTen: 'Nguyễn Thị Lang',
    });
    as(arbitrator);
    const settled = await repo.arbitrateEntry(id, {
      nksHoTen: { kind: 'takeA' },
      meHoTen: { kind: 'typed', value: 'Nguyễn Thị Lanh' },
    });
    expect(settled.status).toBe('approved');
    expect(settled.fields).toMatchObject({ nksHoTen: 'Phạm Anh Đài', meHoTen: 'Nguyễn Thị Lanh' });
    expect(settled.keying).toEqual({ a: keyerA.id, b: keyerB.id, arbitratedBy: arbitrator.id });
    const arbitration = await db.arbitrations.get(id);
    expect(arbitration).toMatchObject({
      id,
      bookId,
      entryId: id,
      keyerA: keyerA.id,
      keyerB: keyerB.id,
      arbitratorId: arbitrator.id,
      rulings: {
        nksHoTen: { kind: 'takeA' },
        meHoTen: { kind: 'typed', value: 'Nguyễn Thị Lanh' },
      },
      blames: [
        { key: 'nksHoTen', a: false, b: true },
        { key: 'meHoTen', a: true, b: true },
      ],
    });
    expect(arbitration?.fieldsVerified).toBeGreaterThanOrEqual(
      Object.keys(completeKsFields).length,
    );
    const actions = (await db.audit.where('entityId').equals(id).toArray()).map((e) => e.action);
    expect(actions.slice(-3)).toEqual(['edit', 'arbitrate', 'approve']);
  });

  it('leaves the settled entry to a reviewer where the book asks for one', async () => {
    await repo.updateBook(bookId, { reviewAfterArbitration: true });
    const id = await keyedByA();
    await keyedByB(id, { ...completeKsFields, ...bookDefaults });
    as(arbitrator);
    const settled = await repo.arbitrateEntry(id, {});
    expect(settled.status).toBe('arbitrated');
    expect(awaitingReview()).toContain('arbitrated');
    // The arbitrator may approve it; neither keyer may.
    as(keyerB);
    await db.people.update(keyerB.id, { role: 'review' });
    await expect(repo.approveEntry(id)).rejects.toMatchObject({ code: 'own-entry' });
    as(arbitrator);
    expect((await repo.approveEntry(id)).status).toBe('approved');
  });
});

describe("a supervisor's sample of a trusted keyer's entries", () => {
  it('draws the share asked for with a recorded seed and sends those entries to a second keying', async () => {
    const single = await repo.createBook(sampleBook);
    const ids: string[] = [];
    for (let i = 1; i <= 10; i += 1) {
      const entry = await repo.createEntry(single.id, null);
      await repo.saveFields(entry.id, { ...completeKsFields, so: String(i) });
      ids.push(entry.id);
    }
    await repo.submitEntries(ids);
    as(keyerB);
    await expect(
      repo.drawKeyingSample({ bookId: single.id, keyerId: keyerA.id, percent: 20 }),
    ).rejects.toMatchObject({ code: 'not-allowed' });
    as(arbitrator);
    const sample = await repo.drawKeyingSample({
      bookId: single.id,
      keyerId: keyerA.id,
      percent: 20,
      seed: 99,
    });
    expect(sample).toMatchObject({ keyerId: keyerA.id, percent: 20, seed: 99, candidates: 10 });
    expect(sample.entryIds).toHaveLength(2);
    expect(await db.keyingSamples.get(sample.id)).toEqual(sample);
    for (const id of ids) {
      const entry = await db.records.get(id);
      const drawn = sample.entryIds.includes(id);
      expect(entry?.status).toBe(drawn ? 'keyedOnce' : 'submitted');
      if (drawn) expect(entry?.keying).toEqual({ a: keyerA.id, sampleId: sample.id });
    }
    const bookEvent = (await db.audit.where('entityId').equals(single.id).toArray()).at(-1);
    expect(bookEvent).toMatchObject({ action: 'sample' });
    expect(JSON.parse(bookEvent?.newValue ?? '{}')).toMatchObject({
      seed: 99,
      entryIds: sample.entryIds,
    });
  });
});

describe('reopening an entry on its way through double keying', () => {
  it('is refused to its keyers, whose keyings must stay as they will be compared', async () => {
    const id = await keyedByA();
    await expect(repo.reopenEntry(id, 'Gõ nhầm tên')).rejects.toMatchObject({
      code: 'keying-in-progress',
    });
    expect((await db.records.get(id))?.status).toBe('keyedOnce');
    await keyedByB(id, { ...completeKsFields, nksHoTen: 'Phạm Anh Đại' });
    for (const keyer of [keyerA, keyerB]) {
      as(keyer);
      await expect(repo.reopenEntry(id, 'Gõ nhầm tên')).rejects.toMatchObject({
        code: 'keying-in-progress',
      });
    }
    const stored = await db.records.get(id);
    expect(stored?.status).toBe('keyedTwice');
    expect(stored?.fields.nksHoTen).toBe('Phạm Anh Đài');
    const events = await db.audit.where('entityId').equals(id).toArray();
    expect(events.map((event) => event.action)).not.toContain('reopen');
  });

  it('is refused to a typist who keyed neither side: taking it back is a supervisor’s call', async () => {
    const id = await keyedByA();
    const third = await seedOfficer(db, 'entry', 'Võ Văn Cường');
    as(third);
    await expect(repo.reopenEntry(id, 'Trường hợp ghi nhầm trang')).rejects.toMatchObject({
      code: 'not-allowed',
    });
    await keyedByB(id, completeKsFields);
    as(third);
    await expect(repo.reopenEntry(id, 'Trường hợp ghi nhầm trang')).rejects.toMatchObject({
      code: 'not-allowed',
    });
    expect((await db.records.get(id))?.status).toBe('keyedTwice');
    const events = await db.audit.where('entityId').equals(id).toArray();
    expect(events.map((event) => event.action)).not.toContain('reopen');
  });

  it('is left to a supervisor who keyed neither side, with a reason', async () => {
    const id = await keyedByA();
    as(arbitrator);
    const reopened = await repo.reopenEntry(id, 'Trường hợp ghi nhầm trang');
    expect(reopened.status).toBe('draft');
    // As a backup or a work package would carry it back.
    expect(recordRow.safeParse(await db.records.get(id)).success).toBe(true);
  });
});

describe('what the second keyer can read', () => {
  it('lists an entry waiting for its second keying only to its first keyer, and gives the second keyer its slot without its values', async () => {
    const id = await keyedByA();
    const query = { bookId, status: 'all' as const, search: { kind: 'none' as const } };
    const forA = await loadListRows(db, { ...query, viewerId: keyerA.id }, 'nksHoTen');
    expect(forA.map((row) => row.name)).toEqual(['Phạm Anh Đài']);
    const forB = await loadListRows(db, { ...query, viewerId: keyerB.id }, 'nksHoTen');
    expect(forB).toEqual([]);
    const slots = await secondKeyingQueue(db, bookId, keyerB.id);
    expect(slots).toEqual([expect.objectContaining({ entryId: id, position: 1, mine: undefined })]);
    expect(JSON.stringify(slots)).not.toContain('Phạm Anh Đài');
    expect(await secondKeyingQueue(db, bookId, keyerA.id)).toEqual([]);
    // Once B has started it, nobody else is offered it.
    as(keyerB);
    await repo.saveSecondKeying(id, { nksHoTen: 'Phạm Anh Đài' });
    const other = await seedOfficer(db, 'entry', 'Đỗ Văn Cường');
    expect(await secondKeyingQueue(db, bookId, other.id)).toEqual([]);
    as(other);
    await expect(repo.saveSecondKeying(id, { nksHoTen: 'X' })).rejects.toMatchObject({
      code: 'wrong-status',
    });
  });
});

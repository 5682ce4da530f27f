import { beforeEach, describe, expect, it } from 'vitest';
import { anchorAudit, readAnchors, restartAnchors } from './audit-anchors';
import { chain, GENESIS_HASH, verifyAuditChain } from './audit-chain';
import type { SohoaDatabase } from './database';
import type { Repositories } from './repositories';
import { sampleBook } from './sample-data';
import type { AuditEvent } from './types';
import { freshIndexedDb, openCurrent, signedInRepositories, uniqueName } from './test-harness';

let db: SohoaDatabase;
let repo: Repositories;

beforeEach(async () => {
  freshIndexedDb();
  db = openCurrent(uniqueName());
  await db.open();
  ({ repo } = await signedInRepositories(db));
  const book = await repo.createBook(sampleBook);
  const entry = await repo.createEntry(book.id, null);
  await repo.saveFields(entry.id, { nksHoTen: 'Phạm Anh Đài', nksNgaySinh: '27/08/2008' });
  await repo.saveFields(entry.id, { nksHoTen: 'Phạm Anh Đạt' });
});

describe('the audit chain', () => {
  it('verifies a log written through the repositories', async () => {
    expect(await verifyAuditChain(db.audit)).toEqual({ ok: true, checked: 5 });
  });

  it('names the first event whose content was edited', async () => {
    const events = await db.audit.orderBy('seq').toArray();
    const edited = events[2]!;
    await db.audit.put({ ...edited, newValue: 'Nguyễn Văn Khác' });
    expect(await verifyAuditChain(db.audit)).toMatchObject({
      ok: false,
      broken: { seq: edited.seq, problem: 'content' },
    });
  });

  it('notices an event removed from the middle, or a change of who did it', async () => {
    const events = await db.audit.orderBy('seq').toArray();
    await db.audit.delete(events[1]!.seq);
    expect(await verifyAuditChain(db.audit)).toMatchObject({
      ok: false,
      broken: { seq: events[2]!.seq, problem: 'link' },
    });
    await db.audit.put(events[1]!);
    expect((await verifyAuditChain(db.audit)).ok).toBe(true);
    await db.audit.put({ ...events[3]!, by: 'someone-else' });
    expect((await verifyAuditChain(db.audit)).broken?.seq).toBe(events[3]!.seq);
  });

  it('keeps chaining after events fail to be written', async () => {
    const entries = await db.records.toArray();
    await expect(repo.saveFields('missing', { so: '2' })).rejects.toThrow();
    await repo.saveFields(entries[0]!.id, { so: '7' });
    expect(await verifyAuditChain(db.audit)).toEqual({ ok: true, checked: 6 });
  });
});

describe('marks of the chain kept outside the database', () => {
  function memoryStore() {
    const items = new Map<string, string>();
    return {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
      removeItem: (key: string) => void items.delete(key),
    };
  }

  /** Rehashes the whole log from its first event, as someone covering their tracks would. */
  async function rehashAll(events: AuditEvent[]): Promise<void> {
    const linked = chain(
      events.map(({ seq: _seq, prevHash: _prev, hash: _hash, ...content }) => content),
      GENESIS_HASH,
    );
    // The numbers stay in order, as they were: only the content moved.
    const seqs = events.map((event) => event.seq!).sort((a, b) => a - b);
    await db.audit.clear();
    await db.audit.bulkAdd(linked.map((event, index) => ({ ...event, seq: seqs[index] })));
  }

  async function checkWith(store: ReturnType<typeof memoryStore>) {
    return verifyAuditChain(db.audit, readAnchors(db.name, store));
  }

  it('holds the chain to the mark of an export: intact, and still intact as it grows', async () => {
    const store = memoryStore();
    expect(await anchorAudit(db, 'export', store)).toMatchObject({ count: 5 });
    expect(await checkWith(store)).toEqual({ ok: true, checked: 5, anchors: 1 });
    const book = await repo.createBook({ ...sampleBook, quyenSo: '02/2009' });
    await repo.createEntry(book.id, null);
    expect(await checkWith(store)).toMatchObject({ ok: true, checked: 7, anchors: 1 });
  });

  it('finds the last five events dropped after a backup', async () => {
    const store = memoryStore();
    const book = await repo.createBook({ ...sampleBook, quyenSo: '02/2009' });
    await repo.createEntry(book.id, null);
    await anchorAudit(db, 'backup', store);
    const events = await db.audit.orderBy('seq').toArray();
    await db.audit.bulkDelete(events.slice(-5).map((event) => event.seq!));
    expect(await verifyAuditChain(db.audit)).toMatchObject({ ok: true });
    expect(await checkWith(store)).toMatchObject({
      ok: false,
      checked: events.length - 5,
      unanchored: { problem: 'truncated', anchor: { count: events.length, reason: 'backup' } },
    });
  });

  it('finds the whole log cleared', async () => {
    const store = memoryStore();
    await anchorAudit(db, 'package', store);
    await db.audit.clear();
    expect(await checkWith(store)).toMatchObject({
      ok: false,
      checked: 0,
      unanchored: { problem: 'cleared' },
    });
  });

  it('finds a chain rewritten with fresh hashes, or with two events swapped', async () => {
    const store = memoryStore();
    await anchorAudit(db, 'export', store);
    const events = await db.audit.orderBy('seq').toArray();
    const edited = events.map((event, index) =>
      index === 2 ? { ...event, newValue: 'Nguyễn Văn Khác' } : event,
    );
    await rehashAll(edited);
    expect(await verifyAuditChain(db.audit)).toMatchObject({ ok: true });
    expect(await checkWith(store)).toMatchObject({ unanchored: { problem: 'rewritten' } });

    await rehashAll(events);
    expect(await checkWith(store)).toMatchObject({ ok: true });
    const swapped = [...events];
    [swapped[1], swapped[3]] = [swapped[3]!, swapped[1]!];
    await rehashAll(swapped);
    expect(await checkWith(store)).toMatchObject({ unanchored: { problem: 'rewritten' } });
  });

  it('starts over from the restored log after a restore', async () => {
    const store = memoryStore();
    await anchorAudit(db, 'export', store);
    await db.audit.clear();
    await repo.createBook({ ...sampleBook, quyenSo: '03/2010' });
    await restartAnchors(db, store);
    expect(readAnchors(db.name, store)).toMatchObject([{ count: 1, reason: 'restore' }]);
    expect(await checkWith(store)).toEqual({ ok: true, checked: 1, anchors: 1 });
  });

  it('ignores marks it cannot read', () => {
    const store = memoryStore();
    store.setItem(`sohoa.auditAnchors.${db.name}`, '[{"count":"x"},');
    expect(readAnchors(db.name, store)).toEqual([]);
  });
});

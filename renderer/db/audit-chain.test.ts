import { beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from './audit-chain';
import type { SohoaDatabase } from './database';
import type { Repositories } from './repositories';
import { sampleBook } from './sample-data';
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

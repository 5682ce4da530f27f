import { beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from './audit-chain';
import type { SohoaDatabase } from './database';
import { TemplateDataLossError, type Repositories } from './repositories';
import { sampleBook } from './sample-data';
import { freshIndexedDb, openCurrent, signedInRepositories, uniqueName } from './test-harness';

let db: SohoaDatabase;
let repo: Repositories;

beforeEach(async () => {
  freshIndexedDb();
  db = openCurrent(uniqueName());
  await db.open();
  ({ repo } = await signedInRepositories(db));
});

/** A ks-70 book with one entry holding a personal ID (a column ks-60 lacks), approved. */
async function bookWithIdNumber() {
  const book = await repo.createBook(sampleBook);
  const entry = await repo.createEntry(book.id, null);
  await repo.saveFields(entry.id, { nksHoTen: 'Nguyễn Văn An', nksSoDinhDanh: '001208012345' });
  await db.records.update(entry.id, { status: 'approved' });
  const plain = await repo.createEntry(book.id, null);
  await repo.saveFields(plain.id, { nksHoTen: 'Lê Thị Hoa' });
  await db.records.update(plain.id, { status: 'approved' });
  return { book, entry, plain };
}

describe('moveBookToTemplate', () => {
  it('refuses a move that would lose typed values unless the officer agreed, changing nothing', async () => {
    const { book, entry } = await bookWithIdNumber();
    const auditBefore = await db.audit.count();
    const refusal = await repo
      .moveBookToTemplate(book.id, 'ks-60')
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(TemplateDataLossError);
    expect((refusal as TemplateDataLossError).plan.dropped).toContainEqual({
      key: 'nksSoDinhDanh',
      entriesWithData: 1,
    });
    expect((await db.books.get(book.id))?.templateVersion).toBe('ks-70');
    expect((await db.records.get(entry.id))?.fields.nksSoDinhDanh).toBe('001208012345');
    expect(await db.audit.count()).toBe(auditBefore);
  });

  it('moves the book and every entry when agreed: values kept where the column exists, logged', async () => {
    const { book, entry, plain } = await bookWithIdNumber();
    const before = await db.records.get(plain.id);
    const plan = await repo.moveBookToTemplate(book.id, 'ks-60', { allowDataLoss: true });
    expect(plan.losesData).toBe(true);

    expect((await db.books.get(book.id))?.templateVersion).toBe('ks-60');
    const moved = await db.records.get(entry.id);
    expect(moved?.templateVersion).toBe('ks-60');
    expect(moved?.fields.nksHoTen).toBe('Nguyễn Văn An');
    expect(moved?.fields).not.toHaveProperty('nksSoDinhDanh');
    // It lost a value, so what the reviewer approved is no longer what would be exported.
    expect(moved?.status).toBe('draft');
    // An entry that lost nothing keeps its approval; its revision still moves on.
    const untouched = await db.records.get(plain.id);
    expect(untouched?.status).toBe('approved');
    expect(untouched?.revision).toBe((before?.revision ?? 0) + 1);

    const bookEvents = await db.audit.where('entityId').equals(book.id).toArray();
    expect(bookEvents.at(-1)).toMatchObject({
      action: 'template',
      oldValue: 'ks-70',
      newValue: 'ks-60',
      reason: 'nksSoDinhDanh',
    });
    const entryEvents = await db.audit.where('entityId').equals(entry.id).toArray();
    expect(entryEvents.slice(-2)).toMatchObject([
      { action: 'edit', field: 'nksSoDinhDanh', oldValue: '001208012345', newValue: '' },
      { action: 'withdraw', oldValue: 'approved', newValue: 'draft' },
    ]);
    expect((await verifyAuditChain(db.audit)).broken).toBeUndefined();
  });

  it('moves 60 → 70 without asking: new columns start empty', async () => {
    const book = await repo.createBook({ ...sampleBook, templateVersion: 'ks-60' });
    const entry = await repo.createEntry(book.id, null);
    await repo.saveFields(entry.id, { nksHoTen: 'Nguyễn Văn An' });
    const plan = await repo.moveBookToTemplate(book.id, 'ks-70');
    expect(plan.losesData).toBe(false);
    const moved = await db.records.get(entry.id);
    expect(moved).toMatchObject({ templateVersion: 'ks-70' });
    expect(moved?.fields).toMatchObject({ nksHoTen: 'Nguyễn Văn An', nksSoDinhDanh: '' });
  });

  it('refuses another register type’s template', async () => {
    const book = await repo.createBook(sampleBook);
    await expect(repo.moveBookToTemplate(book.id, 'kt-48')).rejects.toThrow();
    expect((await db.books.get(book.id))?.templateVersion).toBe('ks-70');
  });
});

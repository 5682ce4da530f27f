import Dexie from 'dexie';
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SohoaDatabase } from '../db/database';
import { sampleBook } from '../db/sample-data';
import { freshIndexedDb, openCurrent, signedInRepositories, uniqueName } from '../db/test-harness';
import { classifyStorageError } from './storage-errors';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('classifyStorageError', () => {
  it('recognises the browser error itself', () => {
    expect(classifyStorageError(quota())).toBe('quota');
  });

  it('recognises it wrapped by Dexie, as a write or as an aborted commit', () => {
    expect(classifyStorageError(new Dexie.QuotaExceededError('put failed', quota()))).toBe('quota');
    // A commit that fails for space aborts the transaction: Dexie reports AbortError around it.
    expect(classifyStorageError(new Dexie.AbortError(quota()))).toBe('quota');
    expect(
      classifyStorageError(
        new Dexie.AbortError('Transaction aborted', new Dexie.AbortError(quota())),
      ),
    ).toBe('quota');
  });

  it('recognises it among the failures of a bulk write', () => {
    expect(classifyStorageError(new Dexie.BulkError('bulkAdd failed', { 3: quota() }))).toBe(
      'quota',
    );
  });

  it('recognises the legacy numeric code some browsers still use', () => {
    const legacy = new DOMException('Storage full', 'QuotaExceededError');
    expect(legacy.code).toBe(22);
    expect(classifyStorageError(Object.assign(new Error('wrapped'), { cause: legacy }))).toBe(
      'quota',
    );
  });

  it('does not call other failures a full disk', () => {
    expect(classifyStorageError(new Dexie.ConstraintError('Key already exists'))).toBe('other');
    expect(classifyStorageError(new Dexie.AbortError())).toBe('other');
    expect(classifyStorageError(new Dexie.DatabaseClosedError())).toBe('other');
    expect(classifyStorageError(new TypeError('x is undefined'))).toBe('other');
    expect(classifyStorageError('QuotaExceededError')).toBe('other');
    expect(classifyStorageError(null)).toBe('other');
    expect(classifyStorageError(undefined)).toBe('other');
  });

  it('stops on an error that contains itself', () => {
    const looped: { name: string; inner?: unknown } = { name: 'AbortError' };
    looped.inner = looped;
    expect(classifyStorageError(looped)).toBe('other');
  });
});

describe('a full disk while saving an entry', () => {
  let db: SohoaDatabase;

  beforeEach(async () => {
    freshIndexedDb();
    db = openCurrent(uniqueName());
    await db.open();
  });

  afterEach(() => {
    vi.restoreAllMocks();
    db.close();
  });

  it('is reported as quota through the real Dexie path and keeps the last saved values', async () => {
    const repo = (await signedInRepositories(db)).repo;
    const book = await repo.createBook(sampleBook);
    const entry = await repo.createEntry(book.id, null);
    await repo.saveFields(entry.id, { nksHoTen: 'Trần Thị Bình' });
    const auditBefore = await db.audit.count();

    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw quota();
    });
    const failure = await repo
      .saveFields(entry.id, { nksHoTen: 'Trần Thị Bình An', nksNoiSinh: 'Trạm y tế' })
      .then(
        () => null,
        (error: unknown) => error,
      );
    vi.restoreAllMocks();

    expect(failure).not.toBeNull();
    expect(classifyStorageError(failure)).toBe('quota');
    const stored = await db.records.get(entry.id);
    expect(stored?.fields.nksHoTen).toBe('Trần Thị Bình');
    expect(stored?.fields.nksNoiSinh).toBe('');
    expect(await db.audit.count()).toBe(auditBefore);
  });
});

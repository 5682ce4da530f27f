import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newEntryRecord, type Repositories } from './repositories';
import { sampleBook } from './sample-data';
import { carriedSigner } from './signer';
import { freshIndexedDb, openCurrent, signedInRepositories, uniqueName } from './test-harness';
import type { SohoaDatabase } from './database';

let db: SohoaDatabase;
let repo: Repositories;
let clock = Date.UTC(2026, 11, 1, 8);

/** Each step a second after the last, so "set after" never depends on the machine's speed. */
function tick(): void {
  clock += 1000;
  vi.setSystemTime(clock);
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  tick();
  freshIndexedDb();
  db = openCurrent(uniqueName());
  await db.open();
  ({ repo } = await signedInRepositories(db));
});

afterEach(() => {
  vi.useRealTimers();
});

const acting = { nguoiKy: 'Hà Văn Nam', chucVuNguoiKy: 'Phó Chủ tịch' };
const signerOf = (fields: Record<string, string>) => ({
  nguoiKy: fields.nguoiKy,
  chucVuNguoiKy: fields.chucVuNguoiKy,
});

describe('the signer of a new entry', () => {
  it('is the one typed over the book’s on the entry before, for every entry after it', async () => {
    const book = await repo.createBook(sampleBook);
    tick();
    const first = await repo.createEntry(book.id, null);
    tick();
    await repo.saveFields(first.id, acting);
    tick();
    const second = await repo.createEntry(book.id, null);
    expect(signerOf(second.fields)).toEqual(acting);
    tick();
    const third = await repo.createEntry(book.id, null);
    expect(signerOf(third.fields)).toEqual(acting);
  });

  it('is the entry on screen’s as typed, before it is saved', async () => {
    const book = await repo.createBook(sampleBook);
    tick();
    const first = await repo.createEntry(book.id, null);
    const onScreen = { fields: { ...first.fields, ...acting }, createdAt: first.createdAt };
    expect(signerOf(newEntryRecord(book, null, onScreen, Date.now()).fields)).toEqual(acting);
  });

  it('goes back to the book’s when the book’s signer is typed back on an entry', async () => {
    const book = await repo.createBook(sampleBook);
    tick();
    const first = await repo.createEntry(book.id, null);
    tick();
    await repo.saveFields(first.id, acting);
    tick();
    const second = await repo.createEntry(book.id, null);
    tick();
    await repo.saveFields(second.id, { nguoiKy: 'Lê Đức Tuấn', chucVuNguoiKy: 'Chủ tịch' });
    tick();
    const third = await repo.createEntry(book.id, null);
    expect(signerOf(third.fields)).toEqual({ nguoiKy: 'Lê Đức Tuấn', chucVuNguoiKy: 'Chủ tịch' });
  });

  it('is the book’s new signer once the book’s defaults are changed after the entry before', async () => {
    const book = await repo.createBook(sampleBook);
    tick();
    const first = await repo.createEntry(book.id, null);
    tick();
    await repo.saveFields(first.id, acting);
    tick();
    await repo.updateBook(book.id, { nguoiKy: 'Trần Văn Bảy', chucVuNguoiKy: 'Chủ tịch' });
    tick();
    const second = await repo.createEntry(book.id, null);
    expect(signerOf(second.fields)).toEqual({ nguoiKy: 'Trần Văn Bảy', chucVuNguoiKy: 'Chủ tịch' });
  });

  it('is the book’s when the entry before has none, and keeps the other defaults the book’s', () => {
    const book = { ...sampleBook, updatedAt: 0 };
    expect(carriedSigner(book, undefined)).toBeNull();
    expect(carriedSigner(book, { fields: { nguoiKy: ' ', chucVuNguoiKy: 'Phó Chủ tịch' } })).toBe(
      null,
    );
    // A name without a title takes the book's title rather than none.
    expect(carriedSigner(book, { fields: { nguoiKy: 'Hà Văn Nam' } })).toEqual({
      nguoiKy: 'Hà Văn Nam',
      chucVuNguoiKy: sampleBook.chucVuNguoiKy,
    });
    expect(carriedSigner(book, { fields: { ...acting }, updatedAt: 10 })).toEqual(acting);
  });
});

// The one declaration of the tables agrees with the schema history, and says which tables a
// backup and a work package carry.
import { describe, expect, it } from 'vitest';
import { checkRows } from './backup-rows';
import { sampleBook } from './sample-data';
import { cumulativeStores } from './schema';
import { backupTableNames, packageTableNames, tables } from './tables';

describe('the table declaration', () => {
  it('names every table with the indexes the latest schema version gives it', () => {
    const declared = Object.fromEntries(
      Object.entries(tables).map(([name, table]) => [name, table.indexes]),
    );
    expect(declared).toEqual(cumulativeStores());
  });

  it('puts everything in a backup but what is made again from the scans', () => {
    expect(backupTableNames).not.toContain('preparedPages');
    expect(backupTableNames).toEqual(expect.arrayContaining(['books', 'records', 'audit']));
  });

  it('sends one book’s work to another PC, without its officers or the conflicts here', () => {
    expect([...packageTableNames].sort()).toEqual(
      [
        'arbitrations',
        'books',
        'exchanges',
        'keyingSamples',
        'keyings',
        'pages',
        'records',
        'scans',
      ].sort(),
    );
  });

  it('refuses a row that does not fit its declared shape, naming table and row', () => {
    const book = { ...sampleBook, id: 'b1', expectedCount: null, createdAt: 1, updatedAt: 1 };
    const officer = { id: 'p1', name: 'An', role: 'chief', createdAt: 1 };
    const result = checkRows({ books: [book], people: [officer] });
    expect(result).toMatchObject({ ok: false, table: 'people', row: 1 });
  });

  it('fills what an older file did not store and keeps fields it does not know', () => {
    const book: Record<string, unknown> = { ...sampleBook, id: 'b1', createdAt: 1, updatedAt: 1 };
    delete book.noiDangKy;
    book.laterField = 'x';
    book.exportTargetBytesPerPage = 0;
    const result = checkRows({ books: [book] });
    expect(result.ok && result.data.books[0]).toMatchObject({
      noiDangKy: '',
      expectedCount: null,
      laterField: 'x',
    });
    expect(result.ok && result.data.books[0]?.exportTargetBytesPerPage).toBeUndefined();
  });
});

// Every table of the database declared once: its indexes as of the latest schema version, the
// shape of its rows, whether a backup carries it, and how far it travels beyond this PC.
// The row types (types.ts), the file check (backup-rows.ts), what a backup and a work package
// hold and what a restore empties are all read from here; schema.ts keeps each version's history.
import type { z } from 'zod';
import {
  arbitrationRow,
  auditRow,
  bookRow,
  conflictRow,
  exchangeRow,
  exportRow,
  keyingRow,
  keyingSampleRow,
  pageRow,
  personRow,
  preparedPageRow,
  reconcileDecisionRow,
  recordRow,
  scanRow,
  settingRow,
} from './row-schemas';
import { keyingTimeRow } from './row-schemas-keying-time';

/**
 * How far a table's rows travel: 'package' rows go to another PC in a work package (one book's
 * work) and would be shared with a team's server; 'team' rows would be shared with that server
 * but no work package carries them; 'pc' rows are this PC's alone (its officers and their PINs,
 * the conflicts waiting for its supervisor, what it derived from the scans).
 */
export type Reach = 'package' | 'team' | 'pc';

export interface TableDeclaration {
  /** Dexie's index string as of the latest schema version, the primary key first. */
  indexes: string;
  /** Every row as stored; rows read back from a file are checked against it. */
  row: z.ZodType;
  /** Whether a backup carries the table (and a restore empties and refills it). */
  inBackup: boolean;
  reach: Reach;
}

export const tables = {
  books: { indexes: 'id, createdAt', row: bookRow, inBackup: true, reach: 'package' },
  scans: { indexes: 'id, bookId', row: scanRow, inBackup: true, reach: 'package' },
  pages: {
    indexes: 'id, bookId, scanId, [bookId+order]',
    row: pageRow,
    inBackup: true,
    reach: 'package',
  },
  records: {
    indexes:
      'id, bookId, [bookId+status], [bookId+createdAt], [bookId+fields.so], updatedAt, [bookId+nameKey]',
    row: recordRow,
    inBackup: true,
    reach: 'package',
  },
  // Officers and their PINs belong to this PC: a file never adds or changes one (except a restore).
  people: { indexes: 'id, name', row: personRow, inBackup: true, reach: 'pc' },
  audit: { indexes: '++seq, entityId, at, by, pc', row: auditRow, inBackup: true, reach: 'team' },
  // The data's settings, and what this PC alone remembers (setting-keys.ts says which is which).
  settings: { indexes: 'key', row: settingRow, inBackup: true, reach: 'team' },
  localSettings: { indexes: 'key', row: settingRow, inBackup: false, reach: 'pc' },
  exports: { indexes: 'id, bookId, at', row: exportRow, inBackup: true, reach: 'team' },
  // Each entry as it last went out or came in: sent along so the other PC can tell who changed it.
  exchanges: { indexes: 'id, bookId', row: exchangeRow, inBackup: true, reach: 'package' },
  conflicts: { indexes: 'id, bookId', row: conflictRow, inBackup: true, reach: 'pc' },
  // Made again from the scans whenever missing, so neither backed up nor sent.
  preparedPages: {
    indexes: 'id, bookId, scanId',
    row: preparedPageRow,
    inBackup: false,
    reach: 'pc',
  },
  // A reviewer's verdicts on pairs the reconciliation was unsure of, re-used by later extracts;
  // a backup keeps them, a work package does not carry them.
  reconcileDecisions: {
    indexes: 'id, sohoaId, extractKey',
    row: reconcileDecisionRow,
    inBackup: true,
    reach: 'team',
  },
  // Entries keyed twice and settled by a third officer: a backup keeps them and a work package
  // carries its book's, so either PC counts the same keyer and verifier errors.
  arbitrations: {
    indexes: 'id, bookId, at, keyerA, keyerB, arbitratorId',
    row: arbitrationRow,
    inBackup: true,
    reach: 'package',
  },
  // Second, blind keyings of entries, waiting for arbitration or settled: one book's work.
  keyings: {
    indexes: 'id, bookId, [bookId+by]',
    row: keyingRow,
    inBackup: true,
    reach: 'package',
  },
  // A supervisor's random samples of a trusted keyer's entries sent to a second keying.
  keyingSamples: {
    indexes: 'id, bookId, at',
    row: keyingSampleRow,
    inBackup: true,
    reach: 'package',
  },
  // Keystrokes and time keyed per officer, book, day and pass; a backup keeps them.
  keyingTime: {
    indexes: 'id, officerId, bookId, day',
    row: keyingTimeRow,
    inBackup: true,
    reach: 'team',
  },
} as const satisfies Record<string, TableDeclaration>;

export type StoredTableName = keyof typeof tables;

/** A row's named fields, without the room its schema leaves for fields it does not name. */
export type Named<T> = { [K in keyof T as string extends K ? never : K]: T[K] };

/** The row type of a table, as its schema outputs it. */
export type RowOf<Name extends StoredTableName> = Named<z.output<(typeof tables)[Name]['row']>>;

/** The tables a backup carries. */
export type BackupTableName = {
  [Name in StoredTableName]: (typeof tables)[Name]['inBackup'] extends true ? Name : never;
}[StoredTableName];

const names = Object.keys(tables) as StoredTableName[];

/** The tables a backup carries, in declaration order. */
export const backupTableNames = names.filter(
  (name): name is BackupTableName => tables[name].inBackup,
);

/** The tables a work package carries (it keeps only the rows of its book): part of a backup too. */
export const packageTableNames = backupTableNames.filter(
  (name) => tables[name].reach === 'package',
);

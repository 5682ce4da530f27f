// Every schema version the app has ever shipped, oldest first. Versions only add tables or
// indexes; each upgrade has a test that seeds the previous version (migrations.test.ts,
// migrations/*.test.ts). An upgrade lives in migrations/ with its own copy of whatever code it
// needs, so a later change to live code cannot change what an old upgrade does. The tables as
// they are now, with their rows, are declared in tables.ts.
import type { Transaction } from 'dexie';
import { upgradeToV2 } from './migrations/v2';
import { upgradeToV3 } from './migrations/v3';
import { upgradeToV6 } from './migrations/v6';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const schemaVersions: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      books: 'id, createdAt',
      scans: 'id, bookId',
      pages: 'id, bookId, scanId, [bookId+order]',
      records: 'id, bookId, [bookId+status], [bookId+createdAt], [bookId+fields.so], updatedAt',
      people: 'id, name',
      audit: '++seq, entityId, at',
      settings: 'key',
      exports: 'id, bookId, at',
    },
  },
  {
    // Finds entries about the same person without reading the whole book (duplicate
    // warnings, name search).
    version: 2,
    stores: {
      books: 'id, createdAt',
      scans: 'id, bookId',
      pages: 'id, bookId, scanId, [bookId+order]',
      records:
        'id, bookId, [bookId+status], [bookId+createdAt], [bookId+fields.so], updatedAt, [bookId+nameKey]',
      people: 'id, name',
      audit: '++seq, entityId, at',
      settings: 'key',
      exports: 'id, bookId, at',
    },
    upgrade: upgradeToV2,
  },
  {
    // Officers: each audit event names who did it and is hash-chained to the one before.
    // Events written before this version are chained as they are, attributed to nobody.
    version: 3,
    stores: {
      books: 'id, createdAt',
      scans: 'id, bookId',
      pages: 'id, bookId, scanId, [bookId+order]',
      records:
        'id, bookId, [bookId+status], [bookId+createdAt], [bookId+fields.so], updatedAt, [bookId+nameKey]',
      people: 'id, name',
      audit: '++seq, entityId, at, by',
      settings: 'key',
      exports: 'id, bookId, at',
    },
    upgrade: upgradeToV3,
  },
  {
    // Moving work between PCs: the state of each entry when it last went out or came in, and
    // entries changed on both sides waiting for a supervisor. Only the new tables are listed;
    // Dexie carries the others forward.
    version: 4,
    stores: {
      exchanges: 'id, bookId',
      conflicts: 'id, bookId',
    },
  },
  {
    // Scan pages made ready for export in the background after import (export-ready JPEGs),
    // so the export need not re-encode them. Derived from the scans: nothing to migrate; pages
    // of books imported before are prepared when the book is next opened.
    version: 5,
    stores: {
      preparedPages: 'id, bookId, scanId',
    },
  },
  {
    // What one PC remembers (the screen to reopen, the viewer per book, its automatic backups)
    // apart from the data's settings, so a backup or a restore no longer carries it
    // (setting-keys.ts says which key goes where).
    version: 6,
    stores: {
      localSettings: 'key',
    },
    upgrade: upgradeToV6,
  },
  {
    // Each audit event names the PC that wrote it, so two PCs' logs put side by side never mix
    // up their events (each PC numbers its own from 1). Events written before keep no PC id and
    // their hashes: nothing to migrate, only the index to find one PC's events.
    version: 7,
    stores: {
      audit: '++seq, entityId, at, by, pc',
    },
  },
  {
    // Reconciliation: a person's decision on an entry and an extract row the linker was unsure
    // of, kept so a later extract of the same rows re-uses it. A new table: nothing to migrate.
    version: 8,
    stores: {
      reconcileDecisions: 'id, sohoaId, extractKey',
    },
  },
  {
    // Blind double keying: a third officer's settlement of each entry keyed twice, from which
    // the operator statistics count keyer and verifier errors. A new table: nothing to migrate.
    version: 9,
    stores: {
      arbitrations: 'id, bookId, at, keyerA, keyerB, arbitratorId',
    },
  },
  {
    // Blind double keying: each entry's second keying, kept apart from the entry until it is
    // settled, and the supervisors' random samples of a trusted keyer's entries. New tables:
    // nothing to migrate; books without a checking mode stay single-keyed.
    version: 10,
    stores: {
      keyings: 'id, bookId, [bookId+by]',
      keyingSamples: 'id, bookId, at',
    },
  },
  {
    // Operator statistics: keystrokes and time keyed per officer, book, day and pass, the
    // paused time (locked or idle) inside it. A new table: nothing to migrate.
    version: 11,
    stores: {
      keyingTime: 'id, officerId, bookId, day',
    },
  },
];

/** Every table and its indexes as of the latest version (later versions list only changes). */
export function cumulativeStores(upToVersion = Number.POSITIVE_INFINITY): Record<string, string> {
  const stores: Record<string, string> = {};
  for (const step of schemaVersions) {
    if (step.version > upToVersion) break;
    Object.assign(stores, step.stores);
  }
  return stores;
}

export const latestSchemaVersion = schemaVersions[schemaVersions.length - 1]?.version ?? 1;

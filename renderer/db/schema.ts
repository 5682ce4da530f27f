// Every schema version the app has ever shipped, oldest first. Versions only add tables or
// indexes; each upgrade has a test in migrations.test.ts that seeds the previous version.
import type { Transaction } from 'dexie';
import { getTemplate } from '../../shared/registers';
import { chain, GENESIS_HASH, type AuditInput } from './audit-chain';
import { nameKeyOf } from './name-key';
import type { AuditEvent, EntryRecord } from './types';

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
    upgrade: async (tx) => {
      await tx
        .table<EntryRecord>('records')
        .toCollection()
        .modify((record) => {
          record.nameKey = nameKeyOf(getTemplate(record.templateVersion), record.fields);
          record.acknowledgements ??= [];
        });
    },
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
    upgrade: async (tx) => {
      const audit = tx.table<AuditEvent, number>('audit');
      const legacy = await audit.orderBy('seq').toArray();
      const chained = chain(
        legacy.map(({ seq: _seq, ...event }): AuditInput => ({ ...event, by: event.by ?? '' })),
        GENESIS_HASH,
      );
      await audit.bulkPut(chained.map((event, i) => ({ ...event, seq: legacy[i]!.seq })));
    },
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
    // Reconciliation: a person's decision on an entry and an extract row the linker was unsure
    // of, kept so a later extract of the same rows re-uses it. A new table: nothing to migrate.
    version: 6,
    stores: {
      reconcileDecisions: 'id, sohoaId, extractKey',
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

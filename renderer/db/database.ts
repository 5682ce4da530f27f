// One database class and one instance. Strict durability: a transaction resolves only once
// the browser has flushed it to disk, so "Đã lưu" survives a power cut. Each table and its rows
// are declared in tables.ts; the versions that built them, in schema.ts.
import Dexie, { type EntityTable } from 'dexie';
import { schemaVersions } from './schema';
import type {
  AuditEvent,
  Book,
  EntryConflict,
  EntryRecord,
  ExchangeState,
  ExportRun,
  LocalSetting,
  Page,
  Person,
  PreparedPage,
  Arbitration,
  Keying,
  KeyingSample,
  KeyingTime,
  ReconcileDecision,
  Scan,
  Setting,
} from './types';

export const DB_NAME = 'sohoa';

export class SohoaDatabase extends Dexie {
  books!: EntityTable<Book, 'id'>;
  scans!: EntityTable<Scan, 'id'>;
  pages!: EntityTable<Page, 'id'>;
  records!: EntityTable<EntryRecord, 'id'>;
  people!: EntityTable<Person, 'id'>;
  audit!: EntityTable<AuditEvent, 'seq'>;
  settings!: EntityTable<Setting, 'key'>;
  localSettings!: EntityTable<LocalSetting, 'key'>;
  exports!: EntityTable<ExportRun, 'id'>;
  exchanges!: EntityTable<ExchangeState, 'id'>;
  conflicts!: EntityTable<EntryConflict, 'id'>;
  preparedPages!: EntityTable<PreparedPage, 'id'>;
  reconcileDecisions!: EntityTable<ReconcileDecision, 'id'>;
  arbitrations!: EntityTable<Arbitration, 'id'>;
  keyings!: EntityTable<Keying, 'id'>;
  keyingSamples!: EntityTable<KeyingSample, 'id'>;
  keyingTime!: EntityTable<KeyingTime, 'id'>;

  constructor(name = DB_NAME, upToVersion = Number.POSITIVE_INFINITY) {
    super(name, { chromeTransactionDurability: 'strict' });
    for (const step of schemaVersions) {
      if (step.version > upToVersion) break;
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
  }
}

export const db = new SohoaDatabase();

/** Asks the browser not to evict our data under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return false;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}

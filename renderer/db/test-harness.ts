// Opens a fresh fake-indexeddb database at any schema version, so each migration can be
// tested by seeding the version before it and opening the current one.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { SohoaDatabase } from './database';

let counter = 0;

export function freshIndexedDb(): void {
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
}

export function uniqueName(prefix = 'sohoa-test'): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** The database as a given released version saw it. */
export function openAtVersion(name: string, version: number): SohoaDatabase {
  return new SohoaDatabase(name, version);
}

export function openCurrent(name: string): SohoaDatabase {
  return new SohoaDatabase(name);
}

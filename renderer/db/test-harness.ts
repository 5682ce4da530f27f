// Opens a fresh fake-indexeddb database at any schema version, so each migration can be
// tested by seeding the version before it and opening the current one.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { SohoaDatabase } from './database';
import { createRepositories } from './repositories';
import { createSession } from './session';
import type { OfficerRole, Person } from './types';

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

/** An officer stored directly (as a restored database would hold them), without a PIN. */
export async function seedOfficer(
  db: SohoaDatabase,
  role: OfficerRole,
  name = `Cán bộ ${role}`,
): Promise<Person> {
  const officer: Person = {
    id: crypto.randomUUID(),
    name,
    role,
    createdAt: Date.now(),
    active: true,
  };
  await db.people.add(officer);
  return officer;
}

/** Repositories with an officer of the given role signed in; PINs hashed quickly. */
export async function signedInRepositories(db: SohoaDatabase, role: OfficerRole = 'admin') {
  const session = createSession();
  const officer = await seedOfficer(db, role);
  session.signIn(officer);
  return { repo: createRepositories(db, session, { pinIterations: 1_000 }), session, officer };
}

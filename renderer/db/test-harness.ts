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

/** A khai sinh entry with every field the export needs, for tests of review and export. */
export const completeKsFields: Readonly<Record<string, string>> = {
  trangSo: '5',
  ngayDangKy: '27/10/2008',
  loaiDangKy: '1',
  nksHoTen: 'Phạm Anh Đài',
  nksGioiTinh: '2',
  nksNgaySinh: '27/08/2008',
  nksDanToc: 'Kinh',
  nksQuocTich: 'Việt Nam',
  meHoTen: 'Nguyễn Thị Lan',
  meNgaySinh: '10/10/1981',
  meDanToc: 'Ba Na',
};

/**
 * A fresh database with a typist and a reviewer, repositories on it, and the typist signed
 * in: the start of every test of the review workflow.
 */
export async function reviewTeam() {
  freshIndexedDb();
  const db = openCurrent(uniqueName());
  await db.open();
  const session = createSession();
  const repo = createRepositories(db, session, { pinIterations: 1_000 });
  const typist = await seedOfficer(db, 'entry', 'Nguyễn Văn Sơn');
  const reviewer = await seedOfficer(db, 'review', 'Trần Thị Hoa');
  session.signIn(typist);
  return { db, session, repo, typist, reviewer };
}

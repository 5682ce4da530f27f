// Reads of officers (the people table).
import type { SohoaDatabase } from '../database';
import type { Person } from '../types';

export function allOfficers(db: SohoaDatabase): Promise<Person[]> {
  return db.people.toArray();
}

/** The officer as stored now; undefined without an id or when none has it. */
export async function officerById(
  db: SohoaDatabase,
  officerId: string | undefined | null,
): Promise<Person | undefined> {
  return officerId ? db.people.get(officerId) : undefined;
}

/** Every officer's name, by id, for lines that name who did something. */
export async function officerNames(db: SohoaDatabase): Promise<Map<string, string>> {
  return new Map((await db.people.toArray()).map((person) => [person.id, person.name]));
}

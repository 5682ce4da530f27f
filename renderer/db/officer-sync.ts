// On the desktop the main process's list of officers is the one that counts: the page's people
// rows mirror it (name, role, active) and carry no PIN digest. The first time, main takes over
// the digests the page's database held; afterwards every row is brought in line with main's
// list, so a row edited in the database, emptied or brought in by a restore changes nothing
// about who may sign in or with which role.
import { officerProfileSchema, type OfficerSummary } from '../../shared/officer-bridge';
import type { SohoaDatabase } from './database';
import { withoutDigest, type MainOfficers } from './pin-keeper';
import type { Person } from './types';

export interface SyncResult {
  /** Officers main knows. None means the first run (or a hand-over main refused). */
  officers: OfficerSummary[];
  /** Officers who may sign in here: active, with a PIN kept by main. */
  canSignIn: ReadonlySet<string>;
}

const sameProfile = (row: Person, officer: OfficerSummary) =>
  row.name === officer.name &&
  row.role === officer.role &&
  (row.active !== false) === officer.active &&
  row.pin === undefined;

export async function syncOfficersFromMain(
  db: SohoaDatabase,
  bridge: Pick<MainOfficers, 'officersList' | 'officersHandOver'>,
  now = Date.now,
): Promise<SyncResult> {
  let officers = await bridge.officersList();
  if (officers.length === 0) {
    const rows = await db.people.toArray();
    // Rows main could not take (an odd id or name, say, from an old merge) stay behind.
    const handOver = rows.flatMap((row) => {
      const profile = officerProfileSchema.safeParse({
        id: row.id,
        name: row.name,
        role: row.role,
        active: row.active !== false,
      });
      return profile.success && row.pin !== undefined ? [{ ...profile.data, pin: row.pin }] : [];
    });
    if (handOver.length > 0) {
      const handed = await bridge.officersHandOver({ officers: handOver.slice(0, 500) });
      if (handed.ok && handed.value.taken.length > 0) officers = await bridge.officersList();
    }
  }
  if (officers.length > 0) {
    await db.transaction('rw', db.people, async () => {
      const rows = new Map((await db.people.toArray()).map((row) => [row.id, row]));
      const changed: Person[] = [];
      for (const officer of officers) {
        const row = rows.get(officer.id);
        if (row && sameProfile(row, officer)) continue;
        changed.push({
          ...(row ? withoutDigest(row) : { id: officer.id, createdAt: now() }),
          name: officer.name,
          role: officer.role,
          active: officer.active,
        });
      }
      // Rows main does not know keep their names for the trail, never a digest.
      for (const row of rows.values()) {
        if (row.pin !== undefined && !officers.some((o) => o.id === row.id)) {
          changed.push(withoutDigest(row));
        }
      }
      if (changed.length > 0) await db.people.bulkPut(changed);
    });
  }
  return {
    officers,
    canSignIn: new Set(officers.filter((o) => o.active && o.hasPin).map((o) => o.id)),
  };
}

// What "Tiến độ" counts from: every book, entry and officer, and the entries' audit events.
import { can } from '../../../shared/workflow/roles';
import type { SohoaDatabase } from '../database';

export async function progressSources(db: SohoaDatabase) {
  const [books, records, people, events] = await Promise.all([
    db.books.orderBy('createdAt').toArray(),
    db.records.toArray(),
    db.people.toArray(),
    db.audit.filter((event) => event.entity === 'record').toArray(),
  ]);
  return { books, records, people, events };
}

/**
 * What the operator statistics count from, as `viewerId` may see it: a supervisor (review or
 * administer) reads everyone's keying time and arbitrations; a keyer only their own keying
 * time and the arbitrations of entries they keyed (`onlyOfficerId` says to count nobody else).
 */
export async function operatorSources(db: SohoaDatabase, viewerId: string | null) {
  const viewer = viewerId ? await db.people.get(viewerId) : undefined;
  if (!viewer) return { times: [], arbitrations: [], onlyOfficerId: viewerId ?? '' };
  if (can(viewer.role, 'review')) {
    const [times, arbitrations] = await Promise.all([
      db.keyingTime.toArray(),
      db.arbitrations.toArray(),
    ]);
    return { times, arbitrations, onlyOfficerId: null };
  }
  const [times, asKeyer, asVerifier] = await Promise.all([
    db.keyingTime.where('officerId').equals(viewer.id).toArray(),
    db.arbitrations.where('keyerA').equals(viewer.id).toArray(),
    db.arbitrations.where('keyerB').equals(viewer.id).toArray(),
  ]);
  return { times, arbitrations: [...asKeyer, ...asVerifier], onlyOfficerId: viewer.id };
}

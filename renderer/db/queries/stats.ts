// What "Tiến độ" counts from: every book, entry and officer, and the entries' audit events.
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

// Which entries a smaller work package carries: those added or changed since this PC last
// sent or received them. The rest the other PC already has, so the file stays small.
import type { SohoaDatabase } from './database';
import { contentHash } from './work-package-merge';

export async function entriesChangedSinceExchange(
  db: SohoaDatabase,
  bookId: string,
): Promise<string[]> {
  return db.transaction('r', db.records, db.exchanges, async () => {
    const bases = new Map(
      (await db.exchanges.where('bookId').equals(bookId).toArray()).map((s) => [s.id, s.hash]),
    );
    const records = await db.records.where('bookId').equals(bookId).toArray();
    return records
      .filter((record) => bases.get(record.id) !== contentHash(record))
      .map((record) => record.id);
  });
}

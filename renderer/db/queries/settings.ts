// What this PC remembers in the settings table (idle time, backup schedule, how the viewer
// shows a book …). Unlike the book's data these are not audited, so they are read and written
// here rather than through the commands.
import type { SohoaDatabase } from '../database';
import type { Setting } from '../types';

/** The stored setting under `key`, if any (callers check its value's shape). */
export function setting(db: SohoaDatabase, key: string): Promise<Setting | undefined> {
  return db.settings.get(key);
}

export async function rememberSetting(
  db: SohoaDatabase,
  key: string,
  value: unknown,
): Promise<void> {
  await db.settings.put({ key, value });
}

// Settings read and written outside the commands: what this PC remembers (the screen to
// reopen, the viewer per book, its automatic backups) and, read-only here, the data's own
// settings such as the idle time. Each key goes to its table by setting-keys.ts, so callers
// need not know which. These are not audited; the data's settings change through commands.
import type { SohoaDatabase } from '../database';
import { isPcLocalSetting } from '../setting-keys';
import type { Setting } from '../types';

const tableOf = (db: SohoaDatabase, key: string) =>
  isPcLocalSetting(key) ? db.localSettings : db.settings;

/** The stored setting under `key`, if any (callers check its value's shape). */
export function setting(db: SohoaDatabase, key: string): Promise<Setting | undefined> {
  return tableOf(db, key).get(key);
}

/** Remembers one of this PC's own settings; the data's settings are not written here. */
export async function rememberSetting(
  db: SohoaDatabase,
  key: string,
  value: unknown,
): Promise<void> {
  if (!isPcLocalSetting(key)) throw new Error(`not a setting this PC remembers: ${key}`);
  await db.localSettings.put({ key, value });
}

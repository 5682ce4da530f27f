// Schema v6's upgrade: what one PC remembers moves out of `settings` (which backups carry) into
// `localSettings` (which they never do). The keys are listed as they were when v6 shipped, so a
// key made PC-local later is moved by its own version.
import type { Transaction } from 'dexie';

const movedKeys: readonly string[] = ['session.lastRoute', 'backup.last', 'backup.schedule'];
const movedPrefixes: readonly string[] = ['session.focus.', 'viewer:'];

const isMoved = (key: string): boolean =>
  movedKeys.includes(key) || movedPrefixes.some((prefix) => key.startsWith(prefix));

interface SettingV6 {
  key: string;
  value: unknown;
}

export async function upgradeToV6(tx: Transaction): Promise<void> {
  const settings = tx.table<SettingV6, string>('settings');
  const moving = (await settings.toArray()).filter((setting) => isMoved(setting.key));
  await tx.table<SettingV6, string>('localSettings').bulkPut(moving);
  await settings.bulkDelete(moving.map((setting) => setting.key));
}

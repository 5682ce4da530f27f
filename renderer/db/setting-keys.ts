// Which settings belong to the data and which to this PC. Settings of the data (the `settings`
// table) travel with a backup: they are the administrator's rules for whoever works on these
// books. What one PC remembers (the `localSettings` table) stays on it: never in a backup or a
// work package, and a restore leaves it as it was.
//
// Kept with the data, in `settings`:
//   officers.idleLockMinutes  the idle time before the screen locks, set by an administrator
//   reconcile.columns:<headers>  which column of a population-database extract holds which
//                             field, kept by the file's header row for the next such file
//   keying.idlePauseSeconds   a gap without typing longer than this counts as paused keying time
// Kept by this PC, in `localSettings`:
//   session.lastRoute         the screen to reopen after a restart or a crash
//   session.focus.<entry>     the field last focused in each entry
//   viewer:<book>             the scan viewer's zoom, fit, filters and ruler for each book
//   backup.last               when this PC last wrote a backup, and which
//   backup.schedule           how often this PC backs up by itself and how many it keeps

const pcLocalKeys: readonly string[] = ['session.lastRoute', 'backup.last', 'backup.schedule'];
const pcLocalPrefixes: readonly string[] = ['session.focus.', 'viewer:'];

/** Whether a setting is this PC's own memory rather than part of the data. */
export function isPcLocalSetting(key: string): boolean {
  return pcLocalKeys.includes(key) || pcLocalPrefixes.some((prefix) => key.startsWith(prefix));
}

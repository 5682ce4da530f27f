// How much room is left for the app's data, from the browser's quota and (on the desktop) the
// disk itself; the smaller one is what the next write meets. Thresholds are named policy.

/** Below this, warn: a day's scans (a few hundred pages, ~100 kB each) or a backup may not fit. */
export const LOW_SPACE_BYTES = 1024 ** 3;
/** Below this, warn loudly: a single large PDF import could fill what is left. */
export const CRITICAL_SPACE_BYTES = 250 * 1024 ** 2;
/** How often the figures are read again while the app is open. */
export const STORAGE_CHECK_MS = 60_000;

export interface StorageFigures {
  /** Bytes this app's data takes (navigator.storage.estimate().usage). */
  usage: number | null;
  /** Bytes the browser lets this app use in total. */
  quota: number | null;
  /** Free bytes on the disk holding the data, when the desktop shell can tell. */
  diskFree: number | null;
}

export type SpaceLevel = 'ok' | 'low' | 'critical' | 'unknown';

export interface StorageHealth {
  usage: number | null;
  /** Bytes the app can still write, or null when nothing could be measured. */
  available: number | null;
  level: SpaceLevel;
}

const known = (value: number | null): value is number =>
  value !== null && Number.isFinite(value) && value >= 0;

export function assessStorage(figures: StorageFigures): StorageHealth {
  const limits: number[] = [];
  if (known(figures.quota) && known(figures.usage)) {
    limits.push(Math.max(0, figures.quota - figures.usage));
  }
  if (known(figures.diskFree)) limits.push(figures.diskFree);
  const usage = known(figures.usage) ? figures.usage : null;
  if (limits.length === 0) return { usage, available: null, level: 'unknown' };
  const available = Math.min(...limits);
  const level =
    available < CRITICAL_SPACE_BYTES ? 'critical' : available < LOW_SPACE_BYTES ? 'low' : 'ok';
  return { usage, available, level };
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** "3,2 GB" in Vietnamese, "3.2 GB" in English: binary steps, as Windows Explorer shows them. */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value);
}

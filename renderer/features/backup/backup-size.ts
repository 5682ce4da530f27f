// How big an automatic backup may get, decided before it is made. Since format 2 the page's
// memory no longer grows with the scans, so what limits a backup is time (at exit the window
// waits for it) and disk: the file, and Chromium's copy of it while it is being written. Pure,
// so the rule is tested without a disk or a database.

/**
 * Scans up to this size go into automatic backups (and are ticked by default for a manual
 * one); the officer can back up more by hand. The whole file is one Blob while it is written,
 * and Chromium refused Blobs of 500-600 MB in the benchmark's profile, while 300 MB scans back
 * up and restore well (npm run bench -- --backup-only).
 */
export const SCANS_FIT_BYTES = 300 * 1024 * 1024;
/** Left free on the disk after a backup, so the PC and the app keep working. */
export const DISK_MARGIN_BYTES = 200 * 1024 * 1024;
/** Rows of a large book as JSON in the zip: a generous guess per entry. */
const BYTES_PER_ENTRY = 4 * 1024;

export type ScanPlan =
  { withScans: true } | { withScans: false; reason: 'too-big' | 'no-room'; scanBytes: number };

/**
 * Whether an automatic backup carries the scans. `freeBytes` is the free space of the disk
 * the app writes to (null when unknown); writing needs room for the file twice over.
 */
export function planScans(input: {
  scanBytes: number;
  entries: number;
  freeBytes: number | null;
}): ScanPlan {
  const { scanBytes, entries, freeBytes } = input;
  if (scanBytes === 0) return { withScans: true };
  if (scanBytes > SCANS_FIT_BYTES) return { withScans: false, reason: 'too-big', scanBytes };
  const fileBytes = scanBytes + entries * BYTES_PER_ENTRY;
  if (freeBytes !== null && freeBytes < 2 * fileBytes + DISK_MARGIN_BYTES) {
    return { withScans: false, reason: 'no-room', scanBytes };
  }
  return { withScans: true };
}

// The scan rows of the files last read, for the viewer: a stored scan never changes, and its Blob
// is a handle on the stored file, not its bytes, so a page of a file already open is shown
// without reading the database again first.
import type { Scan } from '../../db/types';
import { LruCache } from './viewer-cache';

export function scanRowCache(
  read: (scanId: string) => Promise<Scan | undefined>,
  maxEntries = 8,
): (scanId: string) => Promise<Scan | undefined> {
  const rows = new LruCache<string, Promise<Scan | undefined>>({ maxEntries });
  return (scanId) => {
    let reading = rows.get(scanId);
    if (!reading) {
      reading = read(scanId);
      // A file not found (or not read) is asked for again next time.
      reading.then(
        (scan) => {
          if (!scan) rows.delete(scanId);
        },
        () => rows.delete(scanId),
      );
      rows.set(scanId, reading);
    }
    return reading;
  };
}

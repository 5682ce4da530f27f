// Free space on the disk that holds the app's data, so the officer is warned before a write
// fails. Read-only: the call carries no payload and anything sent along is ignored.
import type { StatsFs } from 'node:fs';
import { diskSpaceSchema } from '../../shared/bridge';
import type { BridgeResult, DiskSpace } from '../../shared/bridge';
import { fail, ok } from './result';

/** fs.promises.statfs, or a fake in tests. */
export type StatFs = (folder: string) => Promise<Pick<StatsFs, 'bsize' | 'blocks' | 'bavail'>>;

export async function readDiskSpace(
  statfs: StatFs,
  folder: string,
): Promise<BridgeResult<DiskSpace>> {
  try {
    const stats = await statfs(folder);
    // bavail, not bfree: blocks reserved for the system are no use to the app.
    const parsed = diskSpaceSchema.safeParse({
      free: stats.bavail * stats.bsize,
      total: stats.blocks * stats.bsize,
    });
    if (parsed.success) return ok(parsed.data);
  } catch {
    // Reported below: the renderer falls back to the browser's own estimate.
  }
  return fail('disk-space-unknown');
}

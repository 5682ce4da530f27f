// Hands a finished backup to the desktop shell in pieces: the size first (the shell checks the
// disk), then 4 MiB at a time read from the Blob, then commit. The file never crosses the
// bridge, or sits in the page, whole. Any failure aborts, so no half file keeps a backup's name.
import type { BridgeResult, SohoaBridge, WriteBackupResult } from '../../../shared/bridge';
import type { ProgressListener } from '../../db/backup-payload';

export const PIECE_BYTES = 4 * 1024 * 1024;

export async function sendBackup(
  bridge: Pick<SohoaBridge, 'backupOpen' | 'backupWrite' | 'backupCommit' | 'backupAbort'>,
  request: { fileName: string; blob: Blob; keep: number; onProgress?: ProgressListener },
): Promise<BridgeResult<WriteBackupResult>> {
  const { fileName, blob, keep, onProgress } = request;
  const opened = await bridge.backupOpen({ fileName, bytes: blob.size, keep });
  if (!opened.ok) return opened;
  const { sessionId } = opened.value;
  try {
    for (let offset = 0; offset < blob.size; offset += PIECE_BYTES) {
      const data = new Uint8Array(await blob.slice(offset, offset + PIECE_BYTES).arrayBuffer());
      const written = await bridge.backupWrite({ sessionId, data });
      if (!written.ok) {
        await bridge.backupAbort({ sessionId });
        return written;
      }
      onProgress?.(written.value.bytes, blob.size);
    }
    return await bridge.backupCommit({ sessionId });
  } catch (error) {
    await bridge.backupAbort({ sessionId }).catch(() => undefined);
    throw error;
  }
}

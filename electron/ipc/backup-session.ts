// Backups of any size, written in pieces like an export: the renderer opens a session with the
// file's size (main checks the disk has room for it), sends the file piece by piece into a
// temp file, then commits (size checked, flushed, renamed into place, oldest backups rotated
// out) or aborts (temp file deleted). Nothing carries a backup's name until it is whole. Main
// decides the folder, the final name and how many old backups go; the page only asks.
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import {
  BACKUP_FILE_PATTERN,
  backupOpenRequestSchema,
  backupSessionRequestSchema,
  backupWriteRequestSchema,
} from '../../shared/bridge';
import type { BackupSession, BridgeResult, WriteBackupResult } from '../../shared/bridge';
import { freeBackupName, rotateBackups } from './backups';
import { errnoCode, openTempFile, removeQuietly } from './files';
import { fail, invalidRequest, ok, refuse, writeFailure } from './result';

/** Room left on the disk beyond the backup itself, so the PC still works once it is written. */
export const DISK_MARGIN_BYTES = 200 * 2 ** 20;
/** Backups written at the same time: the automatic one and a manual one at most. */
const MAX_SESSIONS = 2;

interface Pending {
  folder: string;
  /** The name the page asked for; `name` may carry a -n. */
  requested: string;
  name: string;
  partialPath: string;
  handle: FileHandle;
  declared: number;
  written: number;
  keep: number;
}

/** Megabytes, rounded up: what the officer is told of sizes. */
const mib = (bytes: number) => Math.ceil(bytes / 2 ** 20);

export class BackupWrites {
  private readonly sessions = new Map<string, Pending>();

  constructor(
    private readonly deps: {
      /** The folder backups go into (the officer's choice or the default). */
      getFolder: () => Promise<string>;
      /** Free bytes on the disk holding `folder`; null when it cannot be read. */
      freeBytes: (folder: string) => Promise<number | null>;
    },
  ) {}

  async open(payload: unknown): Promise<BridgeResult<BackupSession>> {
    const parsed = backupOpenRequestSchema.safeParse(payload);
    if (!parsed.success) return invalidRequest(parsed.error);
    if (this.sessions.size >= MAX_SESSIONS) {
      return fail('backup-busy');
    }
    const { fileName, bytes, keep } = parsed.data;
    const folder = await this.deps.getFolder();
    let name = fileName;
    try {
      await fs.mkdir(folder, { recursive: true });
      await this.dropStalePartials(folder);
      const free = await this.deps.freeBytes(folder);
      if (free !== null && free < bytes + DISK_MARGIN_BYTES) {
        return fail('backup-no-space', {
          free: mib(free),
          needed: mib(bytes),
          margin: mib(DISK_MARGIN_BYTES),
        });
      }
      name = await freeBackupName(folder, fileName);
      const partialPath = path.join(folder, `${name}.partial`);
      const handle = await openTempFile(partialPath, 'w');
      const sessionId = randomUUID();
      this.sessions.set(sessionId, {
        folder,
        requested: fileName,
        name,
        partialPath,
        handle,
        declared: bytes,
        written: 0,
        keep,
      });
      return ok({ sessionId });
    } catch (error) {
      return refuse(writeFailure(errnoCode(error), name));
    }
  }

  async write(payload: unknown): Promise<BridgeResult<{ bytes: number }>> {
    const parsed = backupWriteRequestSchema.safeParse(payload);
    if (!parsed.success) return invalidRequest(parsed.error);
    const { sessionId, data } = parsed.data;
    const pending = this.sessions.get(sessionId);
    if (!pending) return fail('backup-session-gone');
    if (pending.written + data.byteLength > pending.declared) {
      await this.end(sessionId);
      return fail('backup-too-long', { declared: pending.declared });
    }
    try {
      let done = 0;
      while (done < data.byteLength) {
        const { bytesWritten } = await pending.handle.write(data, done, data.byteLength - done);
        done += bytesWritten;
      }
      pending.written += done;
      return ok({ bytes: pending.written });
    } catch (error) {
      await this.end(sessionId);
      return refuse(writeFailure(errnoCode(error), pending.name));
    }
  }

  async commit(payload: unknown): Promise<BridgeResult<WriteBackupResult>> {
    const parsed = backupSessionRequestSchema.safeParse(payload);
    if (!parsed.success) return invalidRequest(parsed.error);
    const { sessionId } = parsed.data;
    const pending = this.sessions.get(sessionId);
    if (!pending) return fail('backup-session-gone');
    if (pending.written !== pending.declared) {
      await this.end(sessionId);
      return fail('backup-too-short', { written: pending.written, declared: pending.declared });
    }
    this.sessions.delete(sessionId);
    let name = pending.name;
    try {
      await pending.handle.sync();
      await pending.handle.close();
      // Another backup may have taken the name meanwhile: never written over.
      if (await fs.lstat(path.join(pending.folder, name)).catch(() => null)) {
        name = await freeBackupName(pending.folder, pending.requested);
      }
      await fs.rename(pending.partialPath, path.join(pending.folder, name));
    } catch (error) {
      await pending.handle.close().catch(() => undefined);
      await removeQuietly(pending.partialPath);
      return refuse(writeFailure(errnoCode(error), name));
    }
    const removed = await rotateBackups(pending.folder, pending.keep, name);
    return ok({ path: path.join(pending.folder, name), removed });
  }

  async abort(payload: unknown): Promise<BridgeResult<null>> {
    const parsed = backupSessionRequestSchema.safeParse(payload);
    if (!parsed.success) return invalidRequest(parsed.error);
    await this.end(parsed.data.sessionId);
    return ok(null);
  }

  /** Temp files of backups whose writing was cut short (the app closed or crashed). */
  private async dropStalePartials(folder: string): Promise<void> {
    const active = new Set([...this.sessions.values()].map((pending) => pending.partialPath));
    for (const entry of await fs.readdir(folder)) {
      if (!entry.endsWith('.partial')) continue;
      if (!BACKUP_FILE_PATTERN.test(entry.slice(0, -'.partial'.length))) continue;
      const partialPath = path.join(folder, entry);
      if (!active.has(partialPath)) await removeQuietly(partialPath);
    }
  }

  private async end(sessionId: string): Promise<void> {
    const pending = this.sessions.get(sessionId);
    if (!pending) return;
    this.sessions.delete(sessionId);
    await pending.handle.close().catch(() => undefined);
    await removeQuietly(pending.partialPath);
  }
}

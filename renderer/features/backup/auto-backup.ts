// Automatic backups in the desktop app: at start when a day has passed, after every N entries,
// and when the window closes (the shell holds the close until this is written). The browser
// has no folder to write to: there the officer uses "Sao lưu", which downloads a file.
import i18next from 'i18next';
import type { SohoaBridge } from '../../../shared/bridge';
import { db, repo } from '../../db';
import { buildBackup } from '../../db/backup';
import {
  BACKUP_SCHEDULE_KEY,
  defaultBackupSchedule,
  LAST_BACKUP_KEY,
  type BackupSchedule,
} from '../../db/repositories';
import { useUiStore } from '../../store/ui-store';
import { backupFileName } from './file-names';
import { dueReason, type LastBackup } from './schedule';

/** Scans up to this size go into backups unless the officer says otherwise. */
export const SCANS_FIT_BYTES = 512 * 1024 * 1024;
const CHECK_EVERY_MS = 60_000;

export async function readSchedule(): Promise<BackupSchedule> {
  const stored = (await db.settings.get(BACKUP_SCHEDULE_KEY))?.value as
    Partial<BackupSchedule> | undefined;
  return { ...defaultBackupSchedule, ...stored };
}

export async function readLastBackup(): Promise<LastBackup | null> {
  return ((await db.settings.get(LAST_BACKUP_KEY))?.value as LastBackup | undefined) ?? null;
}

async function scanBytes(): Promise<number> {
  let total = 0;
  await db.scans.each((scan) => {
    total += scan.size;
  });
  return total;
}

export interface WrittenBackup {
  books: number;
  entries: number;
  path: string;
}

export function createAutoBackups(bridge: SohoaBridge) {
  let running: Promise<WrittenBackup> | null = null;

  const write = async (reason: string, withScans?: boolean): Promise<WrittenBackup> => {
    const built = await buildBackup(db, {
      withScans: withScans ?? (await scanBytes()) <= SCANS_FIT_BYTES,
      appVersion: __APP_VERSION__,
    });
    const schedule = await readSchedule();
    const result = await bridge.writeBackup({
      fileName: backupFileName(new Date()),
      data: new Uint8Array(await built.blob.arrayBuffer()),
      keep: schedule.keep,
    });
    if (!result.ok) throw new Error(result.error.message);
    const fileName = result.value.path.split(/[\\/]/).at(-1) ?? '';
    await repo.recordBackup({ reason, fileName, bytes: built.blob.size });
    return { books: built.books.length, entries: built.entries, path: result.value.path };
  };

  /** One backup at a time: a second request while one is written waits for that one. */
  const run = (reason: string, options: { withScans?: boolean } = {}) => {
    running ??= write(reason, options.withScans).finally(() => {
      running = null;
    });
    return running;
  };

  const report = (error: unknown) => {
    const detail = error instanceof Error ? error.message : String(error);
    useUiStore.getState().notify('error', i18next.t('backup.autoFailed', { detail }));
  };

  const check = async () => {
    const last = await readLastBackup();
    const changed = last ? await db.records.where('updatedAt').above(last.at).count() : 0;
    const reason = dueReason(Date.now(), last, changed, await readSchedule());
    if (reason) await run(reason);
  };

  return {
    run,
    getFolder: () => bridge.getBackupFolder(),
    chooseFolder: () => bridge.chooseBackupFolder(),
    start() {
      void check().catch(report);
      setInterval(() => void check().catch(report), CHECK_EVERY_MS);
      void bridge
        .waitForExit()
        .then(() => run('exit'))
        .catch(report)
        .finally(() => void bridge.exitBackupDone());
    },
  };
}

export const autoBackups = window.sohoa ? createAutoBackups(window.sohoa) : null;

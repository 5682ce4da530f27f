// Automatic backups in the desktop app: at start when a day has passed, after every N entries,
// and when the window closes (the shell holds the close until this is written). The browser
// has no folder to write to: there the officer uses "Sao lưu", which downloads a file.
// The backup is sized first (backup-size.ts): scans too large for the limit or the disk are left
// out with a notice, never a crash; the file goes to the shell in pieces (send-backup.ts).
import i18next from 'i18next';
import type { SohoaBridge } from '../../../shared/bridge';
import { repo } from '../../db';
import {
  BACKUP_SCHEDULE_KEY,
  defaultBackupSchedule,
  LAST_BACKUP_KEY,
  type BackupSchedule,
} from '../../db/repositories';
import type { ProgressListener } from '../../db/backup-payload';
import { useUiStore } from '../../store/ui-store';
import { backupErrorDetail } from './backup-errors';
import { planScans, SCANS_FIT_BYTES } from './backup-size';
import { backupFileName } from './file-names';
import { dueReason, type LastBackup } from './schedule';
import { sendBackup } from './send-backup';
import { bridgeErrorText } from '../../locales/bridge-error';
import { entryReads, files, pageReads, localSettings } from '../../db/reads';

export { SCANS_FIT_BYTES };
const CHECK_EVERY_MS = 60_000;

export async function readSchedule(): Promise<BackupSchedule> {
  const stored = (await localSettings.setting(BACKUP_SCHEDULE_KEY))?.value as
    Partial<BackupSchedule> | undefined;
  return { ...defaultBackupSchedule, ...stored };
}

export async function readLastBackup(): Promise<LastBackup | null> {
  return ((await localSettings.setting(LAST_BACKUP_KEY))?.value as LastBackup | undefined) ?? null;
}

export function scanBytes(): Promise<number> {
  return pageReads.scanBytes();
}

export interface WrittenBackup {
  books: number;
  entries: number;
  path: string;
}

export function createAutoBackups(bridge: SohoaBridge) {
  let running: Promise<WrittenBackup> | null = null;

  /** Notices already shown this session: an hourly backup does not repeat them. */
  const told = new Set<string>();

  /** Scans go in when the officer said so, else when they fit the limit and the disk. */
  const chooseScans = async (withScans: boolean | undefined): Promise<boolean> => {
    if (withScans !== undefined) return withScans;
    const space = await bridge.getDiskSpace().catch(() => null);
    const plan = planScans({
      scanBytes: await scanBytes(),
      entries: await entryReads.entryCount(),
      freeBytes: space?.ok ? space.value.free : null,
    });
    if (!plan.withScans && !told.has(plan.reason)) {
      told.add(plan.reason);
      const size = `${Math.ceil(plan.scanBytes / (1024 * 1024)).toLocaleString('vi-VN')} MB`;
      useUiStore
        .getState()
        .notify(
          'info',
          i18next.t(
            plan.reason === 'too-big' ? 'backup.autoScansTooBig' : 'backup.autoScansNoRoom',
            { size },
          ),
        );
    }
    return plan.withScans;
  };

  const write = async (
    reason: string,
    withScans?: boolean,
    onProgress?: ProgressListener,
  ): Promise<WrittenBackup> => {
    const built = await files.buildBackup({
      withScans: await chooseScans(withScans),
      appVersion: __APP_VERSION__,
      // Building is most of the work; sending the file to the shell is a copy on disk.
      ...(onProgress ? { onProgress: (done, total) => onProgress(done * 0.8, total) } : {}),
    });
    const schedule = await readSchedule();
    const result = await sendBackup(bridge, {
      fileName: backupFileName(new Date()),
      blob: built.blob,
      keep: schedule.keep,
      ...(onProgress
        ? {
            onProgress: (done: number, total: number) =>
              onProgress(0.8 * total + 0.2 * done, total),
          }
        : {}),
    });
    if (!result.ok) throw new Error(bridgeErrorText(result.error));
    const fileName = result.value.path.split(/[\\/]/).at(-1) ?? '';
    await repo.recordBackup({ reason, fileName, bytes: built.blob.size });
    return { books: built.books.length, entries: built.entries, path: result.value.path };
  };

  /** One backup at a time: a second request while one is written waits for that one. */
  const run = (
    reason: string,
    options: { withScans?: boolean; onProgress?: ProgressListener } = {},
  ) => {
    running ??= write(reason, options.withScans, options.onProgress).finally(() => {
      running = null;
    });
    return running;
  };

  const report = (error: unknown) => {
    const detail = backupErrorDetail(error);
    useUiStore.getState().notify('error', i18next.t('backup.autoFailed', { detail }));
  };

  const check = async () => {
    const last = await readLastBackup();
    const changed = last ? await entryReads.entriesChangedAfter(last.at) : 0;
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

const bridge = globalThis.window?.sohoa;
export const autoBackups = bridge ? createAutoBackups(bridge) : null;

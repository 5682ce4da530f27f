// Backups: a whole backup put back into an empty database or onto a new PC, the backups written
// and the automatic-backup schedule noted.
import { restartAnchors } from '../audit-anchors';
import type { FileData } from '../backup-rows';
import type { SohoaDatabase } from '../database';
import type { Person } from '../types';
import { isPcLocalSetting } from '../setting-keys';
import { backupTableNames as backupTables } from '../tables';
import { WorkflowError } from '../workflow-error';
import type { AuditLine, CommandContext } from './run';

export class DatabaseNotEmptyError extends Error {
  constructor() {
    super('The database already holds books or entries; merge instead of restoring over them');
    this.name = 'DatabaseNotEmptyError';
  }
}

export const LAST_BACKUP_KEY = 'backup.last';
export const BACKUP_SCHEDULE_KEY = 'backup.schedule';

export interface BackupSchedule {
  /** Back up after this many entries were added or changed; 0: never for this reason. */
  everyEntries: number;
  /** Automatic backups kept in the folder; older ones are removed. */
  keep: number;
}

export const defaultBackupSchedule: BackupSchedule = { everyEntries: 50, keep: 10 };

/** An active administrator whose PIN the backup carries: they can sign in after a restore. */
const canAdministerHere = (person: Person) =>
  person.role === 'admin' && person.active !== false && person.pin !== undefined;

/** The audit event of a restore: how much came back, and by whom or onto a new PC. */
const restoreLine = (data: FileData, about: Record<string, unknown>): AuditLine => ({
  entity: 'database',
  entityId: '',
  action: 'restore',
  newValue: JSON.stringify({ books: data.books.length, entries: data.records.length, ...about }),
});

/** Refuses a restore over books, entries or scans: merging is the way into such a database. */
async function requireEmpty(db: SohoaDatabase): Promise<void> {
  const inUse = (await db.books.count()) + (await db.records.count()) + (await db.scans.count());
  if (inUse > 0) throw new DatabaseNotEmptyError();
}

/** Writes a backup's rows as they were saved, into emptied tables (inside a transaction). */
async function putBackup(db: SohoaDatabase, data: FileData): Promise<void> {
  for (const name of backupTables) await db.table(name).clear();
  await db.books.bulkAdd(data.books);
  await db.scans.bulkAdd(data.scans);
  await db.pages.bulkAdd(data.pages);
  await db.records.bulkAdd(data.records);
  await db.people.bulkAdd(data.people);
  await db.audit.bulkAdd(data.audit);
  // A file from before v6 may still hold what its PC remembered: that stays with that PC.
  await db.settings.bulkAdd(data.settings.filter((setting) => !isPcLocalSetting(setting.key)));
  await db.exports.bulkAdd(data.exports);
  await db.exchanges.bulkAdd(data.exchanges);
  await db.conflicts.bulkAdd(data.conflicts);
  await db.reconcileDecisions.bulkAdd(data.reconcileDecisions);
  await db.arbitrations.bulkAdd(data.arbitrations);
  await db.keyings.bulkAdd(data.keyings);
  await db.keyingSamples.bulkAdd(data.keyingSamples);
  await db.keyingTime.bulkAdd(data.keyingTime);
}

export function backupCommands({ db, session, run, runAs }: CommandContext) {
  return {
    /**
     * Puts a whole backup back, table by table and row by row as it was saved (the audit log
     * keeps its order and links), into a database holding no books, entries or scans. Refuses
     * otherwise: merging is the way into a database that has work in it. The officers become
     * those of the backup, so whoever restored is signed out to sign in as one of them. A
     * backup none of whose administrators has a PIN here (the desktop app's backups carry no
     * PIN digests) keeps the administrator who restores it, so nobody is locked out.
     */
    async restoreIntoEmpty(data: FileData): Promise<void> {
      const keepsRestorer = !data.people.some(canAdministerHere);
      await run('administer', backupTables, async (tx) => {
        await requireEmpty(db);
        await putBackup(db, data);
        if (keepsRestorer) await db.people.put(tx.officer);
        tx.audit(restoreLine(data, { restoredBy: tx.officer.name }));
      });
      // The log is now the backup's: marks of the log it replaced no longer apply.
      await restartAnchors(db);
      const stillThere =
        keepsRestorer || data.people.some((person) => person.id === session.officer()?.id);
      if (!stillThere) session.signOut();
    },

    /**
     * A backup restored on a PC that has never been set up (the first-run screen), so a new PC
     * needs no administrator the backup would replace. Nobody is signed in: the backup's own
     * officers sign in afterwards with their PINs, so it is refused when none of its
     * administrators has one (a desktop backup carries no PIN digests), and when this PC
     * already has an officer or any work.
     */
    async restoreOntoNewPc(data: FileData): Promise<void> {
      if (!data.people.some(canAdministerHere)) {
        throw new WorkflowError('backup-without-admin-pin');
      }
      await runAs({ id: '' }, backupTables, async (tx) => {
        if ((await db.people.count()) > 0) throw new WorkflowError('already-set-up');
        await requireEmpty(db);
        await putBackup(db, data);
        tx.audit(restoreLine(data, { onNewPc: true }));
      });
      await restartAnchors(db);
    },

    /** Notes a backup that was written, for the schedule and the supervisor's log. */
    async recordBackup(info: { reason: string; fileName: string; bytes: number }): Promise<void> {
      await run('enter', ['localSettings'], async (tx) => {
        await db.localSettings.put({ key: LAST_BACKUP_KEY, value: { at: tx.now, ...info } });
        tx.audit({
          entity: 'database',
          entityId: '',
          action: 'backup',
          newValue: JSON.stringify(info),
        });
      });
    },

    /** The automatic-backup schedule chosen on this PC. */
    async saveBackupSchedule(schedule: BackupSchedule): Promise<void> {
      await run('administer', ['localSettings'], async (tx) => {
        await db.localSettings.put({ key: BACKUP_SCHEDULE_KEY, value: schedule });
        tx.audit({
          entity: 'database',
          entityId: '',
          action: 'backup-schedule',
          newValue: JSON.stringify(schedule),
        });
      });
    },
  };
}

// All writes go through here: the facade the screens call, made of one module of commands per
// area (renderer/db/commands/). Each command is one transaction opened by `run`
// (commands/run.ts), which reads the acting officer again, checks their permission and appends
// the change's audit events, so a crash leaves either the whole change or none of it.
import { backupCommands } from './commands/backups';
import { bookCommands } from './commands/books';
import { entryCommands } from './commands/entries';
import { exchangeCommands } from './commands/exchange';
import { importCommands } from './commands/import';
import { keyingCommands } from './commands/keying';
import { keyingTimeCommands } from './commands/keying-time';
import { officerCommands } from './commands/officers';
import { pageCommands } from './commands/pages';
import { reconcileCommands } from './commands/reconcile';
import { reviewCommands } from './commands/review';
import { createRunner, type CommandContext } from './commands/run';
import type { SohoaDatabase } from './database';
import { PIN_ITERATIONS } from './pin';
import { createPagePinKeeper, type PinKeeper } from './pin-keeper';
import type { Session } from './session';

export {
  BACKUP_SCHEDULE_KEY,
  DatabaseNotEmptyError,
  defaultBackupSchedule,
  LAST_BACKUP_KEY,
  type BackupSchedule,
} from './commands/backups';
export { TemplateDataLossError, type BookSettings, type NewBookInput } from './commands/books';
export { newEntryRecord } from './commands/entries';
export { ImportConflictError, type ImportOptions } from './commands/import';
export type { SampleRequest } from './commands/keying';
export type { NewOfficerInput } from './commands/officers';
export type { NewScanInput } from './commands/pages';

export interface RepositoryOptions {
  /** PBKDF2 iterations for new PINs; tests lower it to stay quick. */
  pinIterations?: number;
  /** Where PINs are checked and kept: the page (browser) unless the desktop's main is given. */
  pins?: PinKeeper;
  /** This PC's installation id, written on every audit event; absent: events carry none. */
  pcId?: () => Promise<string>;
}

export function createRepositories(
  db: SohoaDatabase,
  session: Session,
  options: RepositoryOptions = {},
) {
  const pins = options.pins ?? createPagePinKeeper(options.pinIterations ?? PIN_ITERATIONS);
  const context: CommandContext = { db, session, pins, ...createRunner(db, session, options.pcId) };
  return {
    ...officerCommands(context),
    ...bookCommands(context),
    ...pageCommands(context),
    ...entryCommands(context),
    ...reviewCommands(context),
    ...importCommands(context),
    ...exchangeCommands(context),
    ...backupCommands(context),
    ...reconcileCommands(context),
    ...keyingCommands(context),
    ...keyingTimeCommands(context),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

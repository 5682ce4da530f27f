// Every write goes through `run`: one transaction that reads the signed-in officer again, refuses
// them when their role lacks the permission, and appends the change's audit events before it
// commits. A refusal writes nothing; a throw anywhere rolls back the rows and the events alike.
//
// The role is read from the database inside the transaction, so a stale screen cannot act on
// behalf of someone whose rights were taken away.
import { can, type Permission } from '../../../shared/workflow/roles';
import { appendAudit, type AuditInput } from '../audit-chain';
import type { SohoaDatabase } from '../database';
import type { PinKeeper } from '../pin-keeper';
import type { Session } from '../session';
import type { EntryRecord, Person } from '../types';
import { WorkflowError } from '../workflow-error';

/** The tables a command may write; the officers and the audit log are always in the scope. */
export type TableName =
  | 'books'
  | 'scans'
  | 'pages'
  | 'records'
  | 'settings'
  | 'exports'
  | 'exchanges'
  | 'conflicts'
  | 'people'
  | 'audit'
  | 'reconcileDecisions';

/** One audit event of a change: who and when come from the command unless `at` is given. */
export type AuditLine = Omit<AuditInput, 'at' | 'by'> & { at?: number };

export interface Tx<Officer extends { id: string } = Person> {
  /** Who the change is made by, as stored now. */
  officer: Officer;
  /** When the change is made: one time for all its rows and events. */
  now: number;
  /** Queues events; they are appended in this order, in this transaction, when the command ends. */
  audit: (...lines: AuditLine[]) => void;
  /** The entry changed by this command: changed now, one revision further. */
  revise: (record: EntryRecord, changes?: Partial<EntryRecord>) => EntryRecord;
}

export interface RunOptions {
  /** The command's time when it was fixed before the transaction (e.g. on a row built ahead). */
  now?: number;
}

export interface Runner {
  /** A write by the signed-in officer, who must hold `permission`. */
  run: <T>(
    permission: Permission,
    tables: readonly TableName[],
    fn: (tx: Tx) => T | Promise<T>,
    options?: RunOptions,
  ) => Promise<T>;
  /**
   * A write by an officer who is not (yet) the one signed in: the administrator being set up,
   * the officer whose PIN was just checked, or nobody (`{ id: '' }`) for a new PC's restore.
   */
  runAs: <T, Officer extends { id: string }>(
    officer: Officer,
    tables: readonly TableName[],
    fn: (tx: Tx<Officer>) => T | Promise<T>,
    options?: RunOptions,
  ) => Promise<T>;
}

export function createRunner(db: SohoaDatabase, session: Session): Runner {
  /** The signed-in officer as stored now, refused when signed out, deactivated or not allowed. */
  const actor = async (permission: Permission): Promise<Person> => {
    const signedIn = session.officer();
    if (!signedIn) throw new WorkflowError('not-signed-in');
    const officer = await db.people.get(signedIn.id);
    if (!officer || officer.active === false) throw new WorkflowError('not-signed-in');
    if (!can(officer.role, permission)) throw new WorkflowError('not-allowed');
    return officer;
  };

  const inTransaction = <T, Officer extends { id: string }>(
    tables: readonly TableName[],
    who: () => Promise<Officer>,
    fn: (tx: Tx<Officer>) => T | Promise<T>,
    options: RunOptions,
  ): Promise<T> => {
    const now = options.now ?? Date.now();
    const scope = [...new Set<TableName>([...tables, 'people', 'audit'])];
    return db.transaction('rw', scope, async () => {
      const officer = await who();
      const queued: AuditLine[] = [];
      const tx: Tx<Officer> = {
        officer,
        now,
        audit: (...lines) => void queued.push(...lines),
        revise: (record, changes = {}) => ({
          ...record,
          ...changes,
          updatedAt: changes.updatedAt ?? now,
          revision: record.revision + 1,
        }),
      };
      const result = await fn(tx);
      await appendAudit(
        db.audit,
        queued.map(({ at, ...line }) => ({ ...line, at: at ?? now, by: officer.id })),
      );
      return result;
    });
  };

  return {
    run: (permission, tables, fn, options = {}) =>
      inTransaction(tables, () => actor(permission), fn, options),
    runAs: (officer, tables, fn, options = {}) =>
      inTransaction(tables, () => Promise.resolve(officer), fn, options),
  };
}

/** What every area's commands are built from. */
export interface CommandContext extends Runner {
  db: SohoaDatabase;
  session: Session;
  /** Where PINs are checked and kept: the page (browser) or the desktop's main. */
  pins: PinKeeper;
}

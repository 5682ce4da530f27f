// All writes go through here. Anything touching more than one table is one transaction, so
// a crash leaves either the whole change or none of it.
//
// Every write names the signed-in officer and is refused when their role does not allow it: the
// role is read again from the database inside the transaction, so a stale screen cannot
// approve on behalf of someone whose rights were taken away.
import { entryKey } from '../../shared/import/analyze';
import { getTemplate } from '../../shared/registers';
import {
  lostFields,
  migrateFields,
  planTemplateMigration,
  type MigrationPlan,
} from '../../shared/registers/template-migration';
import {
  acknowledge,
  verdictOf,
  warningKey,
  type Acknowledgement,
  type Verdict,
} from '../../shared/validation/acknowledgements';
import type { Issue } from '../../shared/validation/types';
import {
  can,
  canSubmit,
  needsReopen,
  pinProblem,
  statusAfterEdit,
  type OfficerRole,
  type Permission,
} from '../../shared/workflow/roles';
import {
  entryWorkflow,
  isSetAside,
  newEntryStatus,
  transitionFrom,
  type EntryEvent,
  type StatusFrom,
} from '../../shared/workflow/workflow';
import { appendAudit, type AuditInput } from './audit-chain';
import type { SohoaDatabase } from './database';
import { loadRelatedEntries, validateWithRelated } from './entry-context';
import { nameKeyOf } from './name-key';
import { carriedSigner } from './signer';
import type { FileData } from './backup-rows';
import { anchorAudit, restartAnchors } from './audit-anchors';
import { PIN_ITERATIONS } from './pin';
import { createPagePinKeeper, SignInWaitError, withoutDigest, type PinKeeper } from './pin-keeper';
import type { Session } from './session';
import type {
  Book,
  EntryRecord,
  ExportRun,
  FieldComment,
  Page,
  PageRegion,
  Person,
  ReviewDecision,
  Scan,
} from './types';
import {
  contentHash,
  decideMerge,
  emptySummary,
  withoutForeignApproval,
  type MergeSummary,
} from './work-package-merge';
import { WorkflowError, type WorkflowErrorCode } from './workflow-error';

export type NewBookInput = Omit<Book, 'id' | 'createdAt' | 'updatedAt'>;
export type BookSettings = Partial<Omit<NewBookInput, 'type' | 'templateVersion'>>;

export interface NewScanInput {
  fileName: string;
  mimeType: string;
  blob: Blob;
  pageCount: number;
}

const newId = (): string => crypto.randomUUID();

export interface ImportOptions {
  /** The workbook's name, for the audit log. */
  fileName?: string;
  /** PDFs matched to rows (by index in `rows`): each becomes a scan linked to its entry. */
  scans?: { rowIndex: number; fileName: string; blob: Blob; pageCount: number }[];
}

/** An import refused inside its transaction: a number and date already in the book. */
export class ImportConflictError extends Error {
  constructor(readonly keys: string[]) {
    super(`Entries already in the book: ${keys.join(', ')}`);
    this.name = 'ImportConflictError';
  }
}

/** A template move that would lose typed values, asked for without the officer's consent. */
export class TemplateDataLossError extends Error {
  constructor(readonly plan: MigrationPlan) {
    super(`Moving to ${plan.to} would drop data in: ${plan.dropped.map((f) => f.key).join(', ')}`);
    this.name = 'TemplateDataLossError';
  }
}

/** The number after the previous entry's: books are typed in order, so this is what comes next. */
function nextSo(previous: Pick<EntryRecord, 'fields'> | undefined): string {
  const n = Number.parseInt(previous?.fields.so ?? '', 10);
  return String(Number.isFinite(n) ? n + 1 : 1);
}

export interface NewOfficerInput {
  name: string;
  role: OfficerRole;
  pin: string;
}

export interface RepositoryOptions {
  /** PBKDF2 iterations for new PINs; tests lower it to stay quick. */
  pinIterations?: number;
  /** Where PINs are checked and kept: the page (browser) unless the desktop's main is given. */
  pins?: PinKeeper;
}

type AuditLine = Omit<AuditInput, 'at' | 'by'>;

/**
 * A new entry of the book: its defaults, the number after `previous`'s, the page the officer
 * is looking at. Created after `previous`, so it sorts after it even within one millisecond.
 * A signer typed over the book's on `previous` is taken instead of the book's (signer.ts).
 */
export function newEntryRecord(
  book: Book,
  pageId: string | null,
  previous: (Pick<EntryRecord, 'fields' | 'createdAt'> & { updatedAt?: number }) | undefined,
  now: number,
): EntryRecord {
  const template = getTemplate(book.templateVersion);
  const signer: Partial<Record<string, string>> = carriedSigner(book, previous) ?? {};
  const fields: Record<string, string> = {};
  for (const field of template.fields) {
    fields[field.key] = field.bookDefault
      ? (signer[field.bookDefault] ?? String(book[field.bookDefault]))
      : '';
  }
  fields.so = nextSo(previous);
  const createdAt = Math.max(now, (previous?.createdAt ?? -Infinity) + 1);
  return {
    id: newId(),
    bookId: book.id,
    templateVersion: book.templateVersion,
    fields,
    pageIds: pageId ? [pageId] : [],
    status: newEntryStatus,
    createdAt,
    updatedAt: createdAt,
    revision: 1,
    nameKey: nameKeyOf(template, fields),
    acknowledgements: [],
  };
}

export function createRepositories(
  db: SohoaDatabase,
  session: Session,
  options: RepositoryOptions = {},
) {
  const pins = options.pins ?? createPagePinKeeper(options.pinIterations ?? PIN_ITERATIONS);

  /** Appends audit lines for one action. Call inside a transaction that includes db.audit. */
  const audit = (by: Person, at: number, ...lines: AuditLine[]) =>
    appendAudit(
      db.audit,
      lines.map((line) => ({ ...line, at, by: by.id })),
    );

  /** Every table a backup fills; a restore empties them first. */
  const backupTables = () => [
    db.books,
    db.scans,
    db.pages,
    db.records,
    db.people,
    db.audit,
    db.settings,
    db.exports,
    db.exchanges,
    db.conflicts,
  ];

  /** Writes a backup's rows as they were saved, into emptied tables (inside a transaction). */
  const putBackup = async (data: FileData) => {
    for (const table of backupTables()) await table.clear();
    await db.books.bulkAdd(data.books);
    await db.scans.bulkAdd(data.scans);
    await db.pages.bulkAdd(data.pages);
    await db.records.bulkAdd(data.records);
    await db.people.bulkAdd(data.people);
    await db.audit.bulkAdd(data.audit);
    await db.settings.bulkAdd(data.settings);
    await db.exports.bulkAdd(data.exports);
    await db.exchanges.bulkAdd(data.exchanges);
    await db.conflicts.bulkAdd(data.conflicts);
  };

  /**
   * The signed-in officer as stored now, refused when signed out, deactivated or without the
   * permission. Call inside a transaction that includes db.people.
   */
  const actor = async (permission: Permission): Promise<Person> => {
    const signedIn = session.officer();
    if (!signedIn) throw new WorkflowError('not-signed-in');
    const officer = await db.people.get(signedIn.id);
    if (!officer || officer.active === false) throw new WorkflowError('not-signed-in');
    if (!can(officer.role, permission)) throw new WorkflowError('not-allowed');
    return officer;
  };

  /** An active officer, not stored yet and without a PIN (see `pins`). */
  const newOfficer = (input: NewOfficerInput): Person => {
    const problem = pinProblem(input.pin);
    if (problem) throw new WorkflowError(problem);
    return {
      id: newId(),
      name: input.name.trim(),
      role: input.role,
      createdAt: Date.now(),
      active: true,
    };
  };

  /** The row as stored: with the page's digest, or none where main keeps it. */
  const withDigest = (officer: Person, digest: Person['pin']): Person =>
    digest ? { ...officer, pin: digest } : withoutDigest(officer);

  const getRecord = async (recordId: string): Promise<EntryRecord> => {
    const record = await db.records.get(recordId);
    if (!record) throw new Error(`Entry ${recordId} not found`);
    return record;
  };

  /** An entry that may still change: a voided one is read-only until it is restored. */
  const getLiveRecord = async (recordId: string): Promise<EntryRecord> => {
    const record = await getRecord(recordId);
    if (isSetAside(record.status)) throw new WorkflowError('entry-voided');
    return record;
  };

  /**
   * The verdict the form shows and the export gives, rules across entries included. Call inside
   * a transaction over records and books.
   */
  const verdictFor = async (record: EntryRecord): Promise<Verdict> => {
    const book = await db.books.get(record.bookId);
    if (!book) throw new Error(`Book ${record.bookId} not found`);
    const template = getTemplate(record.templateVersion);
    const related = await loadRelatedEntries(db, book, {
      so: record.fields.so ?? '',
      nameKey: nameKeyOf(template, record.fields),
      selfId: record.id,
    });
    const result = validateWithRelated(template, record.fields, {
      book,
      selfId: record.id,
      related,
    });
    return verdictOf(result, record.acknowledgements);
  };

  /**
   * Refuses a write into an archived book: it is read-only until an administrator restores it.
   * Call inside a transaction that includes db.books.
   */
  const requireOpenBook = async (bookId: string): Promise<Book> => {
    const book = await db.books.get(bookId);
    if (!book) throw new Error(`Book ${bookId} not found`);
    if (book.archived) throw new WorkflowError('book-archived');
    return book;
  };

  /**
   * The workflow's transition for `event` from the entry's status, refused with wrong-status
   * where the table has none and with the guard's code where its guard says no.
   */
  const transitionFor = (event: EntryEvent, record: EntryRecord, officer: Person) => {
    const transition = transitionFrom(event, record.status, entryWorkflow);
    if (!transition) throw new WorkflowError('wrong-status');
    const refusal = transition.guard?.(record, officer.id);
    if (refusal) throw new WorkflowError(refusal);
    return transition;
  };

  /** The permission an event of the workflow asks for, whatever status it starts from. */
  const permissionOf = (event: EntryEvent): Permission => {
    const row = entryWorkflow.transitions.find((transition) => transition.event === event);
    if (!row) throw new Error(`No transition for ${event}`);
    return row.permission;
  };

  /**
   * One status change that needs a reason (reopen, void, restore): the reason is required, the
   * officer must hold the transition's permission, and the entry, its new status and the audit
   * event carrying the reason are written in one transaction.
   */
  const changeStatusWithReason = async <E extends 'reopen' | 'void' | 'restore'>(
    recordId: string,
    reason: string,
    step: {
      event: E;
      reasonRequired: WorkflowErrorCode;
      /** What the entry keeps of the change, beside its new status. */
      keep: (
        record: EntryRecord,
        mark: { from: StatusFrom<E>; by: string; at: number; reason: string },
      ) => Partial<EntryRecord>;
    },
  ): Promise<EntryRecord> => {
    const text = reason.trim();
    if (!text) throw new WorkflowError(step.reasonRequired);
    const now = Date.now();
    return db.transaction('rw', db.books, db.records, db.people, db.audit, async () => {
      const officer = await actor(permissionOf(step.event));
      const record = await getRecord(recordId);
      const transition = transitionFor(step.event, record, officer);
      if (transition.needsOpenBook) await requireOpenBook(record.bookId);
      // The table has a transition for this event from this status, so it is one of its sources.
      const from = record.status as StatusFrom<E>;
      const changed: EntryRecord = {
        ...record,
        ...step.keep(record, { from, by: officer.id, at: now, reason: text }),
        status: transition.to,
        updatedAt: now,
        updatedBy: officer.id,
        revision: record.revision + 1,
      };
      await db.records.put(changed);
      await audit(officer, now, {
        entity: 'record',
        entityId: recordId,
        action: step.event,
        oldValue: record.status,
        newValue: changed.status,
        reason: text,
      });
      return changed;
    });
  };

  /** Refuses an entry that is not ready, saying whether errors or unconfirmed warnings hold it. */
  const requireReady = async (record: EntryRecord): Promise<void> => {
    const verdict = await verdictFor(record);
    if (verdict === 'errors') throw new WorkflowError('has-errors');
    if (verdict === 'unconfirmed') throw new WorkflowError('unconfirmed-warnings');
  };

  /** Reviewers decide only on entries someone else typed and submitted. */
  const review = async (
    recordId: string,
    decision: Omit<ReviewDecision, 'by' | 'at'>,
  ): Promise<EntryRecord> => {
    const now = Date.now();
    return db.transaction('rw', db.records, db.books, db.people, db.audit, async () => {
      const event = decision.decision === 'approved' ? 'approve' : 'reject';
      const officer = await actor(permissionOf(event));
      const record = await getRecord(recordId);
      const transition = transitionFor(event, record, officer);
      if (transition.needsOpenBook) await requireOpenBook(record.bookId);
      if (transition.needsReady) await requireReady(record);
      // Approved again: what went back to draft is back in the export.
      const { reopened, ...rest } = record;
      const reviewed: EntryRecord = {
        ...(decision.decision === 'approved' || !reopened ? rest : { ...rest, reopened }),
        status: transition.to,
        review: { ...decision, by: officer.id, at: now },
        updatedAt: now,
        revision: record.revision + 1,
      };
      await db.records.put(reviewed);
      await audit(
        officer,
        now,
        {
          entity: 'record',
          entityId: recordId,
          action: event,
          oldValue: record.status,
          newValue: transition.to,
          ...(decision.reason ? { reason: decision.reason } : {}),
        },
        ...decision.comments.map((comment): AuditLine => ({
          entity: 'record',
          entityId: recordId,
          action: 'comment',
          field: comment.field,
          newValue: comment.text,
        })),
      );
      return reviewed;
    });
  };

  /** Submits the given entries as the signed-in officer; all of them or none. */
  const submit = async (recordIds: readonly string[]): Promise<EntryRecord[]> => {
    const now = Date.now();
    return db.transaction('rw', db.records, db.books, db.people, db.audit, async () => {
      const officer = await actor(permissionOf('submit'));
      const submitted: EntryRecord[] = [];
      for (const recordId of recordIds) {
        const record = await getRecord(recordId);
        const transition = transitionFor('submit', record, officer);
        if (transition.needsOpenBook) await requireOpenBook(record.bookId);
        if (transition.needsReady) await requireReady(record);
        submitted.push({
          ...record,
          status: transition.to,
          submittedBy: officer.id,
          submittedAt: now,
          updatedAt: now,
          revision: record.revision + 1,
        });
      }
      await db.records.bulkPut(submitted);
      await audit(
        officer,
        now,
        ...submitted.map((record): AuditLine => ({
          entity: 'record',
          entityId: record.id,
          action: 'submit',
          newValue: record.status,
        })),
      );
      return submitted;
    });
  };

  return {
    // ── Officers ────────────────────────────────────────────────────────────────────────────

    /** The first run: creates the administrator. Refused once any officer exists. */
    async setUpAdministrator(name: string, pin: string): Promise<Person> {
      const created = newOfficer({ name, role: 'admin', pin });
      // Hashing (or main's check) happens outside the transaction, which would not wait for it.
      const admin = withDigest(created, await pins.setUpAdministrator(created, pin));
      const now = admin.createdAt;
      await db.transaction('rw', db.people, db.audit, async () => {
        // On the desktop main decides: it refuses once it knows any officer.
        if (pins.where === 'page' && (await db.people.count()) > 0) {
          throw new WorkflowError('already-set-up');
        }
        await db.people.add(admin);
        await audit(admin, now, {
          entity: 'officer',
          entityId: admin.id,
          action: 'create',
          newValue: 'admin',
        });
      });
      return admin;
    },

    async addOfficer(input: NewOfficerInput): Promise<Person> {
      const created = newOfficer(input);
      const officer = withDigest(created, await pins.savePin(created, input.pin));
      const now = officer.createdAt;
      await db.transaction('rw', db.people, db.audit, async () => {
        const admin = await actor('administer');
        await db.people.add(officer);
        await audit(admin, now, {
          entity: 'officer',
          entityId: officer.id,
          action: 'create',
          newValue: input.role,
        });
      });
      return officer;
    },

    /** Role, trust and active flag; an administrator's job. The last administrator stays one. */
    async updateOfficer(
      officerId: string,
      changes: Partial<Pick<Person, 'name' | 'role' | 'trusted' | 'active'>>,
    ): Promise<void> {
      const now = Date.now();
      if (
        pins.where === 'main' &&
        ('name' in changes || 'role' in changes || 'active' in changes)
      ) {
        const before = await db.people.get(officerId);
        if (!before) throw new Error(`Officer ${officerId} not found`);
        await pins.saveProfile({ ...before, ...changes });
      }
      await db.transaction('rw', db.people, db.audit, async () => {
        const admin = await actor('administer');
        const officer = await db.people.get(officerId);
        if (!officer) throw new Error(`Officer ${officerId} not found`);
        const updated: Person = { ...officer, ...changes };
        const stillAdmin = updated.role === 'admin' && updated.active !== false;
        if (officer.role === 'admin' && !stillAdmin) {
          const admins = await db.people
            .filter((p) => p.role === 'admin' && p.active !== false)
            .count();
          if (admins <= 1) throw new WorkflowError('last-admin');
        }
        await db.people.put(updated);
        await audit(admin, now, {
          entity: 'officer',
          entityId: officerId,
          action: 'update',
          newValue: JSON.stringify(changes),
        });
      });
    },

    /** Officers change their own PIN; administrators reset anyone's. */
    async setPin(officerId: string, pin: string): Promise<void> {
      const problem = pinProblem(pin);
      if (problem) throw new WorkflowError(problem);
      const before = await db.people.get(officerId);
      if (!before) throw new Error(`Officer ${officerId} not found`);
      const digest = await pins.savePin(before, pin);
      const now = Date.now();
      await db.transaction('rw', db.people, db.audit, async () => {
        const signedIn = session.officer();
        const officer = await actor(signedIn?.id === officerId ? 'enter' : 'administer');
        const target = await db.people.get(officerId);
        if (!target) throw new Error(`Officer ${officerId} not found`);
        await db.people.put(withDigest(target, digest));
        await audit(officer, now, { entity: 'officer', entityId: officerId, action: 'pin' });
      });
    },

    /**
     * Checks the PIN and, when it is right, makes this officer the one at the keyboard. Null for
     * a wrong PIN; on the desktop, main may also refuse to check yet (SignInWaitError) or know
     * no PIN for this officer ('pin-not-set').
     */
    async signIn(officerId: string, pin: string): Promise<Person | null> {
      const officer = await db.people.get(officerId);
      if (!officer || officer.active === false) return null;
      const check = await pins.checkPin(officer, pin);
      if (!check.ok) {
        if (check.reason === 'wait') throw new SignInWaitError(check.waitMs);
        if (check.reason === 'no-pin' && pins.where === 'main') {
          throw new WorkflowError('pin-not-set');
        }
        return null;
      }
      const now = Date.now();
      await db.transaction('rw', db.audit, async () => {
        await audit(officer, now, { entity: 'officer', entityId: officer.id, action: 'sign-in' });
      });
      session.signIn(officer);
      return officer;
    },

    /** A setting that holds for everyone on this PC (e.g. the idle lock); administrators only. */
    async setSetting(key: string, value: unknown): Promise<void> {
      const now = Date.now();
      await db.transaction('rw', db.settings, db.people, db.audit, async () => {
        const admin = await actor('administer');
        const before = await db.settings.get(key);
        await db.settings.put({ key, value });
        await audit(admin, now, {
          entity: 'setting',
          entityId: key,
          action: 'update',
          oldValue: JSON.stringify(before?.value ?? null),
          newValue: JSON.stringify(value),
        });
      });
    },

    // ── Books, scans and entries ───────────────────────────────────────────────────────────

    async createBook(input: NewBookInput): Promise<Book> {
      const now = Date.now();
      const book: Book = { id: newId(), ...input, createdAt: now, updatedAt: now };
      await db.transaction('rw', db.books, db.people, db.audit, async () => {
        const officer = await actor('enter');
        await db.books.add(book);
        await audit(officer, now, { entity: 'book', entityId: book.id, action: 'create' });
      });
      return book;
    },

    /** Changes a book's defaults and settings; entries already typed keep their values. */
    async updateBook(bookId: string, changes: BookSettings): Promise<void> {
      const now = Date.now();
      await db.transaction('rw', db.books, db.people, db.audit, async () => {
        const officer = await actor('enter');
        const book = await requireOpenBook(bookId);
        await db.books.put({ ...book, ...changes, updatedAt: now });
        await audit(officer, now, {
          entity: 'book',
          entityId: bookId,
          action: 'settings',
          newValue: JSON.stringify(changes),
        });
      });
    },

    /**
     * Moves a book and all its entries to another template version of the same register, in
     * one transaction. Values in columns the new version lacks are lost, so the move is refused
     * unless `allowDataLoss`; an entry that loses a value goes back to draft like any edit, and
     * each lost value is logged on the entry so its history shows what went.
     */
    async moveBookToTemplate(
      bookId: string,
      toVersion: string,
      { allowDataLoss = false }: { allowDataLoss?: boolean } = {},
    ): Promise<MigrationPlan> {
      const now = Date.now();
      const to = getTemplate(toVersion);
      return db.transaction('rw', db.books, db.records, db.people, db.audit, async () => {
        const officer = await actor('enter');
        const book = await db.books.get(bookId);
        if (!book) throw new Error(`Book ${bookId} not found`);
        const records = await db.records.where('bookId').equals(bookId).toArray();
        const plan = planTemplateMigration(getTemplate(book.templateVersion), to, records);
        if (plan.losesData && !allowDataLoss) throw new TemplateDataLossError(plan);
        const lines: AuditLine[] = [
          {
            entity: 'book',
            entityId: bookId,
            action: 'template',
            oldValue: book.templateVersion,
            newValue: to.version,
            ...(plan.losesData
              ? {
                  reason: plan.dropped
                    .filter((f) => f.entriesWithData > 0)
                    .map((f) => f.key)
                    .join(', '),
                }
              : {}),
          },
        ];
        const moved = records.map((record): EntryRecord => {
          const lost = lostFields(to, record.fields);
          const fields = migrateFields(to, record.fields);
          const status = lost.length > 0 ? statusAfterEdit(record.status) : record.status;
          for (const field of lost) {
            lines.push({
              entity: 'record',
              entityId: record.id,
              action: 'edit',
              field,
              oldValue: record.fields[field] ?? '',
              newValue: '',
            });
          }
          if (status !== record.status) {
            lines.push({
              entity: 'record',
              entityId: record.id,
              action: 'withdraw',
              oldValue: record.status,
              newValue: status,
            });
          }
          return {
            ...record,
            templateVersion: to.version,
            fields,
            status,
            nameKey: nameKeyOf(to, fields),
            updatedAt: now,
            updatedBy: officer.id,
            revision: record.revision + 1,
          };
        });
        await db.books.put({ ...book, templateVersion: to.version, updatedAt: now });
        await db.records.bulkPut(moved);
        await audit(officer, now, ...lines);
        return plan;
      });
    },

    /** Stores the scan file and appends its pages to the end of the book's page sequence. */
    async addScan(bookId: string, input: NewScanInput): Promise<{ scan: Scan; pages: Page[] }> {
      const now = Date.now();
      const scan: Scan = {
        id: newId(),
        bookId,
        fileName: input.fileName,
        mimeType: input.mimeType,
        size: input.blob.size,
        blob: input.blob,
        pageCount: input.pageCount,
        importedAt: now,
      };
      let pages: Page[] = [];
      await db.transaction('rw', db.books, db.scans, db.pages, db.people, db.audit, async () => {
        const officer = await actor('enter');
        await requireOpenBook(bookId);
        const existing = await db.pages.where('bookId').equals(bookId).count();
        pages = Array.from({ length: input.pageCount }, (_, i) => ({
          id: newId(),
          bookId,
          scanId: scan.id,
          indexInScan: i,
          order: existing + i,
          rotation: 0 as const,
        }));
        await db.scans.add(scan);
        await db.pages.bulkAdd(pages);
        await audit(officer, now, {
          entity: 'scan',
          entityId: scan.id,
          action: 'import',
          newValue: scan.fileName,
        });
      });
      return { scan, pages };
    },

    /**
     * A new entry prefilled with the book's defaults and the number after the previous entry's,
     * linked to the page the officer is looking at.
     */
    async createEntry(bookId: string, pageId: string | null): Promise<EntryRecord> {
      const now = Date.now();
      let record: EntryRecord | undefined;
      await db.transaction('rw', db.books, db.records, db.people, db.audit, async () => {
        const officer = await actor('enter');
        const book = await requireOpenBook(bookId);
        const previous = await db.records
          .where('[bookId+createdAt]')
          .between([bookId, -Infinity], [bookId, Infinity])
          .last();
        record = {
          ...newEntryRecord(book, pageId, previous, now),
          createdBy: officer.id,
          updatedBy: officer.id,
        };
        await db.records.add(record);
        await audit(officer, now, { entity: 'record', entityId: record.id, action: 'create' });
      });
      if (!record) throw new Error('Entry was not created');
      return record;
    },

    /**
     * Stores an entry built with newEntryRecord, e.g. one already on screen, as the signed-in
     * officer's. Only if it is not stored yet: the write queue tries a creation again after a
     * failure, and the entry may already hold fields typed since.
     */
    async addEntry(built: EntryRecord): Promise<void> {
      await db.transaction('rw', db.books, db.records, db.people, db.audit, async () => {
        const officer = await actor('enter');
        if (await db.records.get(built.id)) return;
        await requireOpenBook(built.bookId);
        await db.records.add({ ...built, createdBy: officer.id, updatedBy: officer.id });
        await audit(officer, built.createdAt, {
          entity: 'record',
          entityId: built.id,
          action: 'create',
        });
      });
    },

    /**
     * Saves changed field values; resolves once they are durably on disk. A submitted or approved
     * entry is refused: it is reopened first (reopenEntry), so it never drops out of review or
     * export without the officer saying so.
     */
    async saveFields(recordId: string, changes: Record<string, string>): Promise<EntryRecord> {
      const now = Date.now();
      let saved: EntryRecord | undefined;
      await db.transaction('rw', db.books, db.records, db.people, db.audit, async () => {
        const officer = await actor('enter');
        const record = await getRecord(recordId);
        const changed = Object.entries(changes).filter(([k, v]) => (record.fields[k] ?? '') !== v);
        if (changed.length === 0) {
          saved = record;
          return;
        }
        if (isSetAside(record.status)) throw new WorkflowError('entry-voided');
        if (needsReopen(record.status)) throw new WorkflowError('reopen-required');
        await requireOpenBook(record.bookId);
        const fields = { ...record.fields };
        for (const [key, value] of changed) fields[key] = value;
        saved = {
          ...record,
          fields,
          nameKey: nameKeyOf(getTemplate(record.templateVersion), fields),
          updatedAt: now,
          updatedBy: officer.id,
          revision: record.revision + 1,
        };
        await db.records.put(saved);
        await audit(
          officer,
          now,
          ...changed.map(([field, newValue]): AuditLine => ({
            entity: 'record',
            entityId: recordId,
            action: 'edit',
            field,
            oldValue: record.fields[field] ?? '',
            newValue,
          })),
        );
      });
      if (!saved) throw new Error('Entry was not saved');
      return saved;
    },

    /**
     * Takes a submitted or approved entry back to a draft so it can be changed, with the officer's
     * reason; the status and its audit event are written together.
     */
    reopenEntry(recordId: string, reason: string): Promise<EntryRecord> {
      return changeStatusWithReason(recordId, reason, {
        event: 'reopen',
        reasonRequired: 'reopen-reason-required',
        keep: (_record, mark) => ({ reopened: mark }),
      });
    },

    /**
     * Voids an entry with the officer's reason: it stays in the database and the audit log, read
     * only, out of the export, the numbering checks and the statistics. Status and audit event
     * are written together. Any officer who types may void; restoring takes a supervisor.
     */
    voidEntry(recordId: string, reason: string): Promise<EntryRecord> {
      return changeStatusWithReason(recordId, reason, {
        event: 'void',
        reasonRequired: 'void-reason-required',
        keep: (_record, mark) => ({ voided: mark }),
      });
    },

    /**
     * Brings a voided entry back as a draft, with a supervisor's (reviewer or administrator)
     * reason: whatever it was before, it is checked and submitted again before it can go out.
     */
    restoreEntry(recordId: string, reason: string): Promise<EntryRecord> {
      return changeStatusWithReason(recordId, reason, {
        event: 'restore',
        reasonRequired: 'void-reason-required',
        keep: (record, { by, at, reason }) =>
          record.voided ? { voided: { ...record.voided, restored: { by, at, reason } } } : {},
      });
    },

    /**
     * Archives a book (administrators): hidden from the default book list and read-only until
     * restored. Its entries stay as they are.
     */
    async archiveBook(bookId: string, reason = ''): Promise<Book> {
      const now = Date.now();
      const text = reason.trim();
      return db.transaction('rw', db.books, db.people, db.audit, async () => {
        const officer = await actor('administer');
        const book = await db.books.get(bookId);
        if (!book) throw new Error(`Book ${bookId} not found`);
        if (book.archived) throw new WorkflowError('book-archived');
        const archived: Book = {
          ...book,
          archived: { by: officer.id, at: now, ...(text ? { reason: text } : {}) },
          updatedAt: now,
        };
        await db.books.put(archived);
        await audit(officer, now, {
          entity: 'book',
          entityId: bookId,
          action: 'archive',
          ...(text ? { reason: text } : {}),
        });
        return archived;
      });
    },

    /** Takes a book out of the archive (administrators): listed and writable again. */
    async unarchiveBook(bookId: string): Promise<Book> {
      const now = Date.now();
      return db.transaction('rw', db.books, db.people, db.audit, async () => {
        const officer = await actor('administer');
        const book = await db.books.get(bookId);
        if (!book) throw new Error(`Book ${bookId} not found`);
        if (!book.archived) throw new WorkflowError('wrong-status');
        const restored: Book = { ...book, updatedAt: now };
        delete restored.archived;
        await db.books.put(restored);
        await audit(officer, now, { entity: 'book', entityId: bookId, action: 'unarchive' });
        return restored;
      });
    },

    async setEntryPages(recordId: string, pageIds: string[]): Promise<void> {
      const now = Date.now();
      await db.transaction('rw', db.books, db.records, db.people, db.audit, async () => {
        const officer = await actor('enter');
        const record = await getLiveRecord(recordId);
        await requireOpenBook(record.bookId);
        await db.records.put({ ...record, pageIds, updatedAt: now, revision: record.revision + 1 });
        await audit(officer, now, {
          entity: 'record',
          entityId: recordId,
          action: 'pages',
          newValue: pageIds.join(','),
        });
      });
    },

    /** Saves (or clears, with null) the box drawn around the entry on its page. */
    async setEntryRegion(recordId: string, region: PageRegion | null): Promise<void> {
      const now = Date.now();
      await db.transaction('rw', db.books, db.records, db.people, db.audit, async () => {
        const officer = await actor('enter');
        const record = await getLiveRecord(recordId);
        await requireOpenBook(record.bookId);
        const rest: EntryRecord = { ...record };
        delete rest.region;
        await db.records.put({
          ...rest,
          ...(region ? { region } : {}),
          updatedAt: now,
          revision: record.revision + 1,
        });
        await audit(officer, now, {
          entity: 'record',
          entityId: recordId,
          action: 'region',
          newValue: region ? JSON.stringify(region) : '',
        });
      });
    },

    /** Puts a page at another place in the book's sequence; the others close up. */
    async movePage(bookId: string, pageId: string, toOrder: number): Promise<void> {
      await db.transaction('rw', db.books, db.pages, db.people, db.audit, async () => {
        const officer = await actor('enter');
        await requireOpenBook(bookId);
        const pages = await db.pages
          .where('[bookId+order]')
          .between([bookId, -Infinity], [bookId, Infinity])
          .toArray();
        const moving = pages.find((page) => page.id === pageId);
        if (!moving) throw new Error(`Page ${pageId} not found`);
        const rest = pages.filter((page) => page.id !== pageId);
        const target = Math.max(0, Math.min(rest.length, toOrder));
        rest.splice(target, 0, moving);
        await db.pages.bulkPut(rest.map((page, order) => ({ ...page, order })));
        await audit(officer, Date.now(), {
          entity: 'scan',
          entityId: pageId,
          action: 'move',
          newValue: String(target),
        });
      });
    },

    /**
     * Removes a page from the book (the scan file itself is kept) and unlinks it from
     * entries, in one transaction so no entry points at a missing page.
     */
    async deletePage(bookId: string, pageId: string): Promise<void> {
      await db.transaction('rw', db.books, db.pages, db.records, db.people, db.audit, async () => {
        const officer = await actor('enter');
        await requireOpenBook(bookId);
        await db.pages.delete(pageId);
        const pages = await db.pages
          .where('[bookId+order]')
          .between([bookId, -Infinity], [bookId, Infinity])
          .toArray();
        await db.pages.bulkPut(pages.map((page, order) => ({ ...page, order })));
        const linked = await db.records
          .where('bookId')
          .equals(bookId)
          .filter((record) => record.pageIds.includes(pageId) || record.region?.pageId === pageId)
          .toArray();
        for (const record of linked) {
          const { region, ...rest } = record;
          await db.records.put({
            ...rest,
            ...(region && region.pageId !== pageId ? { region } : {}),
            pageIds: record.pageIds.filter((id) => id !== pageId),
            revision: record.revision + 1,
            updatedAt: Date.now(),
          });
        }
        await audit(officer, Date.now(), {
          entity: 'scan',
          entityId: pageId,
          action: 'delete-page',
        });
      });
    },

    async setPageDetails(
      pageId: string,
      details: { rotation?: Page['rotation']; bookPageNumber?: string },
    ): Promise<void> {
      await db.transaction('rw', db.books, db.pages, db.people, db.audit, async () => {
        const officer = await actor('enter');
        const page = await db.pages.get(pageId);
        if (!page) throw new Error(`Page ${pageId} not found`);
        await requireOpenBook(page.bookId);
        await db.pages.put({ ...page, ...details });
        await audit(officer, Date.now(), {
          entity: 'scan',
          entityId: pageId,
          action: 'page',
          newValue: JSON.stringify(details),
        });
      });
    },

    /** Records the officer's reason for keeping a warning; replaces an earlier answer. */
    async acknowledge(recordId: string, issue: Issue, reason: string): Promise<Acknowledgement> {
      let ack = acknowledge(issue, reason, Date.now());
      await db.transaction('rw', db.books, db.records, db.people, db.audit, async () => {
        const officer = await actor('enter');
        ack = { ...ack, by: officer.id };
        const record = await getLiveRecord(recordId);
        await requireOpenBook(record.bookId);
        const answer = async (target: EntryRecord, given: Acknowledgement) => {
          const others = target.acknowledgements.filter((a) => warningKey(a) !== warningKey(given));
          await db.records.put({
            ...target,
            acknowledgements: [...others, given],
            updatedAt: given.at,
            revision: target.revision + 1,
          });
        };
        await answer(record, ack);
        // A repeated số is one fact about two entries: confirmed once, it holds for both.
        const partner =
          ack.rule === 'soRepeated' && ack.subject !== undefined
            ? await db.records.get(ack.subject)
            : undefined;
        if (partner?.bookId === record.bookId) {
          await answer(partner, { ...ack, subject: record.id });
        }
        await audit(officer, ack.at, {
          entity: 'record',
          entityId: recordId,
          action: 'acknowledge',
          field: ack.field,
          newValue: ack.rule,
          reason: ack.reason,
        });
      });
      return ack;
    },

    async recordExport(run: Omit<ExportRun, 'id' | 'at'>) {
      const now = Date.now();
      const id = newId();
      await db.transaction('rw', db.exports, db.people, db.audit, async () => {
        const officer = await actor('enter');
        await db.exports.add({ id, at: now, ...run, by: officer.id });
        await audit(officer, now, { entity: 'book', entityId: run.bookId, action: 'export' });
      });
      // Where the audit chain stood, kept beside the database and with the export's record.
      const head = await anchorAudit(db, 'export');
      if (head) await db.exports.update(id, { auditHead: head });
    },

    // ── Review workflow ────────────────────────────────────────────────────────────────────

    /**
     * Sends entries for review. Entries with errors or unconfirmed warnings, or not
     * draft/rejected, stop the lot.
     */
    submitEntries: submit,

    /**
     * Submits every draft or rejected entry of the book that is ready (no errors, every warning
     * confirmed); the rest stay where they are. Returns how many went and how many were held
     * back.
     */
    async submitComplete(bookId: string): Promise<{ submitted: number; withErrors: number }> {
      const ready: EntryRecord[] = [];
      let candidates = 0;
      await db.transaction('r', db.records, db.books, async () => {
        const drafts = await db.records
          .where('bookId')
          .equals(bookId)
          .filter((record) => canSubmit(record.status))
          .toArray();
        candidates = drafts.length;
        for (const record of drafts) {
          if ((await verdictFor(record)) === 'ready') ready.push(record);
        }
      });
      if (ready.length > 0) await submit(ready.map((record) => record.id));
      return { submitted: ready.length, withErrors: candidates - ready.length };
    },

    async approveEntry(recordId: string, comments: FieldComment[] = []): Promise<EntryRecord> {
      return review(recordId, { decision: 'approved', reason: '', comments });
    },

    /** Sends the entry back to its officer with a reason and, optionally, notes on fields. */
    async rejectEntry(
      recordId: string,
      reason: string,
      comments: FieldComment[] = [],
    ): Promise<EntryRecord> {
      if (!reason.trim()) throw new WorkflowError('reason-required');
      return review(recordId, { decision: 'rejected', reason: reason.trim(), comments });
    },

    /**
     * Adds the rows of an import as draft entries, all or none, with the PDF of each row that
     * has one as a scan linked to it. The number and date of each row are checked again
     * against the book inside the transaction, so an entry typed while the preview was open is
     * never doubled. Entries keep the sheet's order in createdAt.
     */
    async importEntries(
      bookId: string,
      rows: readonly Record<string, string>[],
      options: ImportOptions = {},
    ): Promise<EntryRecord[]> {
      const now = Date.now();
      const fileName = options.fileName ?? '';
      let records: EntryRecord[] = [];
      const tables = [db.books, db.records, db.people, db.audit, db.scans, db.pages];
      await db.transaction('rw', tables, async () => {
        const officer = await actor('enter');
        const book = await requireOpenBook(bookId);
        const template = getTemplate(book.templateVersion);
        const taken = new Set<string>();
        await db.records
          .where('bookId')
          .equals(bookId)
          .each((record) => {
            const key = entryKey(record.fields);
            if (key !== null) taken.add(key);
          });
        const clashes: string[] = [];
        records = rows.map((row, index): EntryRecord => {
          const fields = Object.fromEntries(
            template.fields.map((field) => [field.key, row[field.key] ?? '']),
          );
          const key = entryKey(fields);
          if (key !== null) {
            if (taken.has(key)) clashes.push(key);
            taken.add(key);
          }
          return {
            id: newId(),
            bookId,
            templateVersion: book.templateVersion,
            fields,
            pageIds: [],
            status: newEntryStatus,
            createdAt: now + index,
            updatedAt: now,
            revision: 1,
            nameKey: nameKeyOf(template, fields),
            acknowledgements: [],
            createdBy: officer.id,
            updatedBy: officer.id,
          };
        });
        if (clashes.length > 0) throw new ImportConflictError(clashes);

        let order = await db.pages.where('bookId').equals(bookId).count();
        const scans: Scan[] = [];
        const pages: Page[] = [];
        for (const attached of options.scans ?? []) {
          const record = records[attached.rowIndex];
          if (!record)
            throw new Error(`No imported row ${attached.rowIndex} for ${attached.fileName}`);
          const scan: Scan = {
            id: newId(),
            bookId,
            fileName: attached.fileName,
            mimeType: 'application/pdf',
            size: attached.blob.size,
            blob: attached.blob,
            pageCount: attached.pageCount,
            importedAt: now,
          };
          const own = Array.from({ length: attached.pageCount }, (_, i) => ({
            id: newId(),
            bookId,
            scanId: scan.id,
            indexInScan: i,
            order: order + i,
            rotation: 0 as const,
          }));
          order += attached.pageCount;
          scans.push(scan);
          pages.push(...own);
          record.pageIds = own.map((page) => page.id);
        }

        await db.records.bulkAdd(records);
        await db.scans.bulkAdd(scans);
        await db.pages.bulkAdd(pages);
        await audit(
          officer,
          now,
          {
            entity: 'book',
            entityId: bookId,
            action: 'import',
            newValue: JSON.stringify({ fileName, entries: records.length, scans: scans.length }),
          },
          ...records.map((record) => ({
            entity: 'record' as const,
            entityId: record.id,
            action: 'import' as const,
            newValue: fileName,
          })),
          ...scans.map((scan) => ({
            entity: 'scan' as const,
            entityId: scan.id,
            action: 'import' as const,
            newValue: scan.fileName,
          })),
        );
      });
      return records;
    },

    // ---- Backups, restore and work packages (renderer/db/backup*.ts, work-package*.ts) ----

    /**
     * Puts a whole backup back, table by table and row by row as it was saved (the audit log
     * keeps its order and links), into a database holding no books, entries or scans. Refuses
     * otherwise: merging is the way into a database that has work in it. The officers become
     * those of the backup, so whoever restored is signed out to sign in as one of them. A
     * backup none of whose administrators has a PIN here (the desktop app's backups carry no
     * PIN digests) keeps the administrator who restores it, so nobody is locked out.
     */
    async restoreIntoEmpty(data: FileData): Promise<void> {
      const now = Date.now();
      const keepsRestorer = !data.people.some(canAdministerHere);
      await db.transaction('rw', backupTables(), async () => {
        const officer = await actor('administer');
        const inUse =
          (await db.books.count()) + (await db.records.count()) + (await db.scans.count());
        if (inUse > 0) throw new DatabaseNotEmptyError();
        await putBackup(data);
        if (keepsRestorer) await db.people.put(officer);
        await audit(officer, now, {
          entity: 'database',
          entityId: '',
          action: 'restore',
          newValue: JSON.stringify({
            books: data.books.length,
            entries: data.records.length,
            restoredBy: officer.name,
          }),
        });
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
      await db.transaction('rw', backupTables(), async () => {
        if ((await db.people.count()) > 0) throw new WorkflowError('already-set-up');
        const inUse =
          (await db.books.count()) + (await db.records.count()) + (await db.scans.count());
        if (inUse > 0) throw new DatabaseNotEmptyError();
        await putBackup(data);
        await appendAudit(db.audit, [
          {
            at: Date.now(),
            by: '',
            entity: 'database',
            entityId: '',
            action: 'restore',
            newValue: JSON.stringify({
              books: data.books.length,
              entries: data.records.length,
              onNewPc: true,
            }),
          },
        ]);
      });
      await restartAnchors(db);
    },

    /**
     * Brings another PC's work (a work package or a backup) into this database: books, scans and
     * pages it lacks are added; each entry is added, skipped, taken over or kept by the rules of
     * work-package-merge.ts; entries changed on both sides wait in `conflicts`. One transaction.
     */
    async mergeFile(data: FileData, source: string): Promise<MergeSummary> {
      const now = Date.now();
      const summary = emptySummary();
      const tables = [
        db.books,
        db.scans,
        db.pages,
        db.records,
        db.people,
        db.exports,
        db.exchanges,
        db.conflicts,
        db.audit,
      ];
      await db.transaction('rw', tables, async () => {
        const officer = await actor('enter');
        for (const book of data.books) {
          if (await db.books.get(book.id)) continue;
          await db.books.add(book);
          summary.books += 1;
          await audit(officer, now, {
            entity: 'book',
            entityId: book.id,
            action: 'create-from-file',
            newValue: source,
          });
        }
        const scanIds = new Set(await db.scans.toCollection().primaryKeys());
        for (const scan of data.scans) {
          if (scanIds.has(scan.id)) continue;
          await db.scans.add(scan);
          scanIds.add(scan.id);
          summary.scans += 1;
          await audit(officer, now, {
            entity: 'scan',
            entityId: scan.id,
            action: 'import-from-file',
            newValue: source,
          });
        }
        // New pages go after the pages already here, in the order the other PC had them.
        const incomingPages = [...data.pages].sort((a, b) => a.order - b.order);
        for (const page of incomingPages) {
          if (!scanIds.has(page.scanId) || (await db.pages.get(page.id))) continue;
          const last = await db.pages
            .where('[bookId+order]')
            .between([page.bookId, -Infinity], [page.bookId, Infinity])
            .last();
          await db.pages.add({ ...page, order: last ? last.order + 1 : 0 });
        }
        // Officers, roles and PINs never come from a file: whoever is named in it signs in
        // nowhere here until an administrator of this PC adds them.
        for (const run of data.exports) {
          if (!(await db.exports.get(run.id))) await db.exports.add(run);
        }

        const theirBases = new Map(data.exchanges.map((state) => [state.id, state.hash]));
        for (const sent of data.records) {
          const theirs = withoutForeignApproval(sent);
          if (theirs !== sent) summary.approvalsWithheld += 1;
          const mine = await db.records.get(theirs.id);
          const myBase = (await db.exchanges.get(theirs.id))?.hash;
          const decision = decideMerge({
            mine,
            myBase,
            theirs,
            theirBase: theirBases.get(theirs.id),
          });
          const theirsHash = contentHash(theirs);
          const exchanged = () =>
            db.exchanges.put({ id: theirs.id, bookId: theirs.bookId, hash: theirsHash, at: now });
          switch (decision) {
            case 'add':
              await db.records.add(theirs);
              await exchanged();
              await db.conflicts.delete(theirs.id);
              summary.added += 1;
              await audit(officer, now, {
                entity: 'record',
                entityId: theirs.id,
                action: 'add-from-file',
                newValue: source,
              });
              break;
            case 'same':
              await exchanged();
              await db.conflicts.delete(theirs.id);
              summary.same += 1;
              break;
            case 'take-theirs':
              if (!mine) break;
              await db.records.put(takeOver(mine, theirs, now));
              await exchanged();
              await db.conflicts.delete(theirs.id);
              summary.tookTheirs += 1;
              await auditTakeOver(officer, mine, theirs, source, now);
              break;
            case 'keep-mine':
              summary.keptMine += 1;
              break;
            case 'conflict':
              await db.conflicts.put({
                id: theirs.id,
                bookId: theirs.bookId,
                theirs,
                theirsHash,
                source,
                receivedAt: now,
              });
              summary.conflicts += 1;
              await audit(officer, now, {
                entity: 'record',
                entityId: theirs.id,
                action: 'conflict',
                newValue: source,
              });
              break;
          }
        }
        await audit(officer, now, {
          entity: 'database',
          entityId: '',
          action: 'merge',
          newValue: JSON.stringify({ source, ...summary }),
        });
      });
      return summary;
    },

    /** Remembers what each entry looked like when it went out in a work package. */
    async markExchanged(
      bookId: string,
      sent: { id: string; bookId: string; hash: string }[],
      fileName: string,
    ): Promise<void> {
      const now = Date.now();
      await db.transaction('rw', db.exchanges, db.people, db.audit, async () => {
        const officer = await actor('enter');
        await db.exchanges.bulkPut(sent.map((state) => ({ ...state, at: now })));
        await audit(officer, now, {
          entity: 'book',
          entityId: bookId,
          action: 'work-package',
          newValue: JSON.stringify({ fileName, entries: sent.length }),
        });
      });
    },

    /** The supervisor's choice for an entry changed on both PCs. */
    async resolveConflict(recordId: string, choice: 'mine' | 'theirs'): Promise<void> {
      const now = Date.now();
      const tables = [db.records, db.conflicts, db.exchanges, db.people, db.audit];
      await db.transaction('rw', tables, async () => {
        const officer = await actor('review');
        const conflict = await db.conflicts.get(recordId);
        const mine = await db.records.get(recordId);
        if (!conflict || !mine) throw new Error(`Conflict ${recordId} not found`);
        if (choice === 'theirs') {
          await db.records.put(takeOver(mine, conflict.theirs, now));
          await auditTakeOver(officer, mine, conflict.theirs, conflict.source, now);
        }
        // Either way the other PC's version is now known here: the next package from there
        // that still holds it leaves this entry alone, and ours will take over there.
        await db.exchanges.put({
          id: recordId,
          bookId: mine.bookId,
          hash: conflict.theirsHash,
          at: now,
        });
        await db.conflicts.delete(recordId);
        await audit(officer, now, {
          entity: 'record',
          entityId: recordId,
          action: 'resolve-conflict',
          newValue: choice,
        });
      });
    },

    /** Notes a backup that was written, for the schedule and the supervisor's log. */
    async recordBackup(info: { reason: string; fileName: string; bytes: number }): Promise<void> {
      const now = Date.now();
      await db.transaction('rw', db.settings, db.people, db.audit, async () => {
        const officer = await actor('enter');
        await db.settings.put({ key: LAST_BACKUP_KEY, value: { at: now, ...info } });
        await audit(officer, now, {
          entity: 'database',
          entityId: '',
          action: 'backup',
          newValue: JSON.stringify(info),
        });
      });
    },

    /**
     * Notes on the audit chain that an administrator trusted another PC's signature, withdrew
     * that trust, or renamed this PC; refused for anyone else. The trust list itself lives in
     * the installation's own store (installation.ts), written by the caller once this passed.
     */
    async recordPcTrust(
      action: 'trust-pc' | 'revoke-pc' | 'rename-pc',
      pc: { installationId: string; name: string; fingerprint: string },
    ): Promise<Person> {
      const now = Date.now();
      return db.transaction('rw', db.people, db.audit, async () => {
        const officer = await actor('administer');
        await audit(officer, now, {
          entity: 'setting',
          entityId: `pc:${pc.installationId}`,
          action,
          newValue: JSON.stringify({ name: pc.name, fingerprint: pc.fingerprint }),
        });
        return officer;
      });
    },

    /** The automatic-backup schedule chosen on this PC. */
    async saveBackupSchedule(schedule: BackupSchedule): Promise<void> {
      const now = Date.now();
      await db.transaction('rw', db.settings, db.people, db.audit, async () => {
        const officer = await actor('administer');
        await db.settings.put({ key: BACKUP_SCHEDULE_KEY, value: schedule });
        await audit(officer, now, {
          entity: 'database',
          entityId: '',
          action: 'backup-schedule',
          newValue: JSON.stringify(schedule),
        });
      });
    },
  };

  /** The other PC's content on this PC's record: one more revision, nothing else lost. */
  /**
   * Another PC's version in place of this one. An entry voided here stays voided, with how it
   * was voided: a file never brings it back; a supervisor of this PC restores it, with a reason.
   */
  function takeOver(mine: EntryRecord, theirs: EntryRecord, now: number): EntryRecord {
    const staysVoided =
      mine.status === 'voided' && mine.voided ? { status: mine.status, voided: mine.voided } : {};
    return {
      ...theirs,
      ...staysVoided,
      createdAt: mine.createdAt,
      updatedAt: now,
      revision: Math.max(mine.revision, theirs.revision) + 1,
    };
  }

  /** One event per field the take-over changed, like an officer's own edit. */
  async function auditTakeOver(
    officer: Person,
    mine: EntryRecord,
    theirs: EntryRecord,
    source: string,
    now: number,
  ): Promise<void> {
    const keys = new Set([...Object.keys(mine.fields), ...Object.keys(theirs.fields)]);
    for (const field of keys) {
      const oldValue = mine.fields[field] ?? '';
      const newValue = theirs.fields[field] ?? '';
      if (oldValue === newValue) continue;
      await audit(officer, now, {
        entity: 'record',
        entityId: mine.id,
        action: 'edit-from-file',
        field,
        oldValue,
        newValue,
      });
    }
    await audit(officer, now, {
      entity: 'record',
      entityId: mine.id,
      action: 'take-from-file',
      newValue: source,
    });
  }
}

/** An active administrator whose PIN the backup carries: they can sign in after a restore. */
const canAdministerHere = (person: Person) =>
  person.role === 'admin' && person.active !== false && person.pin !== undefined;

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

export type Repositories = ReturnType<typeof createRepositories>;

// The checks commands share before they change an entry or a book: the row exists, the book is
// not archived, the entry is not voided, the workflow has the transition and its guard agrees.
import { getTemplate } from '../../../shared/registers';
import { verdictOf, type Verdict } from '../../../shared/validation/acknowledgements';
import { can, type Permission } from '../../../shared/workflow/roles';
import {
  entryWorkflow,
  isSetAside,
  transitionFrom,
  type EntryEvent,
} from '../../../shared/workflow/workflow';
import type { SohoaDatabase } from '../database';
import { loadRelatedEntries, validateWithRelated } from '../entry-context';
import { nameKeyOf } from '../name-key';
import type { Book, EntryRecord, Person } from '../types';
import { WorkflowError } from '../workflow-error';

export const newId = (): string => crypto.randomUUID();

export async function getRecord(db: SohoaDatabase, recordId: string): Promise<EntryRecord> {
  const record = await db.records.get(recordId);
  if (!record) throw new Error(`Entry ${recordId} not found`);
  return record;
}

/** An entry that may still change: a voided one is read-only until it is restored. */
export async function getLiveRecord(db: SohoaDatabase, recordId: string): Promise<EntryRecord> {
  const record = await getRecord(db, recordId);
  if (isSetAside(record.status)) throw new WorkflowError('entry-voided');
  return record;
}

export async function getBook(db: SohoaDatabase, bookId: string): Promise<Book> {
  const book = await db.books.get(bookId);
  if (!book) throw new Error(`Book ${bookId} not found`);
  return book;
}

/**
 * Refuses a write into an archived book: it is read-only until an administrator restores it.
 * Call inside a transaction that includes db.books.
 */
export async function requireOpenBook(db: SohoaDatabase, bookId: string): Promise<Book> {
  const book = await getBook(db, bookId);
  if (book.archived) throw new WorkflowError('book-archived');
  return book;
}

/**
 * The verdict the form shows and the export gives, rules across entries included. Call inside
 * a transaction over records and books.
 */
export async function verdictFor(db: SohoaDatabase, record: EntryRecord): Promise<Verdict> {
  const book = await getBook(db, record.bookId);
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
}

/** Refuses an entry that is not ready, saying whether errors or unconfirmed warnings hold it. */
export async function requireReady(db: SohoaDatabase, record: EntryRecord): Promise<void> {
  const verdict = await verdictFor(db, record);
  if (verdict === 'errors') throw new WorkflowError('has-errors');
  if (verdict === 'unconfirmed') throw new WorkflowError('unconfirmed-warnings');
}

/**
 * The workflow's transition for `event` from the entry's status, refused with wrong-status
 * where the table has none and with the guard's code where its guard says no.
 */
export function transitionFor(event: EntryEvent, record: EntryRecord, officer: Person) {
  const transition = transitionFrom(event, record.status, entryWorkflow);
  if (!transition) throw new WorkflowError('wrong-status');
  const refusal = transition.guard?.(record, officer.id);
  if (refusal) throw new WorkflowError(refusal);
  // One event may ask more from some statuses than from others (reopening an entry being keyed
  // twice is a supervisor's): the command's run checked the event's first row only.
  if (!can(officer.role, transition.permission)) throw new WorkflowError('not-allowed');
  return transition;
}

/** The permission an event of the workflow asks for, whatever status it starts from. */
export function permissionOf(event: EntryEvent): Permission {
  const row = entryWorkflow.transitions.find((transition) => transition.event === event);
  if (!row) throw new Error(`No transition for ${event}`);
  return row.permission;
}

/**
 * The transition of `event` for an entry, with the checks the table asks of it: an open book
 * and, for submissions and approvals, an entry without errors or unconfirmed warnings.
 */
export async function checkedTransition(
  db: SohoaDatabase,
  event: EntryEvent,
  record: EntryRecord,
  officer: Person,
) {
  const transition = transitionFor(event, record, officer);
  if (transition.needsOpenBook) await requireOpenBook(db, record.bookId);
  if (transition.needsReady) await requireReady(db, record);
  return transition;
}

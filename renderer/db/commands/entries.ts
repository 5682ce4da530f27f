// Entries as officers type them: created on the page they look at, fields saved, linked to
// pages and a box on one, and warnings confirmed with a reason.
import { getTemplate } from '../../../shared/registers';
import {
  acknowledge,
  warningKey,
  type Acknowledgement,
} from '../../../shared/validation/acknowledgements';
import type { Issue } from '../../../shared/validation/types';
import { needsReopen } from '../../../shared/workflow/roles';
import { isSetAside, newEntryStatus } from '../../../shared/workflow/workflow';
import { nameKeyOf } from '../name-key';
import { carriedSigner } from '../signer';
import type { Book, EntryRecord, PageRegion } from '../types';
import { WorkflowError } from '../workflow-error';
import { getLiveRecord, getRecord, newId, requireOpenBook } from './guards';
import type { AuditLine, CommandContext } from './run';

/** The number after the previous entry's: books are typed in order, so this is what comes next. */
function nextSo(previous: Pick<EntryRecord, 'fields'> | undefined): string {
  const n = Number.parseInt(previous?.fields.so ?? '', 10);
  return String(Number.isFinite(n) ? n + 1 : 1);
}

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

export function entryCommands({ db, run }: CommandContext) {
  return {
    /**
     * A new entry prefilled with the book's defaults and the number after the previous entry's,
     * linked to the page the officer is looking at.
     */
    async createEntry(bookId: string, pageId: string | null): Promise<EntryRecord> {
      return run('enter', ['books', 'records'], async (tx) => {
        const book = await requireOpenBook(db, bookId);
        const previous = await db.records
          .where('[bookId+createdAt]')
          .between([bookId, -Infinity], [bookId, Infinity])
          .last();
        const record: EntryRecord = {
          ...newEntryRecord(book, pageId, previous, tx.now),
          createdBy: tx.officer.id,
          updatedBy: tx.officer.id,
        };
        await db.records.add(record);
        tx.audit({ entity: 'record', entityId: record.id, action: 'create' });
        return record;
      });
    },

    /**
     * Stores an entry built with newEntryRecord, e.g. one already on screen, as the signed-in
     * officer's. Only if it is not stored yet: the write queue tries a creation again after a
     * failure, and the entry may already hold fields typed since.
     */
    async addEntry(built: EntryRecord): Promise<void> {
      await run(
        'enter',
        ['books', 'records'],
        async (tx) => {
          if (await db.records.get(built.id)) return;
          await requireOpenBook(db, built.bookId);
          await db.records.add({ ...built, createdBy: tx.officer.id, updatedBy: tx.officer.id });
          tx.audit({ entity: 'record', entityId: built.id, action: 'create' });
        },
        { now: built.createdAt },
      );
    },

    /**
     * Saves changed field values; resolves once they are durably on disk. A submitted or approved
     * entry is refused: it is reopened first (reopenEntry), so it never drops out of review or
     * export without the officer saying so.
     */
    async saveFields(recordId: string, changes: Record<string, string>): Promise<EntryRecord> {
      return run('enter', ['books', 'records'], async (tx) => {
        const record = await getRecord(db, recordId);
        const changed = Object.entries(changes).filter(([k, v]) => (record.fields[k] ?? '') !== v);
        if (changed.length === 0) return record;
        if (isSetAside(record.status)) throw new WorkflowError('entry-voided');
        if (needsReopen(record.status)) throw new WorkflowError('reopen-required');
        await requireOpenBook(db, record.bookId);
        const fields = { ...record.fields };
        for (const [key, value] of changed) fields[key] = value;
        const saved = tx.revise(record, {
          fields,
          nameKey: nameKeyOf(getTemplate(record.templateVersion), fields),
          updatedBy: tx.officer.id,
        });
        await db.records.put(saved);
        tx.audit(
          ...changed.map(([field, newValue]): AuditLine => ({
            entity: 'record',
            entityId: recordId,
            action: 'edit',
            field,
            oldValue: record.fields[field] ?? '',
            newValue,
          })),
        );
        return saved;
      });
    },

    async setEntryPages(recordId: string, pageIds: string[]): Promise<void> {
      await run('enter', ['books', 'records'], async (tx) => {
        const record = await getLiveRecord(db, recordId);
        await requireOpenBook(db, record.bookId);
        await db.records.put(tx.revise(record, { pageIds }));
        tx.audit({
          entity: 'record',
          entityId: recordId,
          action: 'pages',
          newValue: pageIds.join(','),
        });
      });
    },

    /** Saves (or clears, with null) the box drawn around the entry on its page. */
    async setEntryRegion(recordId: string, region: PageRegion | null): Promise<void> {
      await run('enter', ['books', 'records'], async (tx) => {
        const record = await getLiveRecord(db, recordId);
        await requireOpenBook(db, record.bookId);
        const rest: EntryRecord = { ...record };
        delete rest.region;
        await db.records.put(tx.revise(rest, region ? { region } : {}));
        tx.audit({
          entity: 'record',
          entityId: recordId,
          action: 'region',
          newValue: region ? JSON.stringify(region) : '',
        });
      });
    },

    /** Records the officer's reason for keeping a warning; replaces an earlier answer. */
    async acknowledge(recordId: string, issue: Issue, reason: string): Promise<Acknowledgement> {
      const given = acknowledge(issue, reason, Date.now());
      return run(
        'enter',
        ['books', 'records'],
        async (tx) => {
          const ack: Acknowledgement = { ...given, by: tx.officer.id };
          const record = await getLiveRecord(db, recordId);
          await requireOpenBook(db, record.bookId);
          const answer = async (target: EntryRecord, answered: Acknowledgement) => {
            const others = target.acknowledgements.filter(
              (a) => warningKey(a) !== warningKey(answered),
            );
            await db.records.put(
              tx.revise(target, {
                acknowledgements: [...others, answered],
                updatedAt: answered.at,
              }),
            );
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
          tx.audit({
            entity: 'record',
            entityId: recordId,
            action: 'acknowledge',
            field: ack.field,
            newValue: ack.rule,
            reason: ack.reason,
          });
          return ack;
        },
        { now: given.at },
      );
    },
  };
}

// All writes go through here. Anything touching more than one table is one transaction, so
// a crash leaves either the whole change or none of it.
import { getTemplate } from '../../shared/registers';
import { acknowledge, type Acknowledgement } from '../../shared/validation/acknowledgements';
import type { Issue } from '../../shared/validation/types';
import type { SohoaDatabase } from './database';
import { nameKeyOf } from './name-key';
import type { FileData } from './backup-rows';
import type { AuditEvent, Book, EntryRecord, Page, PageRegion, Scan } from './types';
import { contentHash, decideMerge, emptySummary, type MergeSummary } from './work-package-merge';

export type NewBookInput = Omit<Book, 'id' | 'createdAt' | 'updatedAt'>;
export type BookSettings = Partial<Omit<NewBookInput, 'type' | 'templateVersion'>>;

export interface NewScanInput {
  fileName: string;
  mimeType: string;
  blob: Blob;
  pageCount: number;
}

const newId = (): string => crypto.randomUUID();

/** The number after the previous entry's: books are typed in order, so this is what comes next. */
function nextSo(previous: EntryRecord | undefined): string {
  const n = Number.parseInt(previous?.fields.so ?? '', 10);
  return String(Number.isFinite(n) ? n + 1 : 1);
}

export function createRepositories(db: SohoaDatabase) {
  const audit = (event: Omit<AuditEvent, 'at' | 'seq'>, at: number) =>
    db.audit.add({ ...event, at });

  return {
    async createBook(input: NewBookInput): Promise<Book> {
      const now = Date.now();
      const book: Book = { id: newId(), ...input, createdAt: now, updatedAt: now };
      await db.transaction('rw', db.books, db.audit, async () => {
        await db.books.add(book);
        await audit({ entity: 'book', entityId: book.id, action: 'create' }, now);
      });
      return book;
    },

    /** Changes a book's defaults and settings; entries already typed keep their values. */
    async updateBook(bookId: string, changes: BookSettings): Promise<void> {
      const now = Date.now();
      await db.transaction('rw', db.books, db.audit, async () => {
        const book = await db.books.get(bookId);
        if (!book) throw new Error(`Book ${bookId} not found`);
        await db.books.put({ ...book, ...changes, updatedAt: now });
        await audit(
          {
            entity: 'book',
            entityId: bookId,
            action: 'settings',
            newValue: JSON.stringify(changes),
          },
          now,
        );
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
      await db.transaction('rw', db.scans, db.pages, db.audit, async () => {
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
        await audit(
          { entity: 'scan', entityId: scan.id, action: 'import', newValue: scan.fileName },
          now,
        );
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
      await db.transaction('rw', db.books, db.records, db.audit, async () => {
        const book = await db.books.get(bookId);
        if (!book) throw new Error(`Book ${bookId} not found`);
        const template = getTemplate(book.templateVersion);
        const previous = await db.records
          .where('[bookId+createdAt]')
          .between([bookId, -Infinity], [bookId, Infinity])
          .last();
        const fields: Record<string, string> = {};
        for (const field of template.fields) {
          fields[field.key] = field.bookDefault ? String(book[field.bookDefault]) : '';
        }
        fields.so = nextSo(previous);
        record = {
          id: newId(),
          bookId,
          templateVersion: book.templateVersion,
          fields,
          pageIds: pageId ? [pageId] : [],
          status: 'draft',
          createdAt: now,
          updatedAt: now,
          revision: 1,
          nameKey: nameKeyOf(template, fields),
          acknowledgements: [],
        };
        await db.records.add(record);
        await audit({ entity: 'record', entityId: record.id, action: 'create' }, now);
      });
      if (!record) throw new Error('Entry was not created');
      return record;
    },

    /** Saves changed field values; resolves once they are durably on disk. */
    async saveFields(recordId: string, changes: Record<string, string>): Promise<EntryRecord> {
      const now = Date.now();
      let saved: EntryRecord | undefined;
      await db.transaction('rw', db.records, db.audit, async () => {
        const record = await db.records.get(recordId);
        if (!record) throw new Error(`Entry ${recordId} not found`);
        const changed = Object.entries(changes).filter(([k, v]) => (record.fields[k] ?? '') !== v);
        if (changed.length === 0) {
          saved = record;
          return;
        }
        const fields = { ...record.fields };
        for (const [key, value] of changed) fields[key] = value;
        saved = {
          ...record,
          fields,
          nameKey: nameKeyOf(getTemplate(record.templateVersion), fields),
          updatedAt: now,
          revision: record.revision + 1,
        };
        await db.records.put(saved);
        await db.audit.bulkAdd(
          changed.map(([field, newValue]) => ({
            at: now,
            entity: 'record' as const,
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

    async setEntryPages(recordId: string, pageIds: string[]): Promise<void> {
      const now = Date.now();
      await db.transaction('rw', db.records, db.audit, async () => {
        const record = await db.records.get(recordId);
        if (!record) throw new Error(`Entry ${recordId} not found`);
        await db.records.put({ ...record, pageIds, updatedAt: now, revision: record.revision + 1 });
        await audit(
          { entity: 'record', entityId: recordId, action: 'pages', newValue: pageIds.join(',') },
          now,
        );
      });
    },

    /** Saves (or clears, with null) the box drawn around the entry on its page. */
    async setEntryRegion(recordId: string, region: PageRegion | null): Promise<void> {
      const now = Date.now();
      await db.transaction('rw', db.records, db.audit, async () => {
        const record = await db.records.get(recordId);
        if (!record) throw new Error(`Entry ${recordId} not found`);
        const rest: EntryRecord = { ...record };
        delete rest.region;
        await db.records.put({
          ...rest,
          ...(region ? { region } : {}),
          updatedAt: now,
          revision: record.revision + 1,
        });
        await audit(
          {
            entity: 'record',
            entityId: recordId,
            action: 'region',
            newValue: region ? JSON.stringify(region) : '',
          },
          now,
        );
      });
    },

    /** Puts a page at another place in the book's sequence; the others close up. */
    async movePage(bookId: string, pageId: string, toOrder: number): Promise<void> {
      await db.transaction('rw', db.pages, db.audit, async () => {
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
        await audit(
          { entity: 'scan', entityId: pageId, action: 'move', newValue: String(target) },
          Date.now(),
        );
      });
    },

    /**
     * Removes a page from the book (the scan file itself is kept) and unlinks it from
     * entries, in one transaction so no entry points at a missing page.
     */
    async deletePage(bookId: string, pageId: string): Promise<void> {
      await db.transaction('rw', db.pages, db.records, db.audit, async () => {
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
        await audit({ entity: 'scan', entityId: pageId, action: 'delete-page' }, Date.now());
      });
    },

    async setPageDetails(
      pageId: string,
      details: { rotation?: Page['rotation']; bookPageNumber?: string },
    ): Promise<void> {
      await db.transaction('rw', db.pages, db.audit, async () => {
        const page = await db.pages.get(pageId);
        if (!page) throw new Error(`Page ${pageId} not found`);
        await db.pages.put({ ...page, ...details });
        await audit(
          { entity: 'scan', entityId: pageId, action: 'page', newValue: JSON.stringify(details) },
          Date.now(),
        );
      });
    },

    /** Records the officer's reason for keeping a warning; replaces an earlier answer. */
    async acknowledge(recordId: string, issue: Issue, reason: string): Promise<Acknowledgement> {
      const ack = acknowledge(issue, reason, Date.now());
      await db.transaction('rw', db.records, db.audit, async () => {
        const record = await db.records.get(recordId);
        if (!record) throw new Error(`Entry ${recordId} not found`);
        const others = record.acknowledgements.filter(
          (a) => !(a.field === ack.field && a.rule === ack.rule),
        );
        await db.records.put({
          ...record,
          acknowledgements: [...others, ack],
          updatedAt: ack.at,
          revision: record.revision + 1,
        });
        await audit(
          {
            entity: 'record',
            entityId: recordId,
            action: 'acknowledge',
            field: ack.field,
            newValue: `${ack.rule}: ${ack.reason}`,
          },
          ack.at,
        );
      });
      return ack;
    },

    async recordExport(run: {
      bookId: string;
      entryIds: string[];
      files: { name: string; bytes: number }[];
    }) {
      const now = Date.now();
      await db.transaction('rw', db.exports, db.audit, async () => {
        const id = newId();
        await db.exports.add({ id, at: now, ...run });
        await audit({ entity: 'book', entityId: run.bookId, action: 'export' }, now);
      });
    },

    // ---- Backups, restore and work packages (renderer/db/backup*.ts, work-package*.ts) ----

    /**
     * Puts a whole backup back, table by table and row by row as it was saved (the audit log
     * keeps its order and links), into a database holding no books, entries or scans. Refuses
     * otherwise: merging is the way into a database that has work in it.
     */
    async restoreIntoEmpty(data: FileData): Promise<void> {
      const now = Date.now();
      const tables = [
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
      await db.transaction('rw', tables, async () => {
        const inUse =
          (await db.books.count()) + (await db.records.count()) + (await db.scans.count());
        if (inUse > 0) throw new DatabaseNotEmptyError();
        for (const table of tables) await table.clear();
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
        await audit(
          {
            entity: 'database',
            entityId: '',
            action: 'restore',
            newValue: JSON.stringify({ books: data.books.length, entries: data.records.length }),
          },
          now,
        );
      });
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
        for (const book of data.books) {
          if (await db.books.get(book.id)) continue;
          await db.books.add(book);
          summary.books += 1;
          await audit(
            { entity: 'book', entityId: book.id, action: 'create-from-file', newValue: source },
            now,
          );
        }
        const scanIds = new Set(await db.scans.toCollection().primaryKeys());
        for (const scan of data.scans) {
          if (scanIds.has(scan.id)) continue;
          await db.scans.add(scan);
          scanIds.add(scan.id);
          summary.scans += 1;
          await audit(
            { entity: 'scan', entityId: scan.id, action: 'import-from-file', newValue: source },
            now,
          );
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
        for (const person of data.people) {
          if (!(await db.people.get(person.id))) await db.people.add(person);
        }
        for (const run of data.exports) {
          if (!(await db.exports.get(run.id))) await db.exports.add(run);
        }

        const theirBases = new Map(data.exchanges.map((state) => [state.id, state.hash]));
        for (const theirs of data.records) {
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
              await audit(
                {
                  entity: 'record',
                  entityId: theirs.id,
                  action: 'add-from-file',
                  newValue: source,
                },
                now,
              );
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
              await auditTakeOver(mine, theirs, source, now);
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
              await audit(
                { entity: 'record', entityId: theirs.id, action: 'conflict', newValue: source },
                now,
              );
              break;
          }
        }
        await audit(
          {
            entity: 'database',
            entityId: '',
            action: 'merge',
            newValue: JSON.stringify({ source, ...summary }),
          },
          now,
        );
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
      await db.transaction('rw', db.exchanges, db.audit, async () => {
        await db.exchanges.bulkPut(sent.map((state) => ({ ...state, at: now })));
        await audit(
          {
            entity: 'book',
            entityId: bookId,
            action: 'work-package',
            newValue: JSON.stringify({ fileName, entries: sent.length }),
          },
          now,
        );
      });
    },

    /** The supervisor's choice for an entry changed on both PCs. */
    async resolveConflict(recordId: string, choice: 'mine' | 'theirs'): Promise<void> {
      const now = Date.now();
      await db.transaction('rw', db.records, db.conflicts, db.exchanges, db.audit, async () => {
        const conflict = await db.conflicts.get(recordId);
        const mine = await db.records.get(recordId);
        if (!conflict || !mine) throw new Error(`Conflict ${recordId} not found`);
        if (choice === 'theirs') {
          await db.records.put(takeOver(mine, conflict.theirs, now));
          await auditTakeOver(mine, conflict.theirs, conflict.source, now);
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
        await audit(
          {
            entity: 'record',
            entityId: recordId,
            action: 'resolve-conflict',
            newValue: choice,
          },
          now,
        );
      });
    },

    /** Notes a backup that was written, for the schedule and the supervisor's log. */
    async recordBackup(info: { reason: string; fileName: string; bytes: number }): Promise<void> {
      const now = Date.now();
      await db.transaction('rw', db.settings, db.audit, async () => {
        await db.settings.put({ key: LAST_BACKUP_KEY, value: { at: now, ...info } });
        await audit(
          { entity: 'database', entityId: '', action: 'backup', newValue: JSON.stringify(info) },
          now,
        );
      });
    },

    /** The automatic-backup schedule chosen on this PC. */
    async saveBackupSchedule(schedule: BackupSchedule): Promise<void> {
      const now = Date.now();
      await db.transaction('rw', db.settings, db.audit, async () => {
        await db.settings.put({ key: BACKUP_SCHEDULE_KEY, value: schedule });
        await audit(
          {
            entity: 'database',
            entityId: '',
            action: 'backup-schedule',
            newValue: JSON.stringify(schedule),
          },
          now,
        );
      });
    },
  };

  /** The other PC's content on this PC's record: one more revision, nothing else lost. */
  function takeOver(mine: EntryRecord, theirs: EntryRecord, now: number): EntryRecord {
    return {
      ...theirs,
      createdAt: mine.createdAt,
      updatedAt: now,
      revision: Math.max(mine.revision, theirs.revision) + 1,
    };
  }

  /** One event per field the take-over changed, like an officer's own edit. */
  async function auditTakeOver(
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
      await audit(
        {
          entity: 'record',
          entityId: mine.id,
          action: 'edit-from-file',
          field,
          oldValue,
          newValue,
        },
        now,
      );
    }
    await audit(
      { entity: 'record', entityId: mine.id, action: 'take-from-file', newValue: source },
      now,
    );
  }
}

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

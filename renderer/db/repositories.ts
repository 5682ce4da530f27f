// All writes go through here. Anything touching more than one table is one transaction, so
// a crash leaves either the whole change or none of it.
import { getTemplate } from '../../shared/registers';
import { acknowledge, type Acknowledgement } from '../../shared/validation/acknowledgements';
import type { Issue } from '../../shared/validation/types';
import type { SohoaDatabase } from './database';
import { nameKeyOf } from './name-key';
import type { AuditEvent, Book, EntryRecord, Page, PageRegion, Scan } from './types';

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
function nextSo(previous: Pick<EntryRecord, 'fields'> | undefined): string {
  const n = Number.parseInt(previous?.fields.so ?? '', 10);
  return String(Number.isFinite(n) ? n + 1 : 1);
}

/**
 * A new entry of the book: its defaults, the number after `previous`'s, the page the officer
 * is looking at. Created after `previous`, so it sorts after it even within one millisecond.
 */
export function newEntryRecord(
  book: Book,
  pageId: string | null,
  previous: Pick<EntryRecord, 'fields' | 'createdAt'> | undefined,
  now: number,
): EntryRecord {
  const template = getTemplate(book.templateVersion);
  const fields: Record<string, string> = {};
  for (const field of template.fields) {
    fields[field.key] = field.bookDefault ? String(book[field.bookDefault]) : '';
  }
  fields.so = nextSo(previous);
  const createdAt = Math.max(now, (previous?.createdAt ?? -Infinity) + 1);
  return {
    id: newId(),
    bookId: book.id,
    templateVersion: book.templateVersion,
    fields,
    pageIds: pageId ? [pageId] : [],
    status: 'draft',
    createdAt,
    updatedAt: createdAt,
    revision: 1,
    nameKey: nameKeyOf(template, fields),
    acknowledgements: [],
  };
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
        const previous = await db.records
          .where('[bookId+createdAt]')
          .between([bookId, -Infinity], [bookId, Infinity])
          .last();
        record = newEntryRecord(book, pageId, previous, now);
        await db.records.add(record);
        await audit({ entity: 'record', entityId: record.id, action: 'create' }, now);
      });
      if (!record) throw new Error('Entry was not created');
      return record;
    },

    /** Stores an entry built with newEntryRecord, e.g. one already on screen. */
    async addEntry(record: EntryRecord): Promise<void> {
      await db.transaction('rw', db.records, db.audit, async () => {
        await db.records.add(record);
        await audit({ entity: 'record', entityId: record.id, action: 'create' }, record.createdAt);
      });
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
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

// Scans and the book's page sequence: a scan's pages go to the end, pages move, turn, are
// numbered and removed (unlinked from their entries in the same transaction).
import type { SohoaDatabase } from '../database';
import type { Page, Scan } from '../types';
import { newId, requireOpenBook } from './guards';
import type { CommandContext } from './run';

export interface NewScanInput {
  fileName: string;
  mimeType: string;
  blob: Blob;
  pageCount: number;
}

/** A new scan of the book and its pages, numbered on from `firstOrder`. */
export function newScan(
  bookId: string,
  input: NewScanInput,
  firstOrder: number,
  now: number,
): { scan: Scan; pages: Page[] } {
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
  const pages = Array.from({ length: input.pageCount }, (_, i) => ({
    id: newId(),
    bookId,
    scanId: scan.id,
    indexInScan: i,
    order: firstOrder + i,
    rotation: 0 as const,
  }));
  return { scan, pages };
}

/** The book's pages in their order. */
const pagesInOrder = (db: SohoaDatabase, bookId: string) =>
  db.pages.where('[bookId+order]').between([bookId, -Infinity], [bookId, Infinity]).toArray();

export function pageCommands({ db, run }: CommandContext) {
  const commands = {
    /** Stores the scan file and appends its pages to the end of the book's page sequence. */
    async addScan(bookId: string, input: NewScanInput): Promise<{ scan: Scan; pages: Page[] }> {
      return run('enter', ['books', 'scans', 'pages'], async (tx) => {
        await requireOpenBook(db, bookId);
        const existing = await db.pages.where('bookId').equals(bookId).count();
        const added = newScan(bookId, input, existing, tx.now);
        await db.scans.add(added.scan);
        await db.pages.bulkAdd(added.pages);
        tx.audit({
          entity: 'scan',
          entityId: added.scan.id,
          action: 'import',
          newValue: added.scan.fileName,
        });
        return added;
      });
    },

    /** Puts a page at another place in the book's sequence; the others close up. */
    async movePage(bookId: string, pageId: string, toOrder: number): Promise<void> {
      await run('enter', ['books', 'pages'], async (tx) => {
        await requireOpenBook(db, bookId);
        const pages = await pagesInOrder(db, bookId);
        const moving = pages.find((page) => page.id === pageId);
        if (!moving) throw new Error(`Page ${pageId} not found`);
        const rest = pages.filter((page) => page.id !== pageId);
        const target = Math.max(0, Math.min(rest.length, toOrder));
        rest.splice(target, 0, moving);
        await db.pages.bulkPut(rest.map((page, order) => ({ ...page, order })));
        tx.audit({ entity: 'scan', entityId: pageId, action: 'move', newValue: String(target) });
      });
    },

    /**
     * Removes a page from the book (the scan file itself is kept) and unlinks it from
     * entries, in one transaction so no entry points at a missing page; the page's
     * export-ready copy is dropped with it.
     */
    async deletePage(bookId: string, pageId: string): Promise<void> {
      await run('enter', ['books', 'pages', 'records', 'preparedPages'], async (tx) => {
        await requireOpenBook(db, bookId);
        const deleted = await db.pages.get(pageId);
        await db.pages.delete(pageId);
        const pages = await pagesInOrder(db, bookId);
        await db.pages.bulkPut(pages.map((page, order) => ({ ...page, order })));
        // Its export-ready copy goes too, unless another page of the book shows the same image.
        if (
          deleted &&
          !pages.some(
            (page) => page.scanId === deleted.scanId && page.indexInScan === deleted.indexInScan,
          )
        ) {
          await db.preparedPages.delete(`${deleted.scanId}#${deleted.indexInScan}`);
        }
        const linked = await db.records
          .where('bookId')
          .equals(bookId)
          .filter((record) => record.pageIds.includes(pageId) || record.region?.pageId === pageId)
          .toArray();
        for (const record of linked) {
          const { region, ...rest } = record;
          await db.records.put(
            tx.revise(rest, {
              ...(region && region.pageId !== pageId ? { region } : {}),
              pageIds: record.pageIds.filter((id) => id !== pageId),
            }),
          );
        }
        tx.audit({ entity: 'scan', entityId: pageId, action: 'delete-page' });
      });
    },

    async setPageDetails(
      pageId: string,
      details: { rotation?: Page['rotation']; bookPageNumber?: string },
    ): Promise<void> {
      await run('enter', ['books', 'pages'], async (tx) => {
        const page = await db.pages.get(pageId);
        if (!page) throw new Error(`Page ${pageId} not found`);
        await requireOpenBook(db, page.bookId);
        await db.pages.put({ ...page, ...details });
        tx.audit({
          entity: 'scan',
          entityId: pageId,
          action: 'page',
          newValue: JSON.stringify(details),
        });
      });
    },
  };
  return {
    ...commands,

    /** Writes every printed number of an automatic numbering in one transaction. */
    async setPrintedNumbers(
      changes: readonly { pageId: string; bookPageNumber: string }[],
    ): Promise<void> {
      // Each page's command joins this one transaction, so a failure half-way leaves no page
      // renumbered; each still records its own audit event.
      await run('enter', ['books', 'pages'], async () => {
        for (const change of changes) {
          await commands.setPageDetails(change.pageId, { bookPageNumber: change.bookPageNumber });
        }
      });
    },
  };
}

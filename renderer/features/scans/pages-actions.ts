// Page-panel writes that span several repository calls, made all-or-nothing.
import { db, repo } from '../../db';

/** Writes every printed number of an automatic numbering in one transaction. */
export async function applyPrintedNumbers(
  changes: readonly { pageId: string; bookPageNumber: string }[],
): Promise<void> {
  // setPageDetails opens its own transaction; inside this one it joins it, so a failure
  // half-way leaves no page renumbered.
  await db.transaction('rw', db.books, db.pages, db.people, db.audit, async () => {
    for (const change of changes) {
      await repo.setPageDetails(change.pageId, { bookPageNumber: change.bookPageNumber });
    }
  });
}

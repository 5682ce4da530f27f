// Work between PCs: another PC's file merged in (entries by the rules of work-package-merge.ts),
// what went out in a work package remembered, and conflicts settled by a supervisor.
import type { FileData } from '../backup-rows';
import type { SohoaDatabase } from '../database';
import type { EntryRecord } from '../types';
import {
  contentHash,
  decideMerge,
  emptySummary,
  withoutForeignApproval,
  type MergeSummary,
} from '../work-package-merge';
import { requireOpenBook } from './guards';
import type { CommandContext, TableName, Tx } from './run';

/**
 * Another PC's version in place of this one, one revision further. An entry voided here stays
 * voided, with how it was voided: a file never brings it back; a supervisor of this PC restores
 * it, with a reason.
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
function auditTakeOver(tx: Tx, mine: EntryRecord, theirs: EntryRecord, source: string): void {
  const keys = new Set([...Object.keys(mine.fields), ...Object.keys(theirs.fields)]);
  for (const field of keys) {
    const oldValue = mine.fields[field] ?? '';
    const newValue = theirs.fields[field] ?? '';
    if (oldValue === newValue) continue;
    tx.audit({
      entity: 'record',
      entityId: mine.id,
      action: 'edit-from-file',
      field,
      oldValue,
      newValue,
    });
  }
  tx.audit({ entity: 'record', entityId: mine.id, action: 'take-from-file', newValue: source });
}

/** Books, scans, pages, export runs and double keying of the file that are not here yet. */
async function addMissingRows(
  db: SohoaDatabase,
  tx: Tx,
  data: FileData,
  source: string,
  summary: MergeSummary,
): Promise<void> {
  for (const book of data.books) {
    if (await db.books.get(book.id)) continue;
    await db.books.add(book);
    summary.books += 1;
    tx.audit({ entity: 'book', entityId: book.id, action: 'create-from-file', newValue: source });
  }
  const scanIds = new Set(await db.scans.toCollection().primaryKeys());
  for (const scan of data.scans) {
    if (scanIds.has(scan.id)) continue;
    await db.scans.add(scan);
    scanIds.add(scan.id);
    summary.scans += 1;
    tx.audit({ entity: 'scan', entityId: scan.id, action: 'import-from-file', newValue: source });
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
  await mergeDoubleKeying(db, data);
  await mergeStatistics(db, data);
}

/**
 * The operator statistics' keying time and the reviewers' reconciliation decisions. A slot
 * (officer, book, day, pass) this PC also counted keeps the larger of each figure, not their
 * sum: a file merged twice, or one carrying this PC's own rows back, never counts the same
 * time twice. A decision on a pair this PC also decided keeps the later verdict.
 */
async function mergeStatistics(db: SohoaDatabase, data: FileData): Promise<void> {
  for (const theirs of data.keyingTime) {
    const mine = await db.keyingTime.get(theirs.id);
    await db.keyingTime.put(
      mine
        ? {
            ...mine,
            keystrokes: Math.max(mine.keystrokes, theirs.keystrokes),
            totalSeconds: Math.max(mine.totalSeconds, theirs.totalSeconds),
            pausedSeconds: Math.max(mine.pausedSeconds, theirs.pausedSeconds),
            fieldsKeyed: Math.max(mine.fieldsKeyed, theirs.fieldsKeyed),
            updatedAt: Math.max(mine.updatedAt, theirs.updatedAt),
          }
        : theirs,
    );
  }
  for (const decision of data.reconcileDecisions) {
    const mine = await db.reconcileDecisions.get(decision.id);
    if (!mine || decision.at > mine.at) await db.reconcileDecisions.put(decision);
  }
}

/**
 * The file's second keyings, arbitrations and samples: each one this PC lacks is added, and a
 * later version of one it has (a keying typed on since, an entry settled again) replaces it.
 */
async function mergeDoubleKeying(db: SohoaDatabase, data: FileData): Promise<void> {
  for (const keying of data.keyings) {
    const mine = await db.keyings.get(keying.id);
    if (!mine || keying.updatedAt > mine.updatedAt) await db.keyings.put(keying);
  }
  for (const arbitration of data.arbitrations) {
    const mine = await db.arbitrations.get(arbitration.id);
    if (!mine || arbitration.at > mine.at) await db.arbitrations.put(arbitration);
  }
  for (const sample of data.keyingSamples) {
    if (!(await db.keyingSamples.get(sample.id))) await db.keyingSamples.add(sample);
  }
}

/** Each entry of the file added, skipped, taken over, kept or set aside as a conflict. */
async function mergeEntries(
  db: SohoaDatabase,
  tx: Tx,
  data: FileData,
  source: string,
  summary: MergeSummary,
): Promise<void> {
  const { now } = tx;
  const theirBases = new Map(data.exchanges.map((state) => [state.id, state.hash]));
  const archived = new Set(
    (await db.books.filter((book) => !!book.archived).toArray()).map((book) => book.id),
  );
  for (const sent of data.records) {
    const theirs = withoutForeignApproval(sent);
    if (theirs !== sent) summary.approvalsWithheld += 1;
    const mine = await db.records.get(theirs.id);
    const myBase = (await db.exchanges.get(theirs.id))?.hash;
    const decision = decideMerge({ mine, myBase, theirs, theirBase: theirBases.get(theirs.id) });
    // An archived book is read-only whichever way a change comes. Nothing is marked as
    // exchanged, so the same file brings the change in once the book is restored.
    if (
      archived.has(mine?.bookId ?? theirs.bookId) &&
      decision !== 'same' &&
      decision !== 'keep-mine'
    ) {
      summary.inArchivedBooks += 1;
      continue;
    }
    const theirsHash = contentHash(theirs);
    const exchanged = async () => {
      await db.exchanges.put({ id: theirs.id, bookId: theirs.bookId, hash: theirsHash, at: now });
      await db.conflicts.delete(theirs.id);
    };
    switch (decision) {
      case 'add':
        await db.records.add(theirs);
        await exchanged();
        summary.added += 1;
        tx.audit({
          entity: 'record',
          entityId: theirs.id,
          action: 'add-from-file',
          newValue: source,
        });
        break;
      case 'same':
        await exchanged();
        summary.same += 1;
        break;
      case 'take-theirs':
        if (!mine) break;
        await db.records.put(takeOver(mine, theirs, now));
        await exchanged();
        summary.tookTheirs += 1;
        auditTakeOver(tx, mine, theirs, source);
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
        tx.audit({ entity: 'record', entityId: theirs.id, action: 'conflict', newValue: source });
        break;
    }
  }
}

export function exchangeCommands({ db, run }: CommandContext) {
  return {
    /**
     * Brings another PC's work (a work package or a backup) into this database: books, scans and
     * pages it lacks are added; each entry is added, skipped, taken over or kept by the rules of
     * work-package-merge.ts; entries changed on both sides wait in `conflicts`. One transaction.
     */
    async mergeFile(data: FileData, source: string): Promise<MergeSummary> {
      const tables: TableName[] = [
        'books',
        'scans',
        'pages',
        'records',
        'exports',
        'exchanges',
        'conflicts',
        'keyings',
        'arbitrations',
        'keyingSamples',
        'keyingTime',
        'reconcileDecisions',
      ];
      return run('enter', tables, async (tx) => {
        const summary = emptySummary();
        await addMissingRows(db, tx, data, source, summary);
        await mergeEntries(db, tx, data, source, summary);
        tx.audit({
          entity: 'database',
          entityId: '',
          action: 'merge',
          newValue: JSON.stringify({ source, ...summary }),
        });
        return summary;
      });
    },

    /** Remembers what each entry looked like when it went out in a work package. */
    async markExchanged(
      bookId: string,
      sent: { id: string; bookId: string; hash: string }[],
      fileName: string,
    ): Promise<void> {
      await run('enter', ['exchanges'], async (tx) => {
        await db.exchanges.bulkPut(sent.map((state) => ({ ...state, at: tx.now })));
        tx.audit({
          entity: 'book',
          entityId: bookId,
          action: 'work-package',
          newValue: JSON.stringify({ fileName, entries: sent.length }),
        });
      });
    },

    /** The supervisor's choice for an entry changed on both PCs. */
    async resolveConflict(recordId: string, choice: 'mine' | 'theirs'): Promise<void> {
      await run('review', ['books', 'records', 'conflicts', 'exchanges'], async (tx) => {
        const conflict = await db.conflicts.get(recordId);
        const mine = await db.records.get(recordId);
        if (!conflict || !mine) throw new Error(`Conflict ${recordId} not found`);
        await requireOpenBook(db, mine.bookId);
        if (choice === 'theirs') {
          await db.records.put(takeOver(mine, conflict.theirs, tx.now));
          auditTakeOver(tx, mine, conflict.theirs, conflict.source);
        }
        // Either way the other PC's version is now known here: the next package from there
        // that still holds it leaves this entry alone, and ours will take over there.
        await db.exchanges.put({
          id: recordId,
          bookId: mine.bookId,
          hash: conflict.theirsHash,
          at: tx.now,
        });
        await db.conflicts.delete(recordId);
        tx.audit({
          entity: 'record',
          entityId: recordId,
          action: 'resolve-conflict',
          newValue: choice,
        });
      });
    },
  };
}

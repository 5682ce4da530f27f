// Reads of blind double keying. The second keyer's reads return the entry's slot (its place in
// the book and the pages linked) and that officer's own keyings, never the entry's fields: what
// the first keyer typed does not leave the data layer on its way to the second keyer's screen.
import type { SohoaDatabase } from '../database';
import type { EntryRecord, Keying } from '../types';

/** An entry waiting for a second keying, as its second keyer may see it. */
export interface KeyingSlot {
  entryId: string;
  bookId: string;
  templateVersion: string;
  /** 1-based place of the entry in the book, in the order entries were created. */
  position: number;
  pageIds: string[];
  /** This officer's keying of it so far, if any. */
  mine: Keying | undefined;
}

function isFirstKeyer(record: EntryRecord, officerId: string): boolean {
  return (record.keying?.a ?? record.createdBy) === officerId;
}

async function positions(db: SohoaDatabase, bookId: string): Promise<Map<string, number>> {
  const ids = await db.records
    .where('[bookId+createdAt]')
    .between([bookId, -Infinity], [bookId, Infinity])
    .primaryKeys();
  return new Map(ids.map((id, index) => [String(id), index + 1]));
}

/**
 * The book's entries waiting for a second keying that this officer may take: not their own
 * first keying, and not one another officer has started.
 */
export async function secondKeyingQueue(
  db: SohoaDatabase,
  bookId: string,
  officerId: string,
): Promise<KeyingSlot[]> {
  const waiting = await db.records.where('[bookId+status]').equals([bookId, 'keyedOnce']).toArray();
  const open = waiting.filter((record) => !isFirstKeyer(record, officerId));
  if (open.length === 0) return [];
  const keyings = await db.keyings.bulkGet(open.map((record) => record.id));
  const places = await positions(db, bookId);
  const slots: KeyingSlot[] = [];
  open.forEach((record, index) => {
    const keying = keyings[index];
    const takenByOther = keying && keying.by !== officerId && keying.finishedAt === undefined;
    if (takenByOther) return;
    slots.push({
      entryId: record.id,
      bookId,
      templateVersion: record.templateVersion,
      position: places.get(record.id) ?? 0,
      pageIds: record.pageIds,
      mine: keying?.by === officerId ? keying : undefined,
    });
  });
  return slots.sort((a, b) => a.position - b.position);
}

/** This officer's finished and unfinished keyings of the book, newest last. */
export async function ownKeyings(
  db: SohoaDatabase,
  bookId: string,
  officerId: string,
): Promise<Keying[]> {
  const rows = await db.keyings.where('[bookId+by]').equals([bookId, officerId]).toArray();
  return rows.sort((a, b) => a.startedAt - b.startedAt);
}

/** An entry keyed twice and waiting for a third officer, with both keyings. */
export interface ArbitrationCase {
  entry: EntryRecord;
  second: Keying;
  position: number;
}

/** The book's entries keyed twice that this officer may settle: they keyed neither side. */
export async function arbitrationQueue(
  db: SohoaDatabase,
  bookId: string,
  officerId: string,
): Promise<ArbitrationCase[]> {
  const waiting = await db.records
    .where('[bookId+status]')
    .equals([bookId, 'keyedTwice'])
    .filter((record) => !isFirstKeyer(record, officerId) && record.keying?.b !== officerId)
    .toArray();
  if (waiting.length === 0) return [];
  const keyings = await db.keyings.bulkGet(waiting.map((record) => record.id));
  const places = await positions(db, bookId);
  const cases: ArbitrationCase[] = [];
  waiting.forEach((entry, index) => {
    const second = keyings[index];
    if (second) cases.push({ entry, second, position: places.get(entry.id) ?? 0 });
  });
  return cases.sort((a, b) => a.position - b.position);
}

/** How many entries wait for each step of double keying in a book. */
export async function keyingCounts(
  db: SohoaDatabase,
  bookId: string,
): Promise<{ keyedOnce: number; keyedTwice: number }> {
  const [keyedOnce, keyedTwice] = await Promise.all([
    db.records.where('[bookId+status]').equals([bookId, 'keyedOnce']).count(),
    db.records.where('[bookId+status]').equals([bookId, 'keyedTwice']).count(),
  ]);
  return { keyedOnce, keyedTwice };
}

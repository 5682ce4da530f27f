import { beforeEach, describe, expect, it } from 'vitest';
import { checkRows, type FileData } from './backup-rows';
import { DatabaseNotEmptyError } from './repositories';
import { WorkflowError } from './workflow-error';
import { sampleBook } from './sample-data';
import { createRepositories } from './repositories';
import { createSession } from './session';
import { freshIndexedDb, openCurrent, signedInRepositories, uniqueName } from './test-harness';
import { entriesChangedSinceExchange } from './work-package-select';
import { sendBook, twoPcsWithABook, a, b, bookId, ids, type Pc } from './two-pcs';

beforeEach(twoPcsWithABook);

describe('restoreIntoEmpty', () => {
  async function everything(pc: Pc): Promise<FileData> {
    const tables: Record<string, unknown[]> = {};
    for (const table of pc.db.tables) tables[table.name] = await table.toArray();
    const checked = checkRows(tables);
    if (!checked.ok) throw new Error(checked.detail);
    return checked.data;
  }

  it('puts every table back as it was, audit log included, then notes the restore', async () => {
    const data = await everything(a);
    await b.repo.restoreIntoEmpty(data);
    expect(await b.db.records.toArray()).toEqual(await a.db.records.toArray());
    expect(await b.db.books.toArray()).toEqual(await a.db.books.toArray());
    const auditA = await a.db.audit.toArray();
    const auditB = await b.db.audit.toArray();
    expect(auditB.slice(0, auditA.length)).toEqual(auditA);
    expect(auditB.at(-1)).toMatchObject({ entity: 'database', action: 'restore' });
    const scan = await b.db.scans.toCollection().first();
    expect(await scan?.blob.text()).toBe('%PDF-1.7 scan');
  });

  it('keeps whoever restores a backup with no administrator PIN, and only then', async () => {
    const data = await everything(a);
    // A desktop backup: officers without PIN digests.
    expect(data.people.every((person) => person.pin === undefined)).toBe(true);
    freshIndexedDb();
    const target = openCurrent(uniqueName());
    await target.open();
    const here = await signedInRepositories(target);
    await here.repo.restoreIntoEmpty(data);
    expect(here.session.officer()?.id).toBe(here.officer.id);
    expect((await target.people.toArray()).map((person) => person.id).sort()).toEqual(
      [...data.people.map((person) => person.id), here.officer.id].sort(),
    );

    // A backup whose administrator can sign in brings only its own officers.
    const withPin = {
      ...data,
      people: data.people.map((person) => ({
        ...person,
        pin: { algorithm: 'PBKDF2-SHA-256' as const, iterations: 1000, salt: 'AA==', hash: 'AA==' },
      })),
    };
    const other = openCurrent(uniqueName());
    await other.open();
    const there = await signedInRepositories(other);
    await there.repo.restoreIntoEmpty(withPin);
    expect(there.session.officer()).toBeNull();
    expect((await other.people.toArray()).map((person) => person.id).sort()).toEqual(
      data.people.map((person) => person.id).sort(),
    );
  });

  it('refuses to restore over a database that holds work, and leaves it as it was', async () => {
    const mine = await b.repo.createBook({ ...sampleBook, quyenSo: '02/2009' });
    await expect(b.repo.restoreIntoEmpty(await everything(a))).rejects.toBeInstanceOf(
      DatabaseNotEmptyError,
    );
    expect((await b.db.books.toArray()).map((book) => book.id)).toEqual([mine.id]);
  });
});

describe('checkRows', () => {
  it('fills in what older versions did not store', () => {
    const checked = checkRows({
      books: [{ ...sampleBook, id: 'b1', createdAt: 1, updatedAt: 1 }],
      records: [
        {
          id: 'r1',
          bookId: 'b1',
          templateVersion: 'ks-70',
          fields: { so: '1', nksHoTen: 'Nguyễn  Văn An' },
          status: 'draft',
          createdAt: 1,
          updatedAt: 1,
          revision: 1,
        },
      ],
    });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.data.records[0]).toMatchObject({
      pageIds: [],
      acknowledgements: [],
      nameKey: 'nguyen van an',
    });
  });

  it('refuses a damaged row, naming the table and the row', () => {
    const checked = checkRows({
      books: [{ ...sampleBook, id: 'b1', createdAt: 1, updatedAt: 1 }],
      records: [
        {
          id: 'r1',
          bookId: 'b1',
          templateVersion: 'ks-70',
          fields: { so: 1 },
          status: 'draft',
          createdAt: 1,
          updatedAt: 1,
          revision: 1,
        },
      ],
    });
    expect(checked).toMatchObject({ ok: false, table: 'records', row: 1 });
  });

  it('refuses entries of a book the file does not hold', () => {
    const checked = checkRows({
      books: [],
      records: [
        {
          id: 'r1',
          bookId: 'missing',
          templateVersion: 'ks-70',
          fields: {},
          status: 'draft',
          createdAt: 1,
          updatedAt: 1,
          revision: 1,
        },
      ],
    });
    expect(checked).toMatchObject({
      ok: false,
      table: 'records',
      detail: 'points at a missing book',
    });
  });
});

describe('entriesChangedSinceExchange', () => {
  it('picks entries never sent and entries changed since they were last exchanged', async () => {
    const [one, two] = ids as [string, string];
    expect((await entriesChangedSinceExchange(a.db, bookId)).sort()).toEqual([...ids].sort());
    await sendBook(a, bookId);
    expect(await entriesChangedSinceExchange(a.db, bookId)).toEqual([]);
    await a.repo.saveFields(two, { nksHoTen: 'Hà Thị Hải' });
    const added = await a.repo.createEntry(bookId, null);
    expect((await entriesChangedSinceExchange(a.db, bookId)).sort()).toEqual(
      [two, added.id].sort(),
    );
    // Changing a value and changing it back is no change.
    await a.repo.saveFields(one, { nksHoTen: 'Lò Văn Mốt' });
    await a.repo.saveFields(one, { nksHoTen: 'Lò Văn Một' });
    expect(await entriesChangedSinceExchange(a.db, bookId)).not.toContain(one);
  });
});

describe('restoreOntoNewPc', () => {
  const digest = {
    algorithm: 'PBKDF2-SHA-256' as const,
    iterations: 1000,
    salt: 'AA==',
    hash: 'AA==',
  };

  async function backupWithPins(): Promise<FileData> {
    const tables: Record<string, unknown[]> = {};
    for (const table of a.db.tables) tables[table.name] = await table.toArray();
    tables.people = (tables.people as { pin?: unknown }[]).map((person) => ({
      ...person,
      pin: digest,
    }));
    const checked = checkRows(tables);
    if (!checked.ok) throw new Error(checked.detail);
    return checked.data;
  }

  /** A PC nobody has set up: no officer, nobody signed in. */
  async function newPcNotSetUp() {
    const db = openCurrent(uniqueName('new-pc'));
    await db.open();
    const session = createSession();
    return { db, session, repo: createRepositories(db, session, { pinIterations: 1_000 }) };
  }

  it('puts the backup back with its officers, nobody signed in and no extra administrator', async () => {
    const data = await backupWithPins();
    const pc = await newPcNotSetUp();
    await pc.repo.restoreOntoNewPc(data);
    expect(await pc.db.records.toArray()).toEqual(await a.db.records.toArray());
    expect((await pc.db.people.toArray()).map((person) => person.id).sort()).toEqual(
      data.people.map((person) => person.id).sort(),
    );
    expect(pc.session.officer()).toBeNull();
    const last = await pc.db.audit.orderBy('seq').last();
    expect(last).toMatchObject({ entity: 'database', action: 'restore', by: '' });
  });

  it('refuses a backup none of whose administrators has a PIN, and writes nothing', async () => {
    const tables: Record<string, unknown[]> = {};
    for (const table of a.db.tables) tables[table.name] = await table.toArray();
    const checked = checkRows(tables);
    if (!checked.ok) throw new Error(checked.detail);
    const pc = await newPcNotSetUp();
    await expect(pc.repo.restoreOntoNewPc(checked.data)).rejects.toThrow(WorkflowError);
    expect(await pc.db.books.count()).toBe(0);
    expect(await pc.db.people.count()).toBe(0);
  });

  it("refuses once this PC has an officer: the restore is then the administrator's", async () => {
    const data = await backupWithPins();
    const pc = await newPcNotSetUp();
    await pc.repo.setUpAdministrator('Quản trị viên', '2580');
    await expect(pc.repo.restoreOntoNewPc(data)).rejects.toThrow(WorkflowError);
    expect(await pc.db.books.count()).toBe(0);
  });
});

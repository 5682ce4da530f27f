import { beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from './audit-chain';
import { cumulativeStores, latestSchemaVersion, schemaVersions } from './schema';
import { sampleBook } from './sample-data';
import { freshIndexedDb, openAtVersion, openCurrent, uniqueName } from './test-harness';

function indexesOf(spec: string): string[] {
  return spec.split(',').map((part) => part.trim());
}

describe('schema versions', () => {
  it('are numbered upwards without gaps', () => {
    schemaVersions.forEach((step, i) => expect(step.version).toBe(i + 1));
    expect(latestSchemaVersion).toBe(schemaVersions.length);
  });

  it('only ever add tables and indexes, never drop or re-key them', () => {
    // A version lists only the tables it adds or changes; Dexie carries the rest forward.
    for (let i = 1; i < schemaVersions.length; i++) {
      const before = cumulativeStores(schemaVersions[i - 1]!.version);
      const after = cumulativeStores(schemaVersions[i]!.version);
      for (const [table, spec] of Object.entries(before)) {
        expect(after, `table ${table} kept in v${schemaVersions[i]!.version}`).toHaveProperty(
          table,
        );
        const [primaryBefore, ...restBefore] = indexesOf(spec);
        const [primaryAfter, ...restAfter] = indexesOf(after[table]!);
        expect(primaryAfter).toBe(primaryBefore);
        for (const index of restBefore) expect(restAfter).toContain(index);
      }
    }
  });
});

describe('migration harness', () => {
  beforeEach(() => freshIndexedDb());

  // v1 is the first release: "upgrading" from an empty profile must create every table.
  it('creates every table of the latest version on a new profile', async () => {
    const db = openCurrent(uniqueName());
    await db.open();
    const tables = db.tables.map((table) => table.name).sort();
    expect(tables).toEqual(Object.keys(cumulativeStores()).sort());
    expect(db.verno).toBe(latestSchemaVersion);
    db.close();
  });

  it('keeps data written at each earlier version when the current version opens', async () => {
    for (const step of schemaVersions) {
      const name = uniqueName();
      const old = openAtVersion(name, step.version);
      await old.books.add({
        ...sampleBook,
        id: 'b1',
        expectedCount: 120,
        createdAt: 1,
        updatedAt: 1,
      });
      // As the version saw it: v1 records had no nameKey or acknowledgements.
      await old.table<Record<string, unknown>>('records').add({
        id: 'r1',
        bookId: 'b1',
        templateVersion: 'ks-70',
        fields: { so: '1', nksHoTen: 'Phạm Anh Đài' },
        pageIds: [],
        status: 'draft',
        createdAt: 1,
        updatedAt: 1,
        revision: 1,
      });
      old.close();

      const current = openCurrent(name);
      expect(await current.books.get('b1')).toMatchObject({ quyenSo: '01/2008', year: 2008 });
      expect((await current.records.get('r1'))?.fields.nksHoTen).toBe('Phạm Anh Đài');
      expect(await current.records.where('[bookId+status]').equals(['b1', 'draft']).count()).toBe(
        1,
      );
      current.close();
    }
  });
});

describe('v2: name index', () => {
  beforeEach(() => freshIndexedDb());

  it('indexes the main person of entries typed under v1 and starts them with no acknowledgements', async () => {
    const name = uniqueName();
    const v1 = openAtVersion(name, 1);
    await v1.table<Record<string, unknown>>('records').bulkAdd([
      {
        id: 'r1',
        bookId: 'b1',
        templateVersion: 'ks-70',
        fields: { so: '1', nksHoTen: 'Nguyễn  Thị Hồng Nhung' },
        pageIds: [],
        status: 'draft',
        createdAt: 1,
        updatedAt: 1,
        revision: 3,
      },
      {
        id: 'r2',
        bookId: 'b1',
        templateVersion: 'ks-70',
        fields: { so: '2' },
        pageIds: [],
        status: 'draft',
        createdAt: 2,
        updatedAt: 2,
        revision: 1,
      },
    ]);
    v1.close();

    const v2 = openAtVersion(name, 2);
    const found = await v2.records
      .where('[bookId+nameKey]')
      .equals(['b1', 'nguyen thi hong nhung'])
      .toArray();
    expect(found.map((r) => r.id)).toEqual(['r1']);
    expect(found[0]?.revision).toBe(3);
    expect((await v2.records.get('r2'))?.nameKey).toBe('');
    expect((await v2.records.get('r2'))?.acknowledgements).toEqual([]);
    v2.close();
  });
});

describe('v3: officers and the audit chain', () => {
  beforeEach(() => freshIndexedDb());

  it('chains the audit events written before officers existed, attributed to nobody', async () => {
    const name = uniqueName();
    const v2 = openAtVersion(name, 2);
    const legacy = v2.table<Record<string, unknown>, number>('audit');
    await legacy.bulkAdd([
      { at: 10, entity: 'book', entityId: 'b1', action: 'create' },
      { at: 20, entity: 'record', entityId: 'r1', action: 'edit', field: 'so', newValue: '1' },
      { at: 30, entity: 'book', entityId: 'b1', action: 'export' },
    ]);
    v2.close();

    const v3 = openAtVersion(name, 3);
    const events = await v3.audit.orderBy('seq').toArray();
    expect(events.map((e) => [e.seq, e.action, e.by])).toEqual([
      [1, 'create', ''],
      [2, 'edit', ''],
      [3, 'export', ''],
    ]);
    expect(events[1]?.prevHash).toBe(events[0]?.hash);
    expect(await verifyAuditChain(v3.audit)).toEqual({ ok: true, checked: 3 });
    expect(await v3.audit.where('by').equals('').count()).toBe(3);
    v3.close();
  });
});

describe('v4: exchange state and conflicts', () => {
  beforeEach(() => freshIndexedDb());

  it('adds empty exchange and conflict tables and keeps the entries typed before', async () => {
    const name = uniqueName();
    const v2 = openAtVersion(name, 2);
    await v2.books.add({ ...sampleBook, id: 'b1', createdAt: 1, updatedAt: 1 });
    await v2.records.add({
      id: 'r1',
      bookId: 'b1',
      templateVersion: 'ks-70',
      fields: { so: '1', nksHoTen: 'Phạm Anh Đài' },
      pageIds: [],
      status: 'draft',
      createdAt: 1,
      updatedAt: 1,
      revision: 4,
      nameKey: 'pham anh dai',
      acknowledgements: [],
    });
    v2.close();

    const v4 = openAtVersion(name, 4);
    expect(await v4.exchanges.count()).toBe(0);
    expect(await v4.conflicts.count()).toBe(0);
    expect(await v4.records.get('r1')).toMatchObject({ revision: 4, nameKey: 'pham anh dai' });
    await v4.exchanges.add({ id: 'r1', bookId: 'b1', hash: 'abc', at: 2 });
    expect(await v4.exchanges.where('bookId').equals('b1').count()).toBe(1);
    expect(v4.tables.map((table) => table.name)).toEqual(
      expect.arrayContaining(['books', 'records', 'audit', 'people', 'exchanges', 'conflicts']),
    );
    v4.close();
  });
});

describe('v5: prepared pages', () => {
  beforeEach(() => freshIndexedDb());

  it('adds an empty prepared-pages table and keeps the book’s scans and pages', async () => {
    const name = uniqueName();
    const v4 = openAtVersion(name, 4);
    await v4.books.add({ ...sampleBook, id: 'b1', createdAt: 1, updatedAt: 1 });
    const blob = new Blob([new Uint8Array([1, 2, 3])]);
    await v4.scans.add({
      id: 's1',
      bookId: 'b1',
      fileName: 'so.pdf',
      mimeType: 'application/pdf',
      size: 3,
      blob,
      pageCount: 1,
      importedAt: 1,
    });
    await v4.pages.add({
      id: 'p1',
      bookId: 'b1',
      scanId: 's1',
      indexInScan: 0,
      order: 0,
      rotation: 0,
    });
    v4.close();

    const v5 = openAtVersion(name, 5);
    expect(await v5.preparedPages.count()).toBe(0);
    expect(await v5.pages.get('p1')).toMatchObject({ scanId: 's1', indexInScan: 0 });
    expect(await v5.scans.get('s1')).toMatchObject({ fileName: 'so.pdf', pageCount: 1 });
    await v5.preparedPages.add({
      id: 's1#0',
      bookId: 'b1',
      scanId: 's1',
      indexInScan: 0,
      targetBytesPerPage: 100_000,
      preparedAt: 2,
      result: { kind: 'notSingleJpeg' },
    });
    expect(await v5.preparedPages.where('bookId').equals('b1').count()).toBe(1);
    expect(await v5.preparedPages.where('scanId').equals('s1').count()).toBe(1);
    v5.close();
  });
});

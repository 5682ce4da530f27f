import { beforeEach, describe, expect, it } from 'vitest';
import { latestSchemaVersion, schemaVersions } from './schema';
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
    for (let i = 1; i < schemaVersions.length; i++) {
      const before = schemaVersions[i - 1]!.stores;
      const after = schemaVersions[i]!.stores;
      for (const [table, spec] of Object.entries(before)) {
        expect(after, `table ${table} kept in v${i + 1}`).toHaveProperty(table);
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
    expect(tables).toEqual(Object.keys(schemaVersions.at(-1)!.stores).sort());
    expect(db.verno).toBe(latestSchemaVersion);
    db.close();
  });

  it('keeps data written at each earlier version when the current version opens', async () => {
    for (const step of schemaVersions) {
      const name = uniqueName();
      const old = openAtVersion(name, step.version);
      await old.books.add({
        id: 'b1',
        type: 'KS',
        templateVersion: 'ks-70',
        quyenSo: '01/2008',
        year: 2008,
        noiDangKy: 'UBND xã An Nhơn',
        nguoiKy: 'Lê Đức Tuấn',
        chucVuNguoiKy: 'Chủ tịch',
        nguoiThucHien: 'Nguyễn Văn Sơn',
        expectedCount: 120,
        createdAt: 1,
        updatedAt: 1,
      });
      await old.records.add({
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

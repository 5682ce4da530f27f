import { describe, expect, it } from 'vitest';
import { hnTemplate } from './hn';
import { ksTemplate60, ksTemplate70 } from './ks';
import { ktTemplate } from './kt';
import {
  lostFields,
  migrateFields,
  migrationTargets,
  planTemplateMigration,
  versionsOf,
} from './template-migration';

/** An entry as typed on `template`: every field empty except the given ones. */
function entryOn(
  template: typeof ksTemplate70,
  values: Record<string, string>,
): { fields: Record<string, string> } {
  return {
    fields: { ...Object.fromEntries(template.fields.map((f) => [f.key, ''])), ...values },
  };
}

describe('migrationTargets', () => {
  it('offers a khai sinh book the other khai sinh template and nothing else', () => {
    expect(migrationTargets(ksTemplate70).map((t) => t.version)).toEqual(['ks-60']);
    expect(migrationTargets(ksTemplate60).map((t) => t.version)).toEqual(['ks-70']);
  });

  it('offers nothing to a register that has a single template version', () => {
    expect(migrationTargets(ktTemplate)).toEqual([]);
  });
});

describe('planTemplateMigration', () => {
  it('moving 60 → 70 keeps every column and adds the row number, IDs and nationality text', () => {
    const plan = planTemplateMigration(ksTemplate60, ksTemplate70, [
      entryOn(ksTemplate60, { so: '1', nksHoTen: 'Nguyễn Văn An' }),
    ]);
    expect(plan.dropped).toEqual([]);
    expect(plan.losesData).toBe(false);
    expect(plan.mapped).toHaveLength(60);
    expect(plan.added).toEqual(
      expect.arrayContaining(['STT', 'nksSoDinhDanh', 'meSoDinhDanhCaNhan', 'nksQuocTichStr']),
    );
    expect(plan.added).toHaveLength(10);
  });

  it('moving 70 → 60 names the dropped columns and counts the entries holding data there', () => {
    const plan = planTemplateMigration(ksTemplate70, ksTemplate60, [
      entryOn(ksTemplate70, { nksSoDinhDanh: '001208012345' }),
      entryOn(ksTemplate70, { nksSoDinhDanh: '001208054321', meQuocTichStr: 'Lào' }),
      entryOn(ksTemplate70, { nksHoTen: 'Lê Thị Hoa' }),
    ]);
    expect(plan.losesData).toBe(true);
    expect(plan.dropped).toHaveLength(10);
    expect(plan.dropped).toContainEqual({ key: 'nksSoDinhDanh', entriesWithData: 2 });
    expect(plan.dropped).toContainEqual({ key: 'meQuocTichStr', entriesWithData: 1 });
    expect(plan.dropped).toContainEqual({ key: 'chaSoDinhDanhCaNhan', entriesWithData: 0 });
    expect(plan.added).toEqual([]);
  });

  it('does not count blank values or the generated row number as data lost', () => {
    const plan = planTemplateMigration(ksTemplate70, ksTemplate60, [
      entryOn(ksTemplate70, { nksSoDinhDanh: '   ' }),
    ]);
    expect(plan.losesData).toBe(false);
  });

  it('refuses to move a book to another register type', () => {
    expect(() => planTemplateMigration(ksTemplate70, hnTemplate, [])).toThrow(/KS book to a HN/);
  });
});

describe('migrateFields', () => {
  it('gives a moved entry exactly the new version’s fields, in its order, values kept', () => {
    const old = entryOn(ksTemplate60, {
      so: '7',
      nksHoTen: 'Nguyễn Văn An',
      meHoTen: 'Trần Thị Bình',
    });
    const moved = migrateFields(ksTemplate70, old.fields);
    expect(Object.keys(moved)).toEqual(ksTemplate70.fields.map((f) => f.key));
    expect(moved).toMatchObject({
      so: '7',
      nksHoTen: 'Nguyễn Văn An',
      meHoTen: 'Trần Thị Bình',
      nksSoDinhDanh: '',
    });
    const back = migrateFields(ksTemplate60, moved);
    expect(back).toEqual(old.fields);
  });

  it('lists the typed values a move would lose', () => {
    const fields = entryOn(ksTemplate70, { nksSoDinhDanh: '001208012345', nksHoTen: 'An' }).fields;
    expect(lostFields(ksTemplate60, fields)).toEqual(['nksSoDinhDanh']);
    expect(lostFields(ksTemplate70, fields)).toEqual([]);
  });
});

describe('versionsOf', () => {
  it('lists both khai sinh layouts, the current 70-column one first', () => {
    expect(versionsOf('KS').map((t) => t.version)).toEqual(['ks-70', 'ks-60']);
    expect(versionsOf('KT')).toHaveLength(1);
  });
});

// Upgrades keep their own copies of the code they run: they import nothing of the live app, and
// each copy still agrees with the live code it was taken from, so freezing changed no result.
import { describe, expect, it } from 'vitest';
import { templates } from '../../../shared/registers';
import { hashEvent } from '../audit-chain';
import { nameKeyOf } from '../name-key';
import { foldedNameV2 } from './v2';
import { hashEventV3 } from './v3';

const sources = import.meta.glob<string>(['./*.ts', '!./*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('frozen upgrades', () => {
  it('import only the database library and the hash functions, never live app code', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(1);
    for (const [file, source] of Object.entries(sources)) {
      const imported = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
      for (const specifier of imported) {
        expect(specifier, `${file} imports ${specifier}`).toMatch(/^(dexie|@noble\/hashes\/)/);
      }
    }
  });

  it('v2 folds names as the live code does today, for every template', () => {
    const names = ['Nguyễn  Thị Hồng Nhung', ' ĐẶNG văn  Đức ', '', "H'Bia Niê"];
    for (const template of templates) {
      for (const name of names) {
        const fields = { [template.mainNameField]: name };
        expect(foldedNameV2(template.version, fields)).toBe(nameKeyOf(template, fields));
      }
    }
  });

  it('v3 hashes an event as the live chain does for an event of that time', () => {
    const event = {
      at: 20,
      entity: 'record' as const,
      entityId: 'r1',
      action: 'edit' as const,
      field: 'so',
      oldValue: '1',
      newValue: '2',
      by: '',
      reason: 'sửa',
    };
    const prev = 'a'.repeat(64);
    expect(hashEventV3(event, prev)).toBe(hashEvent(event, prev));
    expect(hashEventV3({ ...event, field: undefined }, prev)).toBe(
      hashEvent({ ...event, field: undefined }, prev),
    );
  });
});

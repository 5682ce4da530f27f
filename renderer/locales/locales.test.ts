import { describe, expect, it } from 'vitest';
import { ruleIds } from '../../shared/validation/types';
import { translations, type Tree } from './resources';

const { vi, en } = translations;

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

describe('translations', () => {
  it('word every validation rule the domain can report, in both languages', () => {
    for (const rule of ruleIds) {
      expect(vi.validation as Tree, `vi: validation.${rule}`).toHaveProperty(rule);
      expect(en.validation as Tree, `en: validation.${rule}`).toHaveProperty(rule);
    }
  });

  it('have the same keys in English as in Vietnamese, the source of truth', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });
});

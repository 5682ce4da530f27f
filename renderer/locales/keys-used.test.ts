// Every key the screens name must be worded in both languages: i18next shows a missing key's
// name (or a Vietnamese default) instead, which an English-speaking officer only notices on
// screen. The keys are read from the source: `t('a.b')` literals, and for keys built at run
// time (`t(\`fieldLabels.${key}\`)`) the section they point into.
import { describe, expect, it } from 'vitest';
import { templates } from '../../shared/registers';
import { fieldLabelLookup } from './field-label';
import { translations, type Tree } from './resources';

/** renderer/'s sources as text, tests left out. */
const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function lookup(tree: Tree, key: string): string | Tree | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return node;
}

/** A key is worded when it names a text, or its plural forms (`_one`, `_other`). */
function isWorded(tree: Tree, key: string): boolean {
  if (typeof lookup(tree, key) === 'string') return true;
  return typeof lookup(tree, `${key}_other`) === 'string';
}

/** `t('a.b'` / `t("a.b"` literals, and `t(\`a.b.${` prefixes, in one file's source. */
function keysIn(source: string): { literal: string[]; sections: string[] } {
  const literal = [...source.matchAll(/\bt\(\s*(['"])([\w.-]+)\1/g)].map((match) => match[2]!);
  const sections = [...source.matchAll(/\bt\(\s*`([\w.-]+)\.\$\{/g)].map((match) => match[1]!);
  return { literal, sections };
}

const used = Object.entries(sources).map(([file, source]) => ({ file, ...keysIn(source) }));

describe('keys used in renderer/', () => {
  it('are found by the scan (t literals and sections built at run time)', () => {
    expect(keysIn('t(\'a.b\', {}); t("c"); t(`fieldLabels.${key}`)')).toEqual({
      literal: ['a.b', 'c'],
      sections: ['fieldLabels'],
    });
    expect(used.flatMap((file) => file.literal).length).toBeGreaterThan(100);
  });

  for (const language of ['vi', 'en'] as const) {
    it(`are all worded in ${language}`, () => {
      const tree = translations[language];
      const missing = used.flatMap(({ file, literal, sections }) => [
        ...literal.filter((key) => !isWorded(tree, key)).map((key) => `${file}: ${key}`),
        ...sections
          .filter((key) => typeof lookup(tree, key) !== 'object')
          .map((key) => `${file}: ${key}.*`),
      ]);
      expect(missing).toEqual([]);
    });
  }
});

describe('field labels', () => {
  it('word every field of every register in both languages, Vietnamese as the template says', () => {
    const missing: string[] = [];
    for (const template of templates) {
      for (const field of template.fields) {
        const { key, context } = fieldLabelLookup(field);
        const full = context === undefined ? key : `${key}_${context}`;
        const vi = lookup(translations.vi, full);
        if (vi !== field.label) missing.push(`vi ${template.version} ${full}`);
        if (typeof lookup(translations.en, full) !== 'string') {
          missing.push(`en ${template.version} ${full}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

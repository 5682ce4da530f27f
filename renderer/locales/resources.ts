// All UI text. `vi.json` / `en.json` hold the core screens; each larger feature keeps its own
// pair beside them (`review.vi.json` / `review.en.json`), whose words live under a top-level
// key named after the file. Vietnamese is the source; a test keeps English key-for-key equal.
import en from './en.json';
import vi from './vi.json';

export type Tree = { [key: string]: string | Tree };

function withFeatures(base: Tree, files: Record<string, Tree>, language: string): Tree {
  const merged: Tree = { ...base };
  for (const [path, words] of Object.entries(files)) {
    const area = /([\w-]+)\.\w+\.json$/.exec(path)?.[1];
    if (!area) continue;
    if (area in merged) throw new Error(`${language}: ${area} is defined twice`);
    merged[area] = words;
  }
  return merged;
}

export const translations = {
  vi: withFeatures(
    vi,
    import.meta.glob<Tree>('./*.vi.json', { eager: true, import: 'default' }),
    'vi',
  ),
  en: withFeatures(
    en,
    import.meta.glob<Tree>('./*.en.json', { eager: true, import: 'default' }),
    'en',
  ),
};

// The renderer's inner boundaries, as eslint.config.mjs enforces them: each rule refuses a
// deliberate example and lets the allowed way through. Each example is linted, with the
// project's own configuration, as if it were the text of an existing file of that folder; the
// file itself is not touched. Only no-restricted-imports runs, and it needs no types, so the
// parser is told not to build the renderer's whole TypeScript program for it.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const eslint = new ESLint({
  cwd: new URL('..', import.meta.url).pathname,
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
});

// The first lint loads the parser and the configuration: a wide limit for a busy machine.
beforeAll(async () => {
  await eslint.lintText('export {};\n', { filePath: 'renderer/db/reads.ts' });
}, 300_000);

/** The no-restricted-imports messages for `code` placed at `filePath`. */
async function restrictions(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  expect(result?.fatalErrorCount).toBe(0);
  return (result?.messages ?? []).map((message) => message.message);
}

describe('lower layers never import the screens', () => {
  it.each([
    ['renderer/workers/import-sniff.ts', "import { importFiles } from '../features/scans';"],
    ['renderer/store/ui-store.ts', "import { DEFAULT_VIEW } from '../features/scans';"],
    ['renderer/db/reads.ts', "import { errorText } from '../features/officers';"],
  ])('%s may not import features/', async (filePath, code) => {
    expect(await restrictions(filePath, `${code}\nexport const x = 1;\n`)).toEqual([
      expect.stringContaining('may not import features/'),
    ]);
  });

  it('a worker may import another worker module and shared/', async () => {
    const code = [
      "import { sniffKind } from './import-sniff';",
      "import { sortBySo } from '../../shared/registers/book-order';",
      'export const both = [sniffKind, sortBySo];',
    ].join('\n');
    expect(await restrictions('renderer/workers/import-sniff.ts', code)).toEqual([]);
  });
});

describe('only the app shell imports app/', () => {
  it.each([
    ['renderer/features/books/new-book.ts', "import { App } from '../../app/App';"],
    ['renderer/db/reads.ts', "import { setLanguage } from '../app/i18n';"],
    ['renderer/store/ui-store.ts', "import { Notices } from '../app/Notices';"],
  ])('%s may not import the shell', async (filePath, code) => {
    expect(await restrictions(filePath, `${code}\nexport const x = 1;\n`)).toEqual([
      expect.stringContaining('Only the app shell imports app/'),
    ]);
  });

  it('a feature takes routing from store/ and shared pieces of UI from ui/', async () => {
    const code = [
      "import { navigate } from '../../store/router';",
      "import { ReasonPrompt } from '../../ui/ReasonPrompt';",
      'export const both = [navigate, ReasonPrompt];',
    ].join('\n');
    expect(await restrictions('renderer/features/books/new-book.ts', code)).toEqual([]);
  });
});

describe('a feature uses another only through its index.ts', () => {
  it("refuses a file inside another feature ('../review/ReviewQueue')", async () => {
    const code = "import { ReviewQueue } from '../review/ReviewQueue';\nexport { ReviewQueue };\n";
    expect(await restrictions('renderer/features/books/new-book.ts', code)).toEqual([
      expect.stringContaining('only through its index.ts'),
    ]);
  });

  it("refuses the app shell reaching into a feature's files", async () => {
    const code =
      "import { BooksScreen } from '../features/books/BooksScreen';\nexport { BooksScreen };\n";
    expect(await restrictions('renderer/app/App.tsx', code)).toEqual([
      expect.stringContaining('through its index.ts'),
    ]);
  });

  it("allows the other feature's index and the feature's own files", async () => {
    const code = [
      "import { ReviewQueue } from '../review';",
      "import { BooksScreen } from './BooksScreen';",
      "import { repo } from '../../db';",
      'export const all = [ReviewQueue, BooksScreen, repo];',
    ].join('\n');
    expect(await restrictions('renderer/features/books/new-book.ts', code)).toEqual([]);
    const shell = "import { BooksScreen } from '../features/books';\nexport { BooksScreen };\n";
    expect(await restrictions('renderer/app/App.tsx', shell)).toEqual([]);
  });
});

describe('only the data layer touches Dexie and the database', () => {
  it.each([
    "import Dexie from 'dexie';\nexport const D = Dexie;",
    "import { useLiveQuery } from 'dexie-react-hooks';\nexport const u = useLiveQuery;",
    "import { db } from '../../db';\nexport const d = db;",
    "import { SohoaDatabase } from '../../db/database';\nexport const S = SohoaDatabase;",
  ])('a feature may not: %s', async (code) => {
    expect(await restrictions('renderer/features/entry/book-values.ts', code)).toEqual([
      expect.stringMatching(/renderer\/db\//),
    ]);
  });

  it('a feature reads through renderer/db/reads.ts and writes through repo', async () => {
    const code = [
      "import { repo } from '../../db';",
      "import { bookReads, useLiveQuery } from '../../db/reads';",
      'export const all = [repo, bookReads, useLiveQuery];',
    ].join('\n');
    expect(await restrictions('renderer/features/entry/book-values.ts', code)).toEqual([]);
  });

  it('the data layer itself may import Dexie and the database', async () => {
    const code = [
      "import Dexie from 'dexie';",
      "import { db } from './database';",
      'export const all = [Dexie, db];',
    ].join('\n');
    expect(await restrictions('renderer/db/queries/books.ts', code)).toEqual([]);
  });
});

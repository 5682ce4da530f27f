import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeOnly = ['electron', 'electron/*', 'node:*', 'fs', 'path', 'os', 'child_process'];

/** renderer/ talks to the desktop shell only through the bridge. */
const rendererShell = [
  {
    group: nodeOnly,
    message: 'renderer/ talks to the desktop shell only through shared/bridge.ts.',
  },
  { group: ['**/electron/**'], message: 'renderer/ may not import electron/ code.' },
];

/** Only renderer/db/ (the data layer) imports Dexie and the database instance. */
const dataLayerOnly = [
  {
    group: ['dexie', 'dexie-*'],
    message:
      'Only renderer/db/ imports Dexie: read through renderer/db/reads.ts, write through repo.',
  },
  {
    group: ['**/db/database'],
    message: 'The database module stays inside renderer/db/: read through renderer/db/reads.ts.',
  },
  {
    group: ['**/db', '**/db/index'],
    importNames: ['db'],
    message: 'The database instance stays inside renderer/db/: read through renderer/db/reads.ts.',
  },
];

/** workers/, store/ and db/ sit below the screens. */
const noFeatures = [
  {
    group: ['**/features', '**/features/**'],
    message: 'workers/, store/, ui/ and db/ may not import features/.',
  },
];

/** The app shell (app/) sits on top: nothing below it imports it. */
const noShell = [
  {
    group: ['**/app', '**/app/**'],
    message:
      'Only the app shell imports app/: routing is in store/router.ts, shared pieces of UI in ui/.',
  },
];

/** From outside features/ (the app shell), a feature is reached through its index.ts. */
const featureThroughIndex = [
  {
    group: ['**/features/*/*', '!**/features/*/index'],
    message: 'Import a feature through its index.ts, not a file inside it.',
  },
];

/** From inside a feature, another feature ('../other/…') only through its index.ts. */
const featureInternals = [
  {
    regex: '^\\.\\./(?!\\.\\.)[^/]+/',
    message: "A feature imports another feature only through its index.ts ('../other').",
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-electron',
      'release',
      'coverage',
      'test-results',
      'playwright-report',
      'bench/.fixtures',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Warns on libraries the React Compiler cannot optimise (e.g. @tanstack/react-virtual);
      // this project does not run the compiler, so the warning has nothing to act on.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': [
        'error',
        { patterns: [...rendererShell, ...dataLayerOnly, ...featureThroughIndex] },
      ],
    },
  },
  // Inside the renderer, from the bottom up: db/ (the data layer), workers/, store/ (UI state
  // and routing) and ui/ (pieces of UI several screens use) know nothing of the screens, and
  // nothing but the shell imports app/; a feature uses another only through its index.ts; only db/ touches
  // Dexie and the database itself. Tests build fresh databases and reach the module they test.
  {
    files: ['renderer/features/*/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...rendererShell, ...dataLayerOnly, ...featureInternals, ...noShell] },
      ],
    },
  },
  {
    files: ['renderer/workers/**/*.ts', 'renderer/store/**/*.ts', 'renderer/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...rendererShell, ...dataLayerOnly, ...noFeatures, ...noShell] },
      ],
    },
  },
  {
    files: ['renderer/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...rendererShell, ...noFeatures, ...noShell] },
      ],
    },
  },
  {
    files: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: rendererShell }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeOnly, 'react', 'react-dom', 'dexie', 'dexie-*', '**/renderer/**'],
              message: 'shared/ is pure TypeScript: no DOM, Node, React or Dexie.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: {} },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/renderer/**'], message: 'electron/ may not import renderer/.' }],
        },
      ],
    },
  },
);

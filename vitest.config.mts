import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    // Worker threads start faster than child processes.
    pool: 'threads',
    projects: [
      {
        // shared/ is pure TypeScript (no DOM, Node, Dexie or mocks; eslint.config.mjs holds it
        // to that), so its files share one module graph instead of loading it again for each:
        // this part of the run takes a third of the CPU time it took.
        extends: true,
        test: { name: 'shared', include: ['shared/**/*.test.ts'], isolate: false },
      },
      {
        // The rest mock modules, fake IndexedDB and hold databases: each file runs isolated.
        extends: true,
        test: {
          name: 'app',
          include: ['electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'test/*.test.ts'],
        },
      },
    ],
    // Wide limits for a slow, busy CI machine: a passing test never waits for them.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    coverage: {
      provider: 'v8',
      include: ['shared/**/*.ts', 'electron/**/*.ts', 'renderer/db/**/*.ts'],
      exclude: ['**/*.test.ts'],
    },
  },
});

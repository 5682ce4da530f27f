import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'test/*.test.ts',
    ],
    environment: 'node',
    // Worker threads start faster than child processes; each test file still runs isolated.
    pool: 'threads',
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

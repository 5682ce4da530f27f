import { defineConfig } from 'vitest/config';

// The packaging check runs after `npm run build`, apart from the unit tests: it needs the
// built app and runs electron-builder, which takes tens of seconds.
export default defineConfig({
  test: {
    include: ['test/package/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});

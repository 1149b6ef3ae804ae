// One test run, several projects: pure domain, web, the server on SQLite and on PostgreSQL, and the browser.
import { defineConfig } from 'vitest/config';

const serverFiles = ['packages/server/test/**/*.test.ts'];

export default defineConfig({
  test: {
    reporters: ['default', './scripts/plain-summary-reporter.ts'],
    projects: [
      { test: { name: 'domain', include: ['packages/domain/**/*.test.ts'] } },
      { test: { name: 'web', include: ['packages/web/**/*.test.ts'] } },
      { test: { name: 'repo', include: ['scripts/**/*.test.ts'] } },
      {
        test: {
          name: 'server-sqlite',
          include: serverFiles,
          env: { BENPAO_TEST_DB: 'sqlite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'server-postgres',
          include: serverFiles,
          env: { BENPAO_TEST_DB: 'postgres' },
          globalSetup: ['packages/server/test/setup/postgres.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          // A page under load may take seconds to settle; polls wait for it rather than race it.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          globalSetup: ['e2e/setup/server.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

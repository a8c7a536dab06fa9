import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { POSTGRES_EXCLUDE, POSTGRES_TESTS } from './test/postgres-tests.js';

const shared = {
  // Every test must finish in a third of its timeout on a busy 2-core machine (check with
  // --reporter=./test/helpers/headroom-reporter.ts). Longer, bounded work sets its own timeout.
  testTimeout: 30_000,
  // Vitest's default (one worker per core, less one) runs the files one at a time on 2 cores, and
  // many files spend much of their time waiting (child processes, Chromium, timers, the disk):
  // one worker per core and one more keeps the cores busy.
  maxWorkers: Math.min(availableParallelism() + 1, 8),
  // A worker keeps the modules it loaded from one test file to the next instead of loading the app
  // again for each file (that was a third of the run). The suite has no module mocks, stubbed
  // globals or environment, and no module-level state a test relies on being fresh; a file that
  // needs them must restore them itself (vi.restoreAllMocks, vi.unstubAllEnvs) or reset modules.
  isolate: false,
};

export default defineConfig({
  test: {
    ...shared,
    // Unpacks the npm-bundled Chromium for the browser tests once, before the workers start, and
    // migrates the one template database that each test's fresh database is copied from; starts a
    // throwaway PostgreSQL server for the tests that run on both stores (test/helpers/pg-setup.ts).
    globalSetup: ['test/helpers/chromium-setup.ts', 'test/helpers/db-template-setup.ts', 'test/helpers/pg-setup.ts'],
    projects: [
      // Everything, on the embedded default (SQLite files), but what only PostgreSQL does (`*.postgres.test.ts`:
      // several processes on one database).
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'], exclude: ['**/*.postgres.test.ts'] } },
      // The tests that go through the whole product again, every harness on its own PostgreSQL
      // database (test/postgres-tests.ts lists them); skipped, test by test, when the run has no PostgreSQL.
      {
        extends: true,
        test: {
          name: 'postgres',
          include: POSTGRES_TESTS,
          exclude: POSTGRES_EXCLUDE,
          provide: { lindungStore: 'postgres' },
          setupFiles: ['test/helpers/postgres-project.ts'],
        },
      },
    ],
  },
});

// setupFiles of the vitest project "postgres": without a PostgreSQL server in the run (none found,
// or it could not start: test/helpers/pg-setup.ts printed why), its tests are skipped, not failed.
import { beforeEach } from 'vitest';
import { pgAvailable } from './postgres.js';

beforeEach((ctx) => {
  if (!pgAvailable()) ctx.skip();
});

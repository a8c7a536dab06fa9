import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // Unpacks the npm-bundled Chromium for the browser tests once, before the workers start.
    globalSetup: ['test/helpers/chromium-setup.ts'],
  },
});

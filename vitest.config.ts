import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // Gives each run an id (the browser tests build the site once per run) and prints how to get Chromium if missing.
    globalSetup: ['test/web/global-setup.ts'],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One PostgreSQL server for the run (TEST_DATABASE_URL or an embedded one); never skipped.
    globalSetup: ['test/setup/postgres.global.ts'],
    // End-to-end tests start real servers on loopback; give them room on a 2-core box.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real processes, the production install and replicas: `npm run test:process` (vitest.process.config.ts).
    exclude: ['test/process/**', '**/node_modules/**'],
    // One PostgreSQL server for the run (TEST_DATABASE_URL or an embedded one); never skipped.
    globalSetup: ['test/setup/postgres.global.ts'],
    // End-to-end tests start real servers on loopback; give them room on a 2-core box.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // Vitest's default is one worker per core minus one: a single worker on a 2-core box.
    // Many files wait on subprocesses, sockets and PostgreSQL rather than the CPU.
    maxWorkers: 4,
  },
});

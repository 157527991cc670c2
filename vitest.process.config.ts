import { defineConfig } from 'vitest/config';

/**
 * The process-level suite (`npm run test:process`, run by .ci/run after `npm test`): real
 * bot processes, a production install, replicas on PostgreSQL. Slower, so kept out of the
 * everyday `npm test`; one file at a time, so timing checks are not starved of CPU.
 */
export default defineConfig({
  test: {
    include: ['test/process/**/*.test.ts'],
    globalSetup: ['test/setup/postgres.global.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});

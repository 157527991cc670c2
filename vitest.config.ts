import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests start real servers on loopback; give them room on a 2-core box.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});

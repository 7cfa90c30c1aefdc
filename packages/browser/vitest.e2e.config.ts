import { defineConfig } from 'vitest/config';

/** End-to-end tests in headless Chromium (`npm run e2e`); kept out of `npm test`. */
export default defineConfig({
  test: {
    include: ['test/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: 'forks',
    fileParallelism: false,
  },
});

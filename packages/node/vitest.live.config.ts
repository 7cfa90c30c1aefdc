import { defineConfig } from 'vitest/config';

/** Real-API tests only (`*.live.test.ts`); they need SPARK_APP_ID, SPARK_API_KEY and SPARK_API_SECRET. */
export default defineConfig({
  test: {
    include: ['test/**/*.live.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});

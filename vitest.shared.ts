import { defineConfig } from 'vitest/config';

/**
 * Shared Vitest settings for every workspace. Real-API tests (`*.live.test.ts`) are excluded here
 * and run only through `npm run test:live` with SPARK_* credentials.
 */
export const sharedTestConfig = defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/*.live.test.ts', '**/*.e2e.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});

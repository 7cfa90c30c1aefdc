import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the real playground server (mock mode) driven through headless Chromium.
 * Run with `npm run e2e -w @xinghuo/playground` after `npm run build`.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});

import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../vitest.shared.ts';

/**
 * The reliability suites: fault matrix, load, fuzz and signing-handler abuse. They run real sockets
 * against the mock on loopback, so they get longer timeouts than unit tests, at most two workers on
 * a shared two-core machine, and `--expose-gc` so the load suite can measure memory after a forced GC.
 * `vitest run --mode full` (`npm run test:full`) runs the fuzz and load suites at full size; plain
 * `vitest run` (what `npm test` runs) at a tenth of it (see `test/support/scale.ts`).
 */
export default defineConfig(({ mode }) =>
  mergeConfig(
    sharedTestConfig,
    defineConfig({
      test: {
        // Hang guards, not goals: on a busy two-core machine the full-size load suite's 10,000 round
        // trips took more than three minutes and the 100,000-frame decode fuzz 46 s.
        testTimeout: mode === 'full' ? 900_000 : 120_000,
        hookTimeout: 30_000,
        maxWorkers: 2,
        execArgv: ['--expose-gc'],
        env: { XINGHUO_RELIABILITY_SCALE: mode === 'full' ? 'full' : 'quick' },
      },
    }),
  ),
);

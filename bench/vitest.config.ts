import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../vitest.shared.ts';

/**
 * The reliability suites: fault matrix, load, fuzz and signing-handler abuse. They run real sockets
 * against the mock on loopback, so they get longer timeouts than unit tests, at most two workers on
 * a shared two-core machine, and `--expose-gc` so the load suite can measure memory after a forced GC.
 */
export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    test: {
      testTimeout: 60_000,
      hookTimeout: 30_000,
      maxWorkers: 2,
      execArgv: ['--expose-gc'],
    },
  }),
);

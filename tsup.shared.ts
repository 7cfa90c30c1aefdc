import type { Options } from 'tsup';

/**
 * Build settings every published package shares: ESM and CJS with per-condition types (`.d.ts` and
 * `.d.cts`), ES2022, tree-shaken, with source maps. `dist` is not cleaned on rebuild because sibling
 * packages' tests read it while it rebuilds in watch-and-test loops; CI and releases build from a clean
 * checkout.
 */
export const libraryDefaults = {
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: false,
  target: 'es2022',
  treeshake: true,
} satisfies Options;

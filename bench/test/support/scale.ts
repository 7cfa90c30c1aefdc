/**
 * How hard the heavy reliability suites (fuzzing, load) push.
 *
 * `npm test` runs every package's suites at once under turbo. At full size these suites keep both
 * cores of a small machine busy for minutes (100,000 fuzzed frames, 10,000 sequential requests) and
 * starve the other packages' suites running beside them, so `npm test` runs them at a tenth of the
 * size: still thousands of hostile frames and real round trips on every run. The full counts run
 * on their own with `npm run test:full -w bench` (vitest `--mode full`, see `vitest.config.ts`),
 * before a release and after any change to the stream engine, the decoder or a transport.
 */
export const FULL_SCALE = process.env.XINGHUO_RELIABILITY_SCALE === 'full';

/** `full` when the suites run at full size, `quick` in `npm test`. */
export function scaled(full: number, quick: number): number {
  return FULL_SCALE ? full : quick;
}

/**
 * When and how long to wait before trying an exchange again.
 */
import { SparkConfigError } from '../errors';

/** Backoff settings. Delays are "full jitter": uniform in `[0, min(maxDelayMs, baseDelayMs·2^n))`. */
export interface RetryDelayOptions {
  /** Upper bound of the first delay (default 500 ms). */
  baseDelayMs?: number | undefined;
  /** Cap of any delay (default 8 000 ms). */
  maxDelayMs?: number | undefined;
  /** Source of randomness in [0, 1); injectable for deterministic tests. */
  random?: (() => number) | undefined;
}

/** The default backoff: base 500 ms, cap 8 s, `Math.random`. */
export const DEFAULT_RETRY_DELAY = Object.freeze({ baseDelayMs: 500, maxDelayMs: 8_000 });

/** Resolved backoff settings. */
export interface RetryDelay {
  baseDelayMs: number;
  maxDelayMs: number;
  random: () => number;
}

/** Fills in defaults and validates the numbers. */
export function resolveRetryDelay(options: RetryDelayOptions | undefined): RetryDelay {
  const baseDelayMs = options?.baseDelayMs ?? DEFAULT_RETRY_DELAY.baseDelayMs;
  const maxDelayMs = options?.maxDelayMs ?? DEFAULT_RETRY_DELAY.maxDelayMs;
  for (const [name, value] of [
    ['baseDelayMs', baseDelayMs],
    ['maxDelayMs', maxDelayMs],
  ] as const) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new SparkConfigError(`retryDelay.${name} must be a finite number of milliseconds ≥ 0.`);
    }
  }
  return { baseDelayMs, maxDelayMs, random: options?.random ?? Math.random };
}

/**
 * The delay before retry number `retryIndex` (0 for the first retry): exponential growth, capped,
 * with full jitter so that many clients failing together do not come back together.
 *
 * @example
 * ```ts
 * backoffDelay(0, { baseDelayMs: 500, maxDelayMs: 8000, random: () => 0.5 }); // 250
 * backoffDelay(3, { baseDelayMs: 500, maxDelayMs: 8000, random: () => 0.5 }); // 2000
 * ```
 */
export function backoffDelay(retryIndex: number, delay: RetryDelay): number {
  const ceiling = Math.min(delay.maxDelayMs, delay.baseDelayMs * 2 ** Math.max(0, retryIndex));
  const fraction = Math.min(Math.max(delay.random(), 0), 1);
  return Math.floor(fraction * ceiling);
}

/** Validates `maxRetries`: an integer ≥ 0 (default 2). */
export function resolveMaxRetries(maxRetries: number | undefined): number {
  if (maxRetries === undefined) return 2;
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new SparkConfigError('maxRetries must be an integer ≥ 0 (0 disables retries).');
  }
  return maxRetries;
}

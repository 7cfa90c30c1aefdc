import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SparkConfigError } from '../errors';
import { backoffDelay, DEFAULT_RETRY_DELAY, resolveMaxRetries, resolveRetryDelay } from './retry-policy';

describe('backoffDelay', () => {
  const at = (random: number) => ({ baseDelayMs: 500, maxDelayMs: 8000, random: () => random });

  it('doubles the ceiling per retry up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((retry) => backoffDelay(retry, at(0.999999)))).toEqual([
      499, 999, 1999, 3999, 7999, 7999, 7999,
    ]);
  });

  it('spreads delays uniformly below the ceiling (full jitter)', () => {
    expect(backoffDelay(2, at(0))).toBe(0);
    expect(backoffDelay(2, at(0.5))).toBe(1000);
  });

  it('stays within [0, min(cap, base·2^n)) for any random value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, random) => {
          const delay = backoffDelay(retry, at(random));
          return delay >= 0 && delay <= Math.min(8000, 500 * 2 ** retry);
        },
      ),
    );
  });
});

describe('retry settings', () => {
  it('defaults to 2 retries and a 500 ms base with an 8 s cap', () => {
    expect(resolveMaxRetries(undefined)).toBe(2);
    expect(resolveRetryDelay(undefined)).toMatchObject(DEFAULT_RETRY_DELAY);
    expect(DEFAULT_RETRY_DELAY).toEqual({ baseDelayMs: 500, maxDelayMs: 8000 });
  });

  it('rejects invalid values with SparkConfigError', () => {
    expect(() => resolveMaxRetries(-1)).toThrow(SparkConfigError);
    expect(() => resolveMaxRetries(Number.POSITIVE_INFINITY)).toThrow(SparkConfigError);
    expect(() => resolveRetryDelay({ maxDelayMs: -1 })).toThrow(/maxDelayMs/);
  });
});

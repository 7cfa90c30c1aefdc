import { SparkConfigError } from '@xinghuo/core';
import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './token-bucket';

describe('TokenBuckets', () => {
  it('allows a burst of capacity, then refills at the configured rate', () => {
    const buckets = new TokenBuckets({ capacity: 2, refillPerSecond: 2 });
    expect(buckets.take('a', 0)).toEqual({ allowed: true });
    expect(buckets.take('a', 0)).toEqual({ allowed: true });
    expect(buckets.take('a', 0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(buckets.take('a', 500)).toEqual({ allowed: true });
    expect(buckets.take('b', 500)).toEqual({ allowed: true });
  });

  it('tracks at most maxClients keys', () => {
    const buckets = new TokenBuckets({ capacity: 1, refillPerSecond: 1, maxClients: 3 });
    for (let index = 0; index < 100; index += 1) buckets.take(`client-${index}`, 0);
    // The newest clients are still limited; the forgotten oldest start afresh.
    expect(buckets.take('client-99', 0).allowed).toBe(false);
    expect(buckets.take('client-0', 0).allowed).toBe(true);
  });

  it('rejects nonsensical settings', () => {
    expect(() => new TokenBuckets({ capacity: 0 })).toThrow(SparkConfigError);
    expect(() => new TokenBuckets({ refillPerSecond: 0 })).toThrow(SparkConfigError);
  });
});

import { SparkConfigError } from '@xinghuo/core';

/** Rate-limit settings: a burst of `capacity` requests, refilled at `refillPerSecond`. */
export interface RateLimitOptions {
  /** Requests a client may make at once (default 10). */
  capacity?: number | undefined;
  /** Tokens added per second (default 1, i.e. 60 signed URLs a minute in the long run). */
  refillPerSecond?: number | undefined;
  /** Most clients tracked at once; full buckets are forgotten first (default 10 000). */
  maxClients?: number | undefined;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Outcome of {@link TokenBuckets.take}. */
export type TakeResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Per-client token buckets in memory. Good for one process; behind several instances put a shared
 * limiter (e.g. the platform's) in front and disable this one with `rateLimit: false`.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly capacity: number;
  private readonly refillPerSecond: number;
  private readonly maxClients: number;

  constructor(options: RateLimitOptions = {}) {
    this.capacity = options.capacity ?? 10;
    this.refillPerSecond = options.refillPerSecond ?? 1;
    this.maxClients = options.maxClients ?? 10_000;
    if (!(this.capacity >= 1) || !(this.refillPerSecond > 0) || !(this.maxClients >= 1)) {
      throw new SparkConfigError('rateLimit: capacity and maxClients must be ≥ 1 and refillPerSecond > 0.');
    }
  }

  /** Takes one token for `key` at time `nowMs`. */
  take(key: string, nowMs: number): TakeResult {
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, updatedAt: nowMs };
    const elapsedSeconds = Math.max(0, nowMs - bucket.updatedAt) / 1000;
    bucket.tokens = Math.min(this.capacity, bucket.tokens + elapsedSeconds * this.refillPerSecond);
    bucket.updatedAt = nowMs;
    this.buckets.delete(key);
    this.buckets.set(key, bucket); // re-insert: Map order becomes least-recently-used first
    this.evict(nowMs);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / this.refillPerSecond) };
  }

  private evict(nowMs: number): void {
    if (this.buckets.size <= this.maxClients) return;
    for (const [key, bucket] of this.buckets) {
      if (this.buckets.size <= this.maxClients) return;
      const refilled = bucket.tokens + ((nowMs - bucket.updatedAt) / 1000) * this.refillPerSecond;
      // Forget the least recently used; a full bucket loses nothing by being forgotten.
      if (refilled >= this.capacity || this.buckets.size > this.maxClients) this.buckets.delete(key);
    }
  }
}

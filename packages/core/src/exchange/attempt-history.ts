/**
 * What the caller can see of an exchange's attempts: the `onRetry` notice before each retry, and the
 * errors of every failed attempt kept on the error the exchange finally rejects with.
 */
import type { SparkError } from '../errors/spark-error';

/** What `onRetry` receives before each retry of a request. */
export interface SparkRetryInfo {
  /** The attempt that failed: 1 for the first. The next one is `attempt + 1`. */
  attempt: number;
  /** Why it failed. */
  error: SparkError;
  /** The backoff before the next attempt in ms (0 after a clock-skew correction, which retries at once). */
  delayMs: number;
}

/**
 * Records on `error` (the one the exchange rejects with) the errors of all its failed attempts, oldest
 * first, `error` itself last, as `error.attemptErrors`.
 */
export function recordAttemptErrors(error: SparkError, failures: readonly SparkError[]): SparkError {
  (error as { attemptErrors?: readonly SparkError[] }).attemptErrors = Object.freeze([...failures]);
  return error;
}

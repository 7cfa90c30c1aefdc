import { describe, expect, it } from 'vitest';
import { SparkConnectionError, SparkTimeoutError } from './error-classes';
import { toSparkError } from './to-spark-error';

describe('toSparkError', () => {
  it('keeps a SparkError as it is', () => {
    const error = new SparkTimeoutError('late', { phase: 'connect', timeoutMs: 5 });
    expect(toSparkError(error, 'The request failed')).toBe(error);
  });

  it('wraps anything else as a SparkConnectionError naming what failed, with the original as cause', () => {
    const original = new Error('socket hang up');
    const error = toSparkError(original, 'The HTTP request failed');
    expect(error).toBeInstanceOf(SparkConnectionError);
    expect(error.message).toBe('The HTTP request failed: socket hang up');
    expect(error.cause).toBe(original);
  });

  it("adds the network error's code that fetch's `fetch failed` carries as its cause", () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const error = toSparkError(new TypeError('fetch failed', { cause }), 'The HTTP request failed');
    expect(error.message).toBe('The HTTP request failed: fetch failed (ECONNREFUSED)');
  });

  it('takes only a code-shaped cause code, never other data', () => {
    const cause = { code: 'Bearer secret-password-0001' };
    const error = toSparkError(new TypeError('fetch failed', { cause }), 'The HTTP request failed');
    expect(error.message).toBe('The HTTP request failed: fetch failed');
  });
});

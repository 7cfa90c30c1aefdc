import { describe, expect, it } from 'vitest';
import { SparkConfigError, SparkTimeoutError } from '../errors';
import { DEFAULT_TIMEOUTS, isDisabled, resolveTimeouts, timeoutError } from './deadlines';

describe('deadlines', () => {
  it('fills in the documented defaults', () => {
    expect(resolveTimeouts(undefined)).toEqual({
      connectMs: 10_000,
      firstTokenMs: 60_000,
      idleMs: 30_000,
      totalMs: 0,
    });
    expect(resolveTimeouts({ idleMs: 5 })).toEqual({ ...DEFAULT_TIMEOUTS, idleMs: 5 });
  });

  it('rejects negative and non-numeric deadlines', () => {
    expect(() => resolveTimeouts({ connectMs: -1 })).toThrow(SparkConfigError);
    expect(() => resolveTimeouts({ totalMs: Number.NaN })).toThrow(/totalMs/);
    expect(() => resolveTimeouts({ idleMs: '5' as never })).toThrow(/idleMs/);
  });

  it('treats 0 and Infinity as no deadline', () => {
    expect(isDisabled(0)).toBe(true);
    expect(isDisabled(Number.POSITIVE_INFINITY)).toBe(true);
    expect(isDisabled(1)).toBe(false);
  });

  it('names the phase and the option in the timeout error', () => {
    const error = timeoutError('first-token', 123);
    expect(error).toBeInstanceOf(SparkTimeoutError);
    expect(error).toMatchObject({ phase: 'first-token', timeoutMs: 123, retryable: true });
    expect(error.message).toContain('timeouts.firstTokenMs');
    expect(timeoutError('total', 1).retryable).toBe(false);
  });
});

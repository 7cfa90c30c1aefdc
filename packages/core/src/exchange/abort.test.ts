import { describe, expect, it } from 'vitest';
import { SparkAbortError, SparkTimeoutError } from '../errors';
import { abortError, sleep } from './abort';

describe('abort helpers', () => {
  it('keeps a SparkError reason and wraps any other reason in SparkAbortError', () => {
    const timeout = new SparkTimeoutError('late', { phase: 'total', timeoutMs: 1 });
    expect(abortError(AbortSignal.abort(timeout))).toBe(timeout);
    const wrapped = abortError(AbortSignal.abort('why'));
    expect(wrapped).toBeInstanceOf(SparkAbortError);
    expect(wrapped.cause).toBe('why');
  });

  it('cuts a sleep short on abort', async () => {
    const controller = new AbortController();
    const sleeping = sleep(120_000, controller.signal);
    controller.abort();
    await expect(sleeping).rejects.toBeInstanceOf(SparkAbortError);
    await expect(sleep(1, new AbortController().signal)).resolves.toBeUndefined();
  });
});

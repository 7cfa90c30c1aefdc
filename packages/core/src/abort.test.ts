import { describe, expect, it } from 'vitest';
import { abortError, raceAbort, sleep, throwIfAborted } from './abort';
import { SparkAbortError, SparkTimeoutError } from './errors';

describe('abort helpers', () => {
  it('keeps a SparkError reason and wraps any other reason in SparkAbortError', () => {
    const timeout = new SparkTimeoutError('late', { phase: 'total', timeoutMs: 1 });
    expect(abortError(AbortSignal.abort(timeout))).toBe(timeout);
    const wrapped = abortError(AbortSignal.abort('why'));
    expect(wrapped).toBeInstanceOf(SparkAbortError);
    expect(wrapped.cause).toBe('why');
    expect(() => throwIfAborted(AbortSignal.abort())).toThrow(SparkAbortError);
    expect(() => throwIfAborted(undefined)).not.toThrow();
  });

  it('settles a race as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const racing = raceAbort(new Promise(() => {}), controller.signal);
    controller.abort();
    await expect(racing).rejects.toBeInstanceOf(SparkAbortError);
    await expect(raceAbort(Promise.resolve(1), new AbortController().signal)).resolves.toBe(1);
    await expect(raceAbort(Promise.resolve(1), AbortSignal.abort())).rejects.toBeInstanceOf(SparkAbortError);
  });

  it('leaves no unhandled rejection behind when the signal was aborted before the race', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      let rejectLater: (error: Error) => void = () => {};
      const abandoned = new Promise<never>((_resolve, reject) => {
        rejectLater = reject;
      });
      await expect(raceAbort(abandoned, AbortSignal.abort())).rejects.toBeInstanceOf(SparkAbortError);
      // A transport that refuses the aborted signal rejects after the race has already settled.
      rejectLater(new SparkAbortError('The request was aborted before connecting.'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('cuts a sleep short on abort', async () => {
    const controller = new AbortController();
    const sleeping = sleep(120_000, controller.signal);
    controller.abort();
    await expect(sleeping).rejects.toBeInstanceOf(SparkAbortError);
    await expect(sleep(1, new AbortController().signal)).resolves.toBeUndefined();
  });
});

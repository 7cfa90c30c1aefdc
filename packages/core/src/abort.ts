/**
 * Abort-aware waiting. Every await of the engine goes through these helpers so that an abort (the
 * caller's signal, `stream.abort()` or the total deadline) settles the exchange at once instead of
 * waiting for a socket, a signer or a backoff timer to notice.
 */
import { SparkAbortError, SparkError } from './errors';

/**
 * The error an aborted signal stands for: its reason when that is already a `SparkError` (the engine
 * aborts with `SparkAbortError` or `SparkTimeoutError`), otherwise a `SparkAbortError` that keeps the
 * platform's reason as `cause`.
 */
export function abortError(signal: AbortSignal): SparkError {
  const reason: unknown = signal.reason;
  if (SparkError.isInstance(reason)) return reason;
  return new SparkAbortError(undefined, { cause: reason });
}

/** Throws {@link abortError} when the signal is already aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal);
}

/**
 * Settles like `promise`, or rejects with {@link abortError} as soon as `signal` aborts, whichever
 * comes first. The listener is removed afterwards so long exchanges do not pile up listeners.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    // Nobody will wait for `promise` any more; its later rejection (a transport refusing an aborted
    // signal, say) must not surface as an unhandled rejection.
    promise.catch(() => {});
    return Promise.reject(abortError(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Waits `ms` milliseconds, or rejects with {@link abortError} as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Abort helpers: the error an aborted signal stands for, and a sleep (the retry backoff) that an abort
 * cuts short. The connect and read steps of an attempt listen for the abort themselves, once per
 * attempt, so an abort (the caller's signal, `stream.abort()` or the total deadline) settles the
 * exchange at once instead of waiting for a socket, a signer or a timer to notice.
 */
import { SparkAbortError, SparkError } from '../errors';
import type { AbortLike } from './exchange-signal';

/**
 * The error an aborted signal stands for: its reason when that is already a `SparkError` (the engine
 * aborts with `SparkAbortError` or `SparkTimeoutError`), otherwise a `SparkAbortError` that keeps the
 * platform's reason as `cause`.
 */
export function abortError(signal: AbortLike): SparkError {
  const reason: unknown = signal.reason;
  if (SparkError.isInstance(reason)) return reason;
  return new SparkAbortError(undefined, { cause: reason });
}

const nothing = () => {};

/**
 * Calls `listener` once when `signal` aborts and returns a function that stops listening (safe to call
 * more than once, and after the abort). Does nothing without a signal. It does not call `listener` for
 * a signal that is already aborted: check `signal.aborted` first where that matters.
 *
 * @example
 * ```ts
 * const dispose = onAbort(signal, () => socket.close());
 * try { await work(); } finally { dispose(); }
 * ```
 */
export function onAbort(signal: AbortLike | undefined, listener: () => void): () => void {
  if (!signal) return nothing;
  signal.addEventListener('abort', listener, { once: true });
  return () => signal.removeEventListener('abort', listener);
}

/** Waits `ms` milliseconds, or rejects with {@link abortError} as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortLike): Promise<void> {
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<void>((resolve, reject) => {
    const stopListening = onAbort(signal, () => {
      clearTimeout(timer);
      reject(abortError(signal));
    });
    const timer = setTimeout(() => {
      stopListening();
      resolve();
    }, ms);
  });
}

/**
 * Aborts and LangChain's `timeout` call option, as typed SDK errors.
 *
 * LangChain turns `timeout` into an `AbortSignal.timeout()` merged into the call's signal, so a timeout
 * arrives as an abort whose reason is a `TimeoutError`. ChatSpark reports it as `SparkTimeoutError`
 * (phase `total`) rather than as a plain abort.
 */
import { SparkAbortError, SparkError, SparkTimeoutError } from '@xinghuo/core';

function isTimeoutReason(reason: unknown): boolean {
  return (
    typeof reason === 'object' && reason !== null && (reason as { name?: unknown }).name === 'TimeoutError'
  );
}

/** The typed error for an aborted signal. */
export function errorForAbortedSignal(signal: AbortSignal, timeoutMs?: number): SparkError {
  if (isTimeoutReason(signal.reason)) {
    const after = timeoutMs === undefined ? '' : ` after ${timeoutMs} ms`;
    return new SparkTimeoutError(`The call timed out${after} (the timeout call option).`, {
      phase: 'total',
      timeoutMs: timeoutMs ?? 0,
      cause: signal.reason,
    });
  }
  return new SparkAbortError('The request was aborted.', { cause: signal.reason });
}

/** Replaces the SDK's abort error by a timeout error when the signal fired because of `timeout`. */
export function translateAbortError(
  error: unknown,
  signal: AbortSignal | undefined,
  timeoutMs?: number,
): unknown {
  if (
    signal?.aborted &&
    SparkError.isInstance(error) &&
    error.code === 'aborted' &&
    isTimeoutReason(signal.reason)
  ) {
    return errorForAbortedSignal(signal, timeoutMs);
  }
  return error;
}

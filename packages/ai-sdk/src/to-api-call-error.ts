/**
 * Spark errors → AI SDK errors.
 *
 * An error of the exchange becomes an `APICallError` whose `isRetryable` is the Spark error's
 * `retryable`, so the AI SDK's `maxRetries` retries exactly what the Spark client would have retried
 * (the provider's own client does not retry: see `maxRetries` in the provider settings). The Spark error
 * stays the `cause`; `data` carries its code, Spark's numeric code and the sid. Configuration errors
 * (`SparkConfigError`) are the caller's to fix and are thrown as they are.
 */
import { APICallError } from '@ai-sdk/provider';
import { SparkError } from '@xinghuo/core';

/** What an `APICallError` of this provider carries in `data`. */
export interface SparkErrorData {
  /** The SDK's stable error code, e.g. `rate_limited`. */
  code: string;
  /** Spark's numeric `header.code`, e.g. 10014. */
  sparkCode: number | undefined;
  /** Spark session id, for iFlytek support. */
  sid: string | undefined;
}

/** The error to throw (or put in an `error` stream part) for a failed exchange. */
export function toApiCallError(error: unknown, url: string, requestBodyValues: unknown): unknown {
  if (!SparkError.isInstance(error) || error.code === 'config_error' || error.code === 'aborted')
    return error;
  const data: SparkErrorData = { code: error.code, sparkCode: error.sparkCode, sid: error.sid };
  return new APICallError({
    message: error.message,
    url,
    requestBodyValues,
    ...(error.status !== undefined ? { statusCode: error.status } : {}),
    isRetryable: error.retryable,
    cause: error,
    data,
  });
}

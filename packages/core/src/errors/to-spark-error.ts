/**
 * The one conversion of an unknown failure into a `SparkError`.
 */
import { SparkConnectionError } from './error-classes';
import { SparkError } from './spark-error';

/**
 * `error` itself when it already is a `SparkError`; anything else becomes a retryable
 * `SparkConnectionError` whose message says `what` failed, followed by the original message, with the
 * original as `cause`.
 */
export function toSparkError(error: unknown, what: string): SparkError {
  if (SparkError.isInstance(error)) return error;
  const detail = error instanceof Error ? `: ${error.message}` : '';
  return new SparkConnectionError(`${what}${detail}`, { cause: error });
}

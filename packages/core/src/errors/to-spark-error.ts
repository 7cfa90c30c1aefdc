/**
 * The one conversion of an unknown failure into a `SparkError`.
 */
import { SparkConnectionError } from './error-classes';
import { SparkError } from './spark-error';

/**
 * The system error code behind a wrapped failure: `fetch` rejects with `TypeError: fetch failed` and
 * the network error (`ECONNREFUSED`, `ENOTFOUND`, a TLS code) as its `cause`. Only a code-shaped
 * string is taken: it is a constant name, never data from the request.
 */
function causeCode(error: Error): string | undefined {
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(code) ? code : undefined;
}

/**
 * `error` itself when it already is a `SparkError`; anything else becomes a retryable
 * `SparkConnectionError` whose message says `what` failed, followed by the original message (and the
 * network error's code when the original wraps one, as `fetch failed` does), with the original as
 * `cause`.
 */
export function toSparkError(error: unknown, what: string): SparkError {
  if (SparkError.isInstance(error)) return error;
  let detail = '';
  if (error instanceof Error) {
    const code = causeCode(error);
    detail = code === undefined ? `: ${error.message}` : `: ${error.message} (${code})`;
  }
  return new SparkConnectionError(`${what}${detail}`, { cause: error });
}

/**
 * The typed error for a refused WebSocket handshake (401, 403 with a clock skew, 404, 5xx…).
 */
import {
  SparkAuthError,
  SparkClockSkewError,
  SparkConfigError,
  SparkConnectionError,
  SparkRateLimitError,
  SparkServerError,
} from '../../errors/error-classes';
import { redactSecrets, secretsOfSignedUrl } from '../../errors/redact';
import type { SparkError } from '../../errors/spark-error';
import { retryAfterMs } from '../retry-after';

/** What a transport could see of a refused WebSocket handshake. Browsers see none of it. */
export interface HandshakeFailure {
  /** HTTP status of the refusal (401, 403, 404, 5xx…). */
  status?: number | undefined;
  /** Response body, usually `{"message":"…"}`. */
  body?: string | undefined;
  /** The response's `Date` header: the server's clock, used to correct clock skew. */
  serverDate?: string | undefined;
  /** The response's `Retry-After` header, sent with a 429. */
  retryAfter?: string | undefined;
  /** The underlying platform error or event. */
  cause?: unknown;
  /**
   * The signed URL that was dialled: the API key and signature it carries are removed from the body's
   * text, should the server quote them. Never shown itself.
   */
  url?: string | undefined;
}

function bodyMessage(body: string | undefined): string | undefined {
  if (!body) return undefined;
  try {
    const parsed = JSON.parse(body) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message;
  } catch {
    // Not JSON: fall through to the raw (truncated) body.
  }
  return body.slice(0, 200);
}

/**
 * Maps a refused handshake to the typed error: 401 → {@link SparkAuthError}, 403 →
 * {@link SparkClockSkewError} (the gateway's only 403 is the date check), 404 → {@link SparkConfigError}
 * (wrong path), 429 → {@link SparkRateLimitError} (as over HTTP), 5xx → retryable
 * {@link SparkServerError}, anything else or nothing known → {@link SparkConnectionError}.
 */
export function errorFromHandshake(failure: HandshakeFailure): SparkError {
  const { status, serverDate, cause } = failure;
  // The body is the server's text: scrubbed of credentials before it becomes part of a message.
  const body = bodyMessage(failure.body);
  const detail = body && redactSecrets(body, failure.url ? secretsOfSignedUrl(failure.url) : []);
  const said = detail ? `: ${detail}` : '';
  const options = { status, cause };

  if (status === 401) {
    return new SparkAuthError(
      `Spark refused the handshake (HTTP 401${said}). Check SPARK_API_KEY and SPARK_API_SECRET (not swapped), ` +
        'and that the URL was signed for the exact host and path being dialled.',
      options,
    );
  }
  if (status === 403) {
    return new SparkClockSkewError(
      `Spark refused the handshake (HTTP 403${said}). The signed date is more than 300 s from the server's clock: ` +
        'check the system clock.',
      { ...options, serverDate },
    );
  }
  if (status === 404) {
    return new SparkConfigError(
      `Spark has no endpoint at this path (HTTP 404${said}). Check the model URL.`,
      options,
    );
  }
  if (status === 429) {
    const delay = retryAfterMs(failure.retryAfter);
    return new SparkRateLimitError(`Spark is rate limiting this credential (HTTP 429${said}).`, {
      ...options,
      retryAfterMs: delay,
    });
  }
  if (status !== undefined && status >= 500) {
    return new SparkServerError(`Spark refused the handshake (HTTP ${status}${said}).`, options);
  }
  if (status !== undefined) {
    return new SparkConnectionError(`Spark refused the handshake (HTTP ${status}${said}).`, {
      ...options,
      retryable: false,
    });
  }
  return new SparkConnectionError(
    'The WebSocket handshake failed before any response was seen. Likely causes: a wrongly signed URL ' +
      '(key, secret, host or path), a system clock more than 300 s off, a disallowed origin, or no network.',
    options,
  );
}

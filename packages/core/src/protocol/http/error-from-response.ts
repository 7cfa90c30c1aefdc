/**
 * Maps a failed HTTP answer of Spark's OpenAI-compatible API (spec §6.5) to the typed error a
 * WebSocket exchange would give for the same cause: gateway refusals (`{"message"}`), OpenAI-style
 * bodies (`{"error":{…}}`), Spark business errors (`{"code", "message", "sid"}`, also with HTTP 200),
 * 429 with `Retry-After`, and 5xx.
 */
import {
  SparkAuthError,
  SparkConfigError,
  SparkConnectionError,
  SparkInvalidRequestError,
  SparkPermissionError,
  SparkRateLimitError,
  SparkServerError,
} from '../../errors/error-classes';
import type { SparkError } from '../../errors/spark-error';
import { retryAfterMs } from '../retry-after';
import { errorFromSparkCode } from '../websocket/from-spark-code';

/** What was received of a failed HTTP answer. */
export interface HttpFailure {
  status: number;
  /** The response body as text (it is read only up to a bounded size by the caller). */
  body: string;
  /** The `Retry-After` header, when sent (an HTTP-date is measured against `Date.now()`). */
  retryAfter?: string | null | undefined;
}

interface BodyFacts {
  message?: string | undefined;
  sparkCode?: number | undefined;
  sid?: string | undefined;
}

function readBody(body: string): BodyFacts {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body.trim() === '' ? {} : { message: body.slice(0, 200) };
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const record = parsed as Record<string, unknown>;
  const nested =
    typeof record.error === 'object' && record.error !== null
      ? (record.error as Record<string, unknown>)
      : undefined;
  const text = nested?.message ?? record.message ?? record.msg;
  const code = record.code ?? nested?.code;
  const sid = record.sid ?? record.Sid;
  return {
    message: typeof text === 'string' ? text.slice(0, 200) : undefined,
    sparkCode: typeof code === 'number' && code >= 10000 ? code : undefined,
    sid: typeof sid === 'string' && sid !== '' ? sid : undefined,
  };
}

/** Maps a failed (or HTTP 200 business-error) answer to its typed error. */
export function errorFromResponse(failure: HttpFailure): SparkError {
  const { status } = failure;
  const { message, sparkCode, sid } = readBody(failure.body);
  if (sparkCode !== undefined) return errorFromSparkCode(sparkCode, message ?? '', sid);

  const said = message ? `: ${message}` : '';
  const options = { status, sid };
  if (status === 401) {
    return new SparkAuthError(
      `Spark refused the credential (HTTP 401${said}). Check SPARK_API_PASSWORD, or SPARK_API_KEY and ` +
        'SPARK_API_SECRET (sent as key:secret), for this model.',
      options,
    );
  }
  if (status === 403) {
    return new SparkPermissionError(`Spark refused the request (HTTP 403${said}).`, options);
  }
  if (status === 404) {
    return new SparkConfigError(
      `Spark has no endpoint at this path (HTTP 404${said}). Check the model.`,
      options,
    );
  }
  if (status === 429) {
    const delay = retryAfterMs(failure.retryAfter);
    return new SparkRateLimitError(
      `Spark is rate limiting this credential (HTTP 429${said})` +
        (delay === undefined ? '.' : `; it asks to retry after ${Math.ceil(delay / 1000)} s.`),
      { ...options, retryAfterMs: delay },
    );
  }
  if (status >= 500) return new SparkServerError(`Spark failed to answer (HTTP ${status}${said}).`, options);
  if (status >= 400)
    return new SparkInvalidRequestError(`Spark rejected the request (HTTP ${status}${said}).`, options);
  return new SparkConnectionError(`Spark answered with an unexpected HTTP ${status}${said}.`, {
    ...options,
    retryable: false,
  });
}

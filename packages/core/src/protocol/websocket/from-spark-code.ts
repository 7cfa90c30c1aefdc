/**
 * The table of Spark's numeric `header.code` values (spec §5.1) and the typed error each one becomes.
 */
import {
  SparkContentFilterError,
  SparkContextLengthError,
  SparkInvalidRequestError,
  SparkPermissionError,
  SparkQuotaError,
  SparkRateLimitError,
  SparkServerError,
} from '../../errors/error-classes';
import type { SparkError, SparkErrorOptions } from '../../errors/spark-error';

// Each documented `header.code` (spec §5.1) as "<family><meaning>": the first character picks the error
// class and hint below, the rest is the meaning in English. One string per code keeps the table small.
const CODES: Readonly<Record<number, string>> = {
  10000: 'supgrading to WebSocket failed',
  10001: 'sreading the request failed',
  10002: 'ssending to the socket failed',
  10003: 'ithe request is not valid JSON or not a valid message',
  10004: 'ithe request does not match the schema',
  10005: 'ia request parameter has an invalid value',
  10006: 'rthis user is already connected elsewhere',
  10007: 'rthe service is still answering the previous question',
  10008: 'sthe service is out of capacity',
  10009: 'sconnecting to the engine failed',
  10010: 'sreceiving from the engine failed (engine busy)',
  10011: 'ssending to the engine failed',
  10012: 'binternal engine error',
  10013: 'fthe input was refused by content moderation',
  10014: 'othe output was stopped by content moderation',
  10015: 'pthe app id is blacklisted',
  10016: 'pthe app id is not authorized (feature not enabled, tokens or concurrency used up)',
  10017: 'nclearing the history failed',
  10019: 'fthe conversation tends towards content that violates the rules',
  10021: 'fthe input was refused by moderation',
  10110: 'sthe service is busy, try again later',
  10163: 'ithe engine rejected the parameters (schema check failed)',
  10222: 'sengine network error',
  10907: 'cthe input is longer than the model accepts (too many tokens)',
  11200: 'pthe app id has no authorization for this model or its tokens are used up',
  11201: 'qthe daily quota is exceeded',
  11202: 'rthe per-second rate limit is exceeded',
  11203: 'rthe concurrency limit is exceeded',
};

type ErrorClass = new (message: string, options: never) => SparkError;

// Family → [class, what the user can do]. `b` (10012, retryable only when busy), `n` (not retryable) and
// `u` (unknown code) are server errors too.
const FAMILIES: Readonly<Record<string, readonly [ErrorClass, string]>> = {
  i: [SparkInvalidRequestError, 'Check the request parameters against the model limits.'],
  f: [SparkContentFilterError, 'Rephrase the input.'],
  o: [SparkContentFilterError, 'Rephrase the input.'],
  c: [SparkContextLengthError, 'Shorten the conversation (or pass trimHistory: true).'],
  p: [SparkPermissionError, 'Enable the model for the app id in the iFlytek console, or check its tokens.'],
  q: [SparkQuotaError, 'The daily limit resets tomorrow; raise it in the iFlytek console.'],
  r: [SparkRateLimitError, 'Slow down or retry after a short delay.'],
  s: [SparkServerError, 'Usually transient: retrying helps.'],
  b: [SparkServerError, 'Usually transient: retrying helps.'],
  n: [SparkServerError, 'Usually transient: retrying helps.'],
  u: [SparkServerError, 'See the Spark error code table.'],
};

/** Human-readable meaning of a Spark `header.code`, or undefined for an unknown code. */
export function describeSparkCode(sparkCode: number): string | undefined {
  return CODES[sparkCode]?.slice(1);
}

/**
 * Maps an error frame (`header.code != 0`) to the typed error for its code, keeping code, message
 * and sid. Unknown codes become a {@link SparkServerError} that is not retryable.
 *
 * @param partialText - text streamed before the error, kept on output moderation errors
 */
export function errorFromSparkCode(
  sparkCode: number,
  serverMessage: string,
  sid?: string,
  partialText?: string,
): SparkError {
  const entry = CODES[sparkCode] ?? 'uunknown Spark error code';
  const family = entry[0]!;
  const [ErrorType, hint] = FAMILIES[family]!;
  const options: SparkErrorOptions & Record<string, unknown> = { sparkCode, sid };
  if (family === 'f' || family === 'o') {
    options.stage = family === 'f' ? 'input' : 'output';
    if (family === 'o') options.partialText = partialText;
  }
  // 10012 wraps both "system busy" (transient) and upstream 400/403 rejections (permanent).
  if (family === 'b') options.retryable = /busy|try again/i.test(serverMessage);
  if (family === 'n' || family === 'u') options.retryable = false;
  return new ErrorType(
    `Spark error ${sparkCode}: ${entry.slice(1)} (${serverMessage}). ${hint}`,
    options as never,
  );
}

import {
  SparkContentFilterError,
  SparkContextLengthError,
  SparkInvalidRequestError,
  SparkPermissionError,
  SparkQuotaError,
  SparkRateLimitError,
  SparkServerError,
} from './error-classes';
import type { SparkError } from './spark-error';

/** What each documented `header.code` means (spec §5.1), in English, for messages and UIs. */
const MEANINGS: Readonly<Record<number, string>> = {
  10000: 'upgrading to WebSocket failed',
  10001: 'reading the request from the socket failed',
  10002: 'sending to the socket failed',
  10003: 'the request is not valid JSON or not a valid message',
  10004: 'the request does not match the schema',
  10005: 'a request parameter has an invalid value',
  10006: 'this user is already connected elsewhere (concurrency)',
  10007: 'the service is still answering the previous question on this connection',
  10008: 'the service is out of capacity',
  10009: 'connecting to the engine failed',
  10010: 'receiving from the engine failed (engine busy)',
  10011: 'sending to the engine failed',
  10012: 'internal engine error',
  10013: 'the input was refused by content moderation',
  10014: 'the output was stopped by content moderation',
  10015: 'the app id is blacklisted',
  10016: 'the app id is not authorized (feature or version not enabled, tokens or concurrency exhausted)',
  10017: 'clearing the history failed',
  10019: 'the conversation tends towards content that violates the rules',
  10021: 'the input was refused by moderation',
  10110: 'the service is busy, try again later',
  10163: 'the engine rejected the parameters (schema check failed)',
  10222: 'engine network error',
  10907: 'the input is longer than the model accepts (too many tokens)',
  11200: 'the app id has no authorization for this model or the token allowance is used up',
  11201: 'the daily quota is exceeded',
  11202: 'the per-second rate limit is exceeded',
  11203: 'the concurrency limit is exceeded',
};

/** What the user can do about each family of codes. */
const HINTS: Readonly<Record<string, string>> = {
  invalid: 'Check the request parameters against the model limits.',
  permission: 'Enable this model for the app id in the iFlytek console, or check its token allowance.',
  quota: 'The daily limit resets tomorrow; raise it in the iFlytek console.',
  rate: 'Slow down or retry after a short delay.',
  filter: 'Rephrase the input.',
  context: 'Shorten the conversation (the SDK can trim it: trimHistory: true).',
  server: 'A transient Spark failure; retrying usually helps.',
};

/** Human-readable meaning of a Spark `header.code`, or undefined for an unknown code. */
export function describeSparkCode(sparkCode: number): string | undefined {
  return MEANINGS[sparkCode];
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
  const meaning = MEANINGS[sparkCode] ?? 'unknown Spark error code';
  const base = { sparkCode, sid };
  const text = (hint: string) => `Spark error ${sparkCode}: ${meaning} (${serverMessage}). ${hint}`;

  switch (sparkCode) {
    case 10003:
    case 10004:
    case 10005:
    case 10163:
      return new SparkInvalidRequestError(text(HINTS.invalid!), base);
    case 10013:
    case 10019:
    case 10021:
      return new SparkContentFilterError(text(HINTS.filter!), { ...base, stage: 'input' });
    case 10014:
      return new SparkContentFilterError(text(HINTS.filter!), { ...base, stage: 'output', partialText });
    case 10907:
      return new SparkContextLengthError(text(HINTS.context!), base);
    case 10015:
    case 10016:
    case 11200:
      return new SparkPermissionError(text(HINTS.permission!), base);
    case 11201:
      return new SparkQuotaError(text(HINTS.quota!), base);
    case 10006:
    case 10007:
    case 11202:
    case 11203:
      return new SparkRateLimitError(text(HINTS.rate!), base);
    case 10012:
      // 10012 wraps both "system busy" (transient) and upstream 400/403 rejections (permanent).
      return new SparkServerError(text(HINTS.server!), {
        ...base,
        retryable: /busy|try again/i.test(serverMessage),
      });
    case 10017:
      return new SparkServerError(text(HINTS.server!), { ...base, retryable: false });
    default:
      if (sparkCode >= 10000 && sparkCode < 10300 && MEANINGS[sparkCode] !== undefined) {
        return new SparkServerError(text(HINTS.server!), base);
      }
      return new SparkServerError(text('See the Spark error code table.'), { ...base, retryable: false });
  }
}

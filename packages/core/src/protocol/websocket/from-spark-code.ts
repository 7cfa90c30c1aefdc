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

/** How Spark's codes are grouped: each kind maps to one error class and one hint. */
type SparkCodeKind =
  | 'invalid-request'
  | 'input-filtered'
  | 'output-filtered'
  | 'context-length'
  | 'permission'
  | 'quota'
  | 'rate-limit'
  | 'server'
  | 'engine'
  | 'not-retryable';

/** One documented `header.code`. */
interface SparkCodeEntry {
  /** What the code means, in English. */
  meaning: string;
  kind: SparkCodeKind;
}

/** Each documented `header.code` (spec §5.1). */
const SPARK_CODES: Readonly<Record<number, SparkCodeEntry>> = {
  10000: { kind: 'server', meaning: 'upgrading to WebSocket failed' },
  10001: { kind: 'server', meaning: 'reading the request failed' },
  10002: { kind: 'server', meaning: 'sending to the socket failed' },
  10003: { kind: 'invalid-request', meaning: 'the request is not valid JSON or not a valid message' },
  10004: { kind: 'invalid-request', meaning: 'the request does not match the schema' },
  10005: { kind: 'invalid-request', meaning: 'a request parameter has an invalid value' },
  10006: { kind: 'rate-limit', meaning: 'this user is already connected elsewhere' },
  10007: { kind: 'rate-limit', meaning: 'the service is still answering the previous question' },
  10008: { kind: 'server', meaning: 'the service is out of capacity' },
  10009: { kind: 'server', meaning: 'connecting to the engine failed' },
  10010: { kind: 'server', meaning: 'receiving from the engine failed (engine busy)' },
  10011: { kind: 'server', meaning: 'sending to the engine failed' },
  10012: { kind: 'engine', meaning: 'internal engine error' },
  10013: { kind: 'input-filtered', meaning: 'the input was refused by content moderation' },
  10014: { kind: 'output-filtered', meaning: 'the output was stopped by content moderation' },
  10015: { kind: 'permission', meaning: 'the app id is blacklisted' },
  10016: {
    kind: 'permission',
    meaning: 'the app id is not authorized (feature not enabled, tokens or concurrency used up)',
  },
  10017: { kind: 'not-retryable', meaning: 'clearing the history failed' },
  10019: {
    kind: 'input-filtered',
    meaning: 'the conversation tends towards content that violates the rules',
  },
  10021: { kind: 'input-filtered', meaning: 'the input was refused by moderation' },
  10110: { kind: 'server', meaning: 'the service is busy, try again later' },
  10163: { kind: 'invalid-request', meaning: 'the engine rejected the parameters (schema check failed)' },
  10222: { kind: 'server', meaning: 'engine network error' },
  10907: { kind: 'context-length', meaning: 'the input is longer than the model accepts (too many tokens)' },
  11200: {
    kind: 'permission',
    meaning: 'the app id has no authorization for this model or its tokens are used up',
  },
  11201: { kind: 'quota', meaning: 'the daily quota is exceeded' },
  11202: { kind: 'rate-limit', meaning: 'the per-second rate limit is exceeded' },
  11203: { kind: 'rate-limit', meaning: 'the concurrency limit is exceeded' },
};

type ErrorClass = new (message: string, options: never) => SparkError;

/** What each kind of code becomes. */
interface SparkCodeKindEntry {
  errorClass: ErrorClass;
  /** What the user can do, appended to the message. */
  hint: string;
  /** Whether a retry may help, when it differs from the class default. */
  retryable?: boolean | 'when busy';
  /** For content moderation: which side was refused. */
  stage?: 'input' | 'output';
}

const RETRY_HELPS = 'Usually transient: retrying helps.';

const KINDS: Readonly<Record<SparkCodeKind, SparkCodeKindEntry>> = {
  'invalid-request': {
    errorClass: SparkInvalidRequestError,
    hint: 'Check the request parameters against the model limits.',
  },
  'input-filtered': { errorClass: SparkContentFilterError, hint: 'Rephrase the input.', stage: 'input' },
  'output-filtered': { errorClass: SparkContentFilterError, hint: 'Rephrase the input.', stage: 'output' },
  'context-length': {
    errorClass: SparkContextLengthError,
    hint: 'Shorten the conversation (or pass trimHistory: true).',
  },
  permission: {
    errorClass: SparkPermissionError,
    hint: 'Enable the model for the app id in the iFlytek console, or check its tokens.',
  },
  quota: {
    errorClass: SparkQuotaError,
    hint: 'The daily limit resets tomorrow; raise it in the iFlytek console.',
  },
  'rate-limit': { errorClass: SparkRateLimitError, hint: 'Slow down or retry after a short delay.' },
  server: { errorClass: SparkServerError, hint: RETRY_HELPS },
  // 10012 wraps both "system busy" (transient) and upstream 400/403 rejections (permanent).
  engine: { errorClass: SparkServerError, hint: RETRY_HELPS, retryable: 'when busy' },
  'not-retryable': { errorClass: SparkServerError, hint: RETRY_HELPS, retryable: false },
};

const UNKNOWN_CODE: SparkCodeEntry = { kind: 'server', meaning: 'unknown Spark error code' };

/** Human-readable meaning of a Spark `header.code`, or undefined for an unknown code. */
export function describeSparkCode(sparkCode: number): string | undefined {
  return SPARK_CODES[sparkCode]?.meaning;
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
  const known = SPARK_CODES[sparkCode];
  const entry = known ?? UNKNOWN_CODE;
  const kind = KINDS[entry.kind];
  const options: SparkErrorOptions & Record<string, unknown> = { sparkCode, sid };
  if (kind.stage) options.stage = kind.stage;
  if (kind.stage === 'output') options.partialText = partialText;
  if (kind.retryable === 'when busy') options.retryable = /busy|try again/i.test(serverMessage);
  else if (kind.retryable !== undefined) options.retryable = kind.retryable;
  // An unknown code is not retried: nothing says a retry would help.
  if (!known) options.retryable = false;
  const hint = known ? kind.hint : 'See the Spark error code table.';
  return new kind.errorClass(
    `Spark error ${sparkCode}: ${entry.meaning} (${serverMessage}). ${hint}`,
    options as never,
  );
}

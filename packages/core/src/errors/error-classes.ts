/**
 * One error class per kind of failure, each with its `code` and whether a retry may help.
 */
import { ERROR_NAME, SparkError, type SparkErrorOptions } from './spark-error';

/** Bad client configuration: missing credentials, invalid URL, unknown model. Never retryable. */
export class SparkConfigError extends SparkError {
  static override readonly [ERROR_NAME] = 'SparkConfigError';
  constructor(message: string, options?: SparkErrorOptions) {
    super('config_error', message, false, options);
  }
}

/** The request was rejected before any network I/O (or by Spark as 10003/10004/10005/10163). */
export class SparkInvalidRequestError extends SparkError {
  static override readonly [ERROR_NAME] = 'SparkInvalidRequestError';
  /** The request field at fault, e.g. `temperature` or `messages[2].role`, when known. */
  readonly field: string | undefined;
  constructor(message: string, options?: SparkErrorOptions & { field?: string | undefined }) {
    super('invalid_request', message, false, options);
    this.field = options?.field;
  }
}

/** The handshake was refused with HTTP 401: wrong key, wrong secret, or a wrongly signed URL. */
export class SparkAuthError extends SparkError {
  static override readonly [ERROR_NAME] = 'SparkAuthError';
  constructor(message: string, options?: SparkErrorOptions) {
    super('auth_error', message, false, options);
  }
}

/**
 * The handshake was refused with HTTP 403 because the signed date is more than 300 s away from the
 * server's clock. Retryable once after re-signing with the offset learned from the server's Date.
 */
export class SparkClockSkewError extends SparkError {
  static override readonly [ERROR_NAME] = 'SparkClockSkewError';
  /** The server's `Date` response header, when the platform exposes it. */
  readonly serverDate: string | undefined;
  constructor(message: string, options?: SparkErrorOptions & { serverDate?: string | undefined }) {
    super('clock_skew', message, true, options);
    this.serverDate = options?.serverDate;
  }
}

/** The app id is blocked or not entitled to this model or feature (10015, 10016, 11200). */
export class SparkPermissionError extends SparkError {
  static override readonly [ERROR_NAME] = 'SparkPermissionError';
  constructor(message: string, options?: SparkErrorOptions) {
    super('permission_denied', message, false, options);
  }
}

/** The daily quota is used up (11201). */
export class SparkQuotaError extends SparkError {
  static override readonly [ERROR_NAME] = 'SparkQuotaError';
  constructor(message: string, options?: SparkErrorOptions) {
    super('quota_exceeded', message, false, options);
  }
}

/** Too many requests or connections right now (10006, 10007, 11202, 11203). Retry after a delay. */
export class SparkRateLimitError extends SparkError {
  static override readonly [ERROR_NAME] = 'SparkRateLimitError';
  /** How long the server asked to wait (HTTP `Retry-After`), when it said. */
  readonly retryAfterMs?: number | undefined;
  constructor(message: string, options?: SparkErrorOptions & { retryAfterMs?: number | undefined }) {
    super('rate_limited', message, true, options);
    this.retryAfterMs = options?.retryAfterMs;
  }
}

/** Where moderation stopped the exchange: the user's input, or the model's output. */
export type ContentFilterStage = 'input' | 'output';

/** Moderation refused the input (10013, 10019, 10021) or stopped the output (10014). */
export class SparkContentFilterError extends SparkError {
  static override readonly [ERROR_NAME] = 'SparkContentFilterError';
  /** Whether the input or the output was refused. */
  readonly stage: ContentFilterStage;
  /** Text already streamed before an output refusal; never shown by the SDK itself. */
  readonly partialText: string | undefined;
  constructor(
    message: string,
    options: SparkErrorOptions & { stage: ContentFilterStage; partialText?: string | undefined },
  ) {
    super('content_filter', message, false, options);
    this.stage = options.stage;
    this.partialText = options.partialText;
  }
}

/** The conversation is longer than the model accepts (10907). Trim the history. */
export class SparkContextLengthError extends SparkError {
  static override readonly [ERROR_NAME] = 'SparkContextLengthError';
  constructor(message: string, options?: SparkErrorOptions) {
    super('context_length_exceeded', message, false, options);
  }
}

/** Spark failed on its side (10000-range engine and gateway errors, handshake 5xx). Usually transient. */
export class SparkServerError extends SparkError {
  static override readonly [ERROR_NAME] = 'SparkServerError';
  constructor(message: string, options?: SparkErrorOptions) {
    super('server_error', message, true, options);
  }
}

/** The socket could not be opened, failed, or closed before the final frame (a truncated answer). */
export class SparkConnectionError extends SparkError {
  static override readonly [ERROR_NAME] = 'SparkConnectionError';
  constructor(message: string, options?: SparkErrorOptions) {
    super('connection_error', message, true, options);
  }
}

/** Which deadline expired. */
export type TimeoutPhase = 'connect' | 'first-token' | 'idle' | 'total';

/** A deadline expired; the socket has been closed. */
export class SparkTimeoutError extends SparkError {
  static override readonly [ERROR_NAME] = 'SparkTimeoutError';
  /** Which deadline expired. */
  readonly phase: TimeoutPhase;
  /** The deadline in milliseconds. */
  readonly timeoutMs: number;
  constructor(message: string, options: SparkErrorOptions & { phase: TimeoutPhase; timeoutMs: number }) {
    super('timeout', message, options.phase !== 'total', options);
    this.phase = options.phase;
    this.timeoutMs = options.timeoutMs;
  }
}

/** The caller aborted (AbortSignal or `stream.abort()`). Named `AbortError` like the platform's. */
export class SparkAbortError extends SparkError {
  static override readonly [ERROR_NAME] = 'SparkAbortError';
  constructor(message = 'The request was aborted.', options?: SparkErrorOptions) {
    super('aborted', message, false, options);
    this.name = 'AbortError';
  }
}

/** A frame did not follow the protocol: not JSON, no header, wrong types. */
export class SparkProtocolError extends SparkError {
  static override readonly [ERROR_NAME] = 'SparkProtocolError';
  constructor(message: string, options?: SparkErrorOptions) {
    super('protocol_error', message, false, options);
  }
}

/**
 * `SparkError`, the base of every error the SDK throws: a stable `code`, `retryable`, redacted text.
 */
import { redactSecrets } from './redact';

const SPARK_ERROR_MARKER = Symbol.for('xinghuo.SparkError');

/**
 * Static key under which each SDK error class states its own name. Minifiers rename classes, so
 * `new.target.name` is a single letter in a production bundle; this string survives.
 */
export const ERROR_NAME: unique symbol = /* @__PURE__ */ Symbol('xinghuo.errorName');

/** Stable string codes, one per error class. Safe to switch on; never localized. */
export type SparkErrorCode =
  | 'config_error'
  | 'invalid_request'
  | 'auth_error'
  | 'clock_skew'
  | 'permission_denied'
  | 'quota_exceeded'
  | 'rate_limited'
  | 'content_filter'
  | 'context_length_exceeded'
  | 'server_error'
  | 'connection_error'
  | 'timeout'
  | 'aborted'
  | 'protocol_error';

/** Options shared by every {@link SparkError}. */
export interface SparkErrorOptions {
  /** Spark's numeric `header.code` (e.g. 10013), when the error came from an error frame. */
  sparkCode?: number | undefined;
  /** Session id from the frame header; iFlytek support asks for it. */
  sid?: string | undefined;
  /** HTTP status of a refused WebSocket handshake. */
  status?: number | undefined;
  /** Overrides the class default for whether a retry may succeed. */
  retryable?: boolean | undefined;
  /** The underlying error. Its message is not copied into this error's message. */
  cause?: unknown;
}

/**
 * Base class of every error the SDK throws.
 *
 * Every instance has a stable string {@link SparkError.code}, a {@link SparkError.retryable} flag and,
 * where known, Spark's numeric code and the session id. Messages are scrubbed of signed-URL
 * authorization values, so they are safe to log.
 *
 * @example
 * ```ts
 * try {
 *   await client.chat({ model: 'lite', messages });
 * } catch (error) {
 *   if (SparkError.isInstance(error) && error.retryable) scheduleRetry();
 *   else throw error;
 * }
 * ```
 */
export class SparkError extends Error {
  /** Stable machine-readable code of this error class. */
  readonly code: SparkErrorCode;
  /** Whether the same request may succeed if sent again later. */
  readonly retryable: boolean;
  /** Spark's numeric `header.code`, when the error came from an error frame. */
  readonly sparkCode: number | undefined;
  /** Spark session id, when known. */
  readonly sid: string | undefined;
  /** HTTP status of a refused handshake, when known. */
  readonly status: number | undefined;
  /**
   * On the error a request finally fails with: the errors of every attempt, oldest first, this one
   * last (so its length is the number of attempts). Shows why each retry failed. Not set on errors
   * thrown before any attempt (invalid requests) or by an abort.
   */
  declare readonly attemptErrors?: readonly SparkError[];

  // Read by isInstance() through the global symbol registry, so copies of this package recognise each other.
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read via the Symbol.for marker in isInstance()
  private readonly [SPARK_ERROR_MARKER] = true;

  /** This class's name, kept through minification; subclasses outside the SDK use their own. */
  static readonly [ERROR_NAME]: string = 'SparkError';

  constructor(
    code: SparkErrorCode,
    message: string,
    retryableByDefault: boolean,
    options: SparkErrorOptions = {},
  ) {
    super(redactSecrets(message), options.cause === undefined ? undefined : { cause: options.cause });
    const type = new.target as typeof SparkError;
    this.name = Object.hasOwn(type, ERROR_NAME) ? type[ERROR_NAME] : type.name;
    this.code = code;
    this.retryable = options.retryable ?? retryableByDefault;
    this.sparkCode = options.sparkCode;
    this.sid = options.sid;
    this.status = options.status;
  }

  /**
   * True for any SparkError, including one created by another copy of this package (for example
   * the ESM and the CJS build loaded side by side), where `instanceof` would fail.
   */
  static isInstance(value: unknown): value is SparkError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[SPARK_ERROR_MARKER] === true
    );
  }

  override toString(): string {
    const details = [
      this.sparkCode === undefined ? undefined : `sparkCode=${this.sparkCode}`,
      this.status === undefined ? undefined : `status=${this.status}`,
      this.sid === undefined ? undefined : `sid=${this.sid}`,
    ].filter(Boolean);
    return `${this.name} [${this.code}]: ${this.message}${details.length ? ` (${details.join(', ')})` : ''}`;
  }

  /** A plain object for structured logs; contains nothing secret. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      sparkCode: this.sparkCode,
      sid: this.sid,
      status: this.status,
    };
  }
}

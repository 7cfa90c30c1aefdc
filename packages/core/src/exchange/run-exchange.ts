/**
 * One exchange: attempts, retries with backoff, clock-skew correction.
 */

import { SparkConnectionError, SparkError } from '../errors';
import type { ChatResult, SparkLogger, SparkStreamEvent } from '../types';
import { abortError, sleep } from './abort';
import { type AnswerContext, isContentEvent } from './answer-accumulator';
import { recordAttemptErrors, type SparkRetryInfo } from './attempt-history';
import type { SparkTimeouts } from './deadlines';
import type { AbortLike } from './exchange-signal';
import type { OpenFrameConnection } from './frame-connection';
import { backoffDelay, type RetryDelay } from './retry-policy';
import { type AttemptOwner, runAttempt } from './run-attempt';

/** What the client learned about the server's clock; shared by the exchanges of one client. */
export interface ClockState {
  /** Milliseconds to add to the local clock to get the server's. */
  offsetMs: number;
}

/**
 * What every exchange of one client shares: deadlines, retry policy, clock, logger. Made once per
 * client; a request adds only its {@link ExchangeRequest}.
 */
export interface ExchangeSettings {
  timeouts: SparkTimeouts;
  maxRetries: number;
  retryDelay: RetryDelay;
  clock: ClockState;
  now: () => number;
  logger?: SparkLogger | undefined;
  onRetry?: ((retry: SparkRetryInfo) => void) | undefined;
}

/** What one request adds to its client's {@link ExchangeSettings}. */
export interface ExchangeRequest {
  /**
   * Opens each attempt's connection through the request's protocol. The exchange lets go of it (and
   * of the request text it holds) once content arrived and no retry can come.
   */
  open: OpenFrameConnection;
  /** What the result needs to know about the request. */
  answer: AnswerContext;
}

/**
 * Learns the server's clock from a 403 date rejection. Returns true when an offset was learned.
 * Checked by `code`, not `instanceof`, so an error built by another copy of the package still counts.
 */
function learnClockOffset(error: SparkError, plan: ExchangeSettings): boolean {
  const serverDate = (error as { serverDate?: unknown }).serverDate;
  if (typeof serverDate !== 'string') return false;
  const serverTime = Date.parse(serverDate);
  if (Number.isNaN(serverTime)) return false;
  plan.clock.offsetMs = serverTime - plan.now();
  return true;
}

/** Calls the `onRetry` option; a throw from it must not change the exchange, so it is only logged. */
function notifyRetry(plan: ExchangeSettings, retry: SparkRetryInfo): void {
  try {
    plan.onRetry?.(retry);
  } catch (error) {
    plan.logger?.warn?.('xinghuo: onRetry threw; the retry goes ahead', {
      error: error instanceof Error ? error.message : typeof error,
    });
  }
}

/**
 * Runs attempts until one succeeds, the error is not retryable, content was already delivered (a
 * retry would repeat it), or the retries are used up.
 *
 * Clock skew: the first 403 date rejection with a server `Date` teaches the client the offset, and the
 * request is retried at once with a corrected date; that retry does not count toward `maxRetries`.
 * Without a server date a skew rejection is retried at most once, as an ordinary retry. With
 * `maxRetries: 0` nothing is retried, but the offset is still learned for the next request.
 */
export function runExchange(
  settings: ExchangeSettings,
  request: ExchangeRequest,
  emit: (event: SparkStreamEvent) => void,
  signal: AbortLike,
): Promise<ChatResult> {
  return new Promise((resolve, reject) => {
    new Exchange(settings, request, emit, signal, resolve, reject).attempt();
  });
}

/**
 * The state of one exchange, and the owner its attempts report to. A class rather than an async
 * function with closures: it lives as long as the answer streams, and one object holds less than a
 * suspended frame with every local in it (measured per open stream with heap snapshots).
 */
class Exchange implements AttemptOwner {
  readonly #settings: ExchangeSettings;
  readonly #answer: AnswerContext;
  readonly #emit: (event: SparkStreamEvent) => void;
  readonly #signal: AbortLike;
  readonly #resolve: (result: ChatResult) => void;
  readonly #reject: (error: unknown) => void;
  // Only a retry needs it (with the request text it holds): dropped as soon as model output reached
  // the reader, after which a retry would repeat it. So "content delivered" is "no opener left".
  #open: OpenFrameConnection | undefined;
  #retriesUsed = 0;
  #clockSkewRetried = false;
  // Every failed attempt's error, kept on the final one (`error.attemptErrors`); made on the first
  // failure. The attempt under way is always the one after the failures.
  #failures: SparkError[] | undefined;

  constructor(
    settings: ExchangeSettings,
    request: ExchangeRequest,
    emit: (event: SparkStreamEvent) => void,
    signal: AbortLike,
    resolve: (result: ChatResult) => void,
    reject: (error: unknown) => void,
  ) {
    this.#settings = settings;
    this.#answer = request.answer;
    this.#open = request.open;
    this.#emit = emit;
    this.#signal = signal;
    this.#resolve = resolve;
    this.#reject = reject;
  }

  get #attempt(): number {
    return (this.#failures?.length ?? 0) + 1;
  }

  get #contentDelivered(): boolean {
    return this.#open === undefined;
  }

  /** Starts the next attempt. Never after content was delivered (`failed` gives up then). */
  attempt(): void {
    const settings = this.#settings;
    try {
      const date = new Date(settings.now() + settings.clock.offsetMs);
      const open = this.#open as OpenFrameConnection;
      runAttempt(
        { attempt: this.#attempt, date, open, timeouts: settings.timeouts, answer: this.#answer },
        this,
        this.#signal,
      );
    } catch (error) {
      // A throwing `now` option, say: the attempt fails, it does not escape into a frame handler.
      this.failed(error);
    }
  }

  emit(event: SparkStreamEvent): void {
    if (!this.#contentDelivered && isContentEvent(event)) this.#open = undefined;
    this.#emit(event);
  }

  succeeded(result: ChatResult): void {
    result.attempts = this.#attempt;
    this.#resolve(result);
  }

  failed(caught: unknown): void {
    const signal = this.#signal;
    if (signal.aborted) {
      this.#reject(abortError(signal));
      return;
    }
    const settings = this.#settings;
    const error = SparkError.isInstance(caught)
      ? caught
      : new SparkConnectionError('The exchange failed unexpectedly.', { cause: caught, retryable: false });
    const attempt = this.#attempt;
    this.#failures ??= [];
    this.#failures.push(error);
    const skew = error.code === 'clock_skew';
    // Learned even when not retried, so the next request signs with the corrected date.
    const corrected = skew && learnClockOffset(error, settings);
    if (this.#contentDelivered || (skew && (this.#clockSkewRetried || settings.maxRetries === 0))) {
      this.#giveUp(error, this.#failures);
      return;
    }
    this.#clockSkewRetried ||= skew;
    let delayMs = 0;
    // A corrected clock retries at once without counting; anything else is an ordinary retry.
    if (!corrected) {
      if (!error.retryable || this.#retriesUsed >= settings.maxRetries) {
        this.#giveUp(error, this.#failures);
        return;
      }
      // A server that said when to come back (HTTP 429 Retry-After) is waited for at least that long.
      const asked = (error as { retryAfterMs?: unknown }).retryAfterMs;
      delayMs = Math.max(
        backoffDelay(this.#retriesUsed++, settings.retryDelay),
        typeof asked === 'number' ? asked : 0,
      );
    }
    settings.logger?.info?.('xinghuo: retrying', {
      attempt,
      nextAttempt: attempt + 1,
      reason: corrected ? 'clock skew corrected' : error.code,
      delayMs,
      error: error.toJSON(),
    });
    notifyRetry(settings, { attempt, error, delayMs });
    if (delayMs === 0) this.attempt();
    else sleep(delayMs, signal).then(() => this.attempt(), this.#reject);
  }

  #giveUp(error: SparkError, failures: SparkError[]): void {
    this.#settings.logger?.error?.('xinghuo: the request failed', {
      attempts: failures.length,
      error: error.toJSON(),
    });
    this.#reject(recordAttemptErrors(error, failures));
  }
}

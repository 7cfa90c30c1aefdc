/**
 * One exchange: attempts, retries with backoff, clock-skew correction.
 */

import { SparkConnectionError, SparkError } from '../errors';
import type { ChatResult, SparkLogger, SparkStreamEvent } from '../types';
import { abortError, sleep } from './abort';
import { isContentEvent } from './answer-accumulator';
import { recordAttemptErrors, type SparkRetryInfo } from './attempt-history';
import type { AbortLike } from './exchange-signal';
import type { OpenFrameConnection } from './frame-connection';
import { backoffDelay, type RetryDelay } from './retry-policy';
import { type AttemptOwner, type AttemptPlan, runAttempt } from './run-attempt';

/** What the client learned about the server's clock; shared by the exchanges of one client. */
export interface ClockState {
  /** Milliseconds to add to the local clock to get the server's. */
  offsetMs: number;
}

/**
 * The settings of one exchange. The protocol's `open` comes separately: the exchange lets go of it
 * (and of the request text it holds) once content arrived and no retry can come.
 */
export interface ExchangePlan extends Omit<AttemptPlan, 'attempt' | 'date' | 'open'> {
  maxRetries: number;
  retryDelay: RetryDelay;
  clock: ClockState;
  now: () => number;
  logger?: SparkLogger | undefined;
  onRetry?: ((retry: SparkRetryInfo) => void) | undefined;
}

/**
 * Learns the server's clock from a 403 date rejection. Returns true when an offset was learned.
 * Checked by `code`, not `instanceof`, so an error built by another copy of the package still counts.
 */
function learnClockOffset(error: SparkError, plan: ExchangePlan): boolean {
  const serverDate = (error as { serverDate?: unknown }).serverDate;
  if (typeof serverDate !== 'string') return false;
  const serverTime = Date.parse(serverDate);
  if (Number.isNaN(serverTime)) return false;
  plan.clock.offsetMs = serverTime - plan.now();
  return true;
}

/** Calls the `onRetry` option; a throw from it must not change the exchange, so it is only logged. */
function notifyRetry(plan: ExchangePlan, retry: SparkRetryInfo): void {
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
  plan: ExchangePlan,
  open: OpenFrameConnection,
  emit: (event: SparkStreamEvent) => void,
  signal: AbortLike,
): Promise<ChatResult> {
  return new Promise((resolve, reject) => {
    new Exchange(plan, open, emit, signal, resolve, reject).attempt();
  });
}

/**
 * The state of one exchange, and the owner its attempts report to. A class rather than an async
 * function with closures: it lives as long as the answer streams, and one object holds less than a
 * suspended frame with every local in it (measured per open stream with heap snapshots).
 */
class Exchange implements AttemptOwner {
  readonly #plan: ExchangePlan;
  readonly #emit: (event: SparkStreamEvent) => void;
  readonly #signal: AbortLike;
  readonly #resolve: (result: ChatResult) => void;
  readonly #reject: (error: unknown) => void;
  // Only a retry needs it (with the request text it holds): dropped once content was delivered.
  #open: OpenFrameConnection | undefined;
  #attempts = 0;
  #retriesUsed = 0;
  #clockSkewRetried = false;
  // Tracked as events pass: once model output reached the reader, a retry would repeat it.
  #contentDelivered = false;
  // Every failed attempt's error, kept on the final one (`error.attemptErrors`).
  readonly #failures: SparkError[] = [];

  constructor(
    plan: ExchangePlan,
    open: OpenFrameConnection,
    emit: (event: SparkStreamEvent) => void,
    signal: AbortLike,
    resolve: (result: ChatResult) => void,
    reject: (error: unknown) => void,
  ) {
    this.#plan = plan;
    this.#open = open;
    this.#emit = emit;
    this.#signal = signal;
    this.#resolve = resolve;
    this.#reject = reject;
  }

  /** Starts the next attempt. Never after content was delivered (`failed` gives up then). */
  attempt(): void {
    const plan = this.#plan;
    this.#attempts += 1;
    try {
      const date = new Date(plan.now() + plan.clock.offsetMs);
      const open = this.#open as OpenFrameConnection;
      runAttempt(
        { attempt: this.#attempts, date, open, timeouts: plan.timeouts, answer: plan.answer },
        this,
        this.#signal,
      );
    } catch (error) {
      // A throwing `now` option, say: the attempt fails, it does not escape into a frame handler.
      this.failed(error);
    }
  }

  emit(event: SparkStreamEvent): void {
    if (!this.#contentDelivered && isContentEvent(event)) {
      this.#contentDelivered = true;
      this.#open = undefined;
    }
    this.#emit(event);
  }

  succeeded(result: ChatResult): void {
    result.attempts = this.#attempts;
    this.#resolve(result);
  }

  failed(caught: unknown): void {
    const signal = this.#signal;
    if (signal.aborted) {
      this.#reject(abortError(signal));
      return;
    }
    const plan = this.#plan;
    const error = SparkError.isInstance(caught)
      ? caught
      : new SparkConnectionError('The exchange failed unexpectedly.', { cause: caught, retryable: false });
    this.#failures.push(error);
    const skew = error.code === 'clock_skew';
    // Learned even when not retried, so the next request signs with the corrected date.
    const corrected = skew && learnClockOffset(error, plan);
    if (this.#contentDelivered || (skew && (this.#clockSkewRetried || plan.maxRetries === 0))) {
      this.#giveUp(error);
      return;
    }
    this.#clockSkewRetried ||= skew;
    let delayMs = 0;
    // A corrected clock retries at once without counting; anything else is an ordinary retry.
    if (!corrected) {
      if (!error.retryable || this.#retriesUsed >= plan.maxRetries) {
        this.#giveUp(error);
        return;
      }
      // A server that said when to come back (HTTP 429 Retry-After) is waited for at least that long.
      const asked = (error as { retryAfterMs?: unknown }).retryAfterMs;
      delayMs = Math.max(
        backoffDelay(this.#retriesUsed++, plan.retryDelay),
        typeof asked === 'number' ? asked : 0,
      );
    }
    const attempt = this.#attempts;
    plan.logger?.info?.('xinghuo: retrying', {
      attempt,
      nextAttempt: attempt + 1,
      reason: corrected ? 'clock skew corrected' : error.code,
      delayMs,
      error: error.toJSON(),
    });
    notifyRetry(plan, { attempt, error, delayMs });
    if (delayMs === 0) this.attempt();
    else sleep(delayMs, signal).then(() => this.attempt(), this.#reject);
  }

  #giveUp(error: SparkError): void {
    this.#plan.logger?.error?.('xinghuo: the request failed', {
      attempts: this.#failures.length,
      error: error.toJSON(),
    });
    this.#reject(recordAttemptErrors(error, this.#failures));
  }
}

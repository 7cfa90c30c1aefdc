/**
 * One exchange: attempts, retries with backoff, clock-skew correction.
 */

import { SparkConnectionError, SparkError } from '../errors';
import type { ChatResult, SparkLogger, SparkStreamEvent } from '../types';
import { abortError, sleep } from './abort';
import { isContentEvent } from './answer-accumulator';
import { recordAttemptErrors, type SparkRetryInfo } from './attempt-history';
import type { AbortLike } from './exchange-signal';
import { backoffDelay, type RetryDelay } from './retry-policy';
import { type AttemptPlan, runAttempt } from './run-attempt';

/** What the client learned about the server's clock; shared by the exchanges of one client. */
export interface ClockState {
  /** Milliseconds to add to the local clock to get the server's. */
  offsetMs: number;
}

/** Everything one exchange needs. */
export interface ExchangePlan extends Omit<AttemptPlan, 'attempt' | 'date'> {
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
export async function runExchange(
  plan: ExchangePlan,
  emit: (event: SparkStreamEvent) => void,
  signal: AbortLike,
): Promise<ChatResult> {
  // Tracked as events pass: once model output reached the reader, a retry would repeat it.
  let contentDelivered = false;
  const emitTracked = (event: SparkStreamEvent) => {
    if (!contentDelivered && isContentEvent(event)) contentDelivered = true;
    emit(event);
  };
  let retriesUsed = 0;
  let clockSkewRetried = false;
  // Every failed attempt's error, kept on the final one (`error.attemptErrors`).
  const failures: SparkError[] = [];
  const giveUp = (error: SparkError): SparkError => {
    plan.logger?.error?.('xinghuo: the request failed', { attempts: failures.length, error: error.toJSON() });
    return recordAttemptErrors(error, failures);
  };

  for (let attempt = 1; ; attempt += 1) {
    try {
      const date = new Date(plan.now() + plan.clock.offsetMs);
      const attemptPlan = { attempt, date, open: plan.open, timeouts: plan.timeouts, answer: plan.answer };
      const result = await runAttempt(attemptPlan, emitTracked, signal);
      result.attempts = attempt;
      return result;
    } catch (caught) {
      if (signal.aborted) throw abortError(signal);
      const error = SparkError.isInstance(caught)
        ? caught
        : new SparkConnectionError('The exchange failed unexpectedly.', { cause: caught, retryable: false });
      failures.push(error);
      const skew = error.code === 'clock_skew';
      // Learned even when not retried, so the next request signs with the corrected date.
      const corrected = skew && learnClockOffset(error, plan);
      if (skew && (clockSkewRetried || plan.maxRetries === 0)) throw giveUp(error);
      clockSkewRetried ||= skew;
      let delayMs = 0;
      // A corrected clock retries at once without counting; anything else is an ordinary retry.
      if (!corrected) {
        if (!error.retryable || contentDelivered || retriesUsed >= plan.maxRetries) {
          throw giveUp(error);
        }
        // A server that said when to come back (HTTP 429 Retry-After) is waited for at least that long.
        const asked = (error as { retryAfterMs?: unknown }).retryAfterMs;
        delayMs = Math.max(
          backoffDelay(retriesUsed++, plan.retryDelay),
          typeof asked === 'number' ? asked : 0,
        );
      }
      plan.logger?.info?.('xinghuo: retrying', {
        attempt,
        nextAttempt: attempt + 1,
        reason: corrected ? 'clock skew corrected' : error.code,
        delayMs,
        error: error.toJSON(),
      });
      notifyRetry(plan, { attempt, error, delayMs });
      if (delayMs > 0) await sleep(delayMs, signal);
    }
  }
}

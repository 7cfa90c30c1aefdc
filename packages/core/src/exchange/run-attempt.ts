/**
 * One attempt of an exchange: open the protocol's connection within the connect deadline, then read
 * frames until the final one.
 */

import type { ChatResult, SparkStreamEvent } from '../types';
import { abortError, onAbort } from './abort';
import type { AttemptPlan } from './attempt-plan';
import { isDisabled, timeoutError } from './deadlines';
import type { AbortLike } from './exchange-signal';
import type { FrameConnection } from './frame-connection';
import { readAnswer } from './read-answer';

export type { AttemptPlan } from './attempt-plan';

/**
 * Opens the connection (signing included) within `connectMs` and hands it to `connected`, or the
 * failure to `failed`; exactly one of them is called. The protocol gets an attempt signal (a real
 * `AbortSignal`: the `signUrl` provider and the transport receive it) that aborts with the exchange or
 * when the deadline expires. A socket that opens after the attempt stopped waiting (timeout, abort) is
 * closed as soon as it appears. Callbacks rather than a promise of its own: one timer and one listener
 * per attempt, and the attempt's single promise is the one {@link runAttempt} returns.
 */
function connect(
  plan: AttemptPlan,
  signal: AbortLike,
  connected: (connection: FrameConnection) => void,
  failed: (error: unknown) => void,
): void {
  if (signal.aborted) {
    failed(abortError(signal));
    return;
  }
  const attemptController = new AbortController();
  let settled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fail = (error: unknown) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    stopListening();
    attemptController.abort(error);
    failed(error);
  };
  const stopListening = onAbort(signal, () => fail(abortError(signal)));
  const connectMs = plan.timeouts.connectMs;
  if (!isDisabled(connectMs)) timer = setTimeout(() => fail(timeoutError('connect', connectMs)), connectMs);
  plan
    .open({ attempt: plan.attempt, date: plan.date, signal: attemptController.signal })
    .then((connection) => {
      if (settled) {
        connection.close();
        return;
      }
      settled = true;
      clearTimeout(timer);
      stopListening();
      connected(connection);
    }, fail);
}

/**
 * Runs one attempt and resolves with the result after the `status: 2` frame. Events are emitted as
 * frames arrive (see {@link readAnswer}). The connection is closed however the attempt ends.
 */
export function runAttempt(
  plan: AttemptPlan,
  emit: (event: SparkStreamEvent) => void,
  signal: AbortLike,
): Promise<ChatResult> {
  return new Promise<ChatResult>((resolve, reject) => {
    connect(
      plan,
      signal,
      (connection) => {
        readAnswer(
          { connection, timeouts: plan.timeouts, answer: plan.answer, emit, signal },
          (result) => {
            connection.close();
            resolve(result);
          },
          (error) => {
            connection.close();
            reject(error);
          },
        );
      },
      reject,
    );
  });
}

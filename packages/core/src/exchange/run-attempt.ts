/**
 * One attempt of an exchange: open the protocol's connection within the connect deadline, then read
 * frames until the final one.
 */

import { abortError, onAbort } from './abort';
import type { AttemptOwner, AttemptPlan } from './attempt-plan';
import { isDisabled, timeoutError } from './deadlines';
import type { AbortLike } from './exchange-signal';
import type { FrameConnection } from './frame-connection';
import { readAnswer } from './read-answer';

export type { AttemptOwner, AttemptPlan } from './attempt-plan';

/**
 * Opens the connection (signing included) within `connectMs` and hands it to `connected`, or the
 * failure to `failed`; exactly one of them is called. The protocol gets an attempt signal (a real
 * `AbortSignal`: the `signUrl` provider and the transport receive it) that aborts with the exchange or
 * when the deadline expires. A socket that opens after the attempt stopped waiting (timeout, abort) is
 * closed as soon as it appears. Its closures, timer and listener live only while the attempt connects.
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
  let opening: Promise<FrameConnection>;
  try {
    opening = plan.open({ attempt: plan.attempt, date: plan.date, signal: attemptController.signal });
  } catch (error) {
    // A protocol that throws rather than rejects: the same failure, and the timer and listener go.
    fail(error);
    return;
  }
  opening.then((connection) => {
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
 * Runs one attempt: the owner receives its events as frames arrive (see {@link readAnswer}), then its
 * result after the final frame or its failure. The connection is closed however the attempt ends.
 */
export function runAttempt(plan: AttemptPlan, owner: AttemptOwner, signal: AbortLike): void {
  connect(
    plan,
    signal,
    (connection) => readAnswer({ connection, timeouts: plan.timeouts, answer: plan.answer, signal }, owner),
    (error) => owner.failed(error),
  );
}

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
 * Opens the connection (signing included) within `connectMs`. The protocol gets an attempt signal
 * (a real `AbortSignal`: the `signUrl` provider and the transport receive it) that aborts with the
 * exchange or when the deadline expires. A socket that opens after the attempt stopped waiting
 * (timeout, abort) is closed as soon as it appears. One promise, one timer and one listener per attempt.
 */
function connect(plan: AttemptPlan, signal: AbortLike): Promise<FrameConnection> {
  if (signal.aborted) return Promise.reject(abortError(signal));
  const attemptController = new AbortController();
  return new Promise<FrameConnection>((resolve, reject) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stopListening();
      attemptController.abort(error);
      reject(error);
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
        resolve(connection);
      }, fail);
  });
}

/**
 * Runs one attempt and resolves with the result after the `status: 2` frame. Events are emitted as
 * frames arrive (see {@link readAnswer}). The connection is closed however the attempt ends.
 */
export async function runAttempt(
  plan: AttemptPlan,
  emit: (event: SparkStreamEvent) => void,
  signal: AbortLike,
): Promise<ChatResult> {
  const connection = await connect(plan, signal);
  try {
    return await readAnswer({ connection, timeouts: plan.timeouts, answer: plan.answer, emit, signal });
  } finally {
    connection.close();
  }
}

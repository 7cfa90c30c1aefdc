/**
 * One attempt of an exchange: sign, connect, send the request frame, read frames until `status: 2`.
 */

import { redactUrl, toSparkError } from '../errors';
import type { SparkConnection } from '../protocol/websocket/transport';
import type { ChatResult, SparkStreamEvent } from '../types';
import { abortError } from './abort';
import type { AttemptPlan, ExchangeProgress } from './attempt-plan';
import { isDisabled, timeoutError } from './deadlines';
import { readAnswer } from './read-answer';

export type { AttemptPlan, ExchangeProgress } from './attempt-plan';

/** Signs the URL and opens the transport; `signal` is the attempt's own (connect deadline included). */
async function open(plan: AttemptPlan, signal: AbortSignal): Promise<SparkConnection> {
  const signedUrl = await plan.sign({
    url: plan.url,
    model: plan.model,
    attempt: plan.attempt,
    date: plan.date,
    signal,
  });
  plan.logger?.debug?.('xinghuo: connecting', {
    attempt: plan.attempt,
    model: plan.model.id,
    url: redactUrl(signedUrl),
  });
  try {
    return await plan.transport(signedUrl, { signal });
  } catch (error) {
    throw toSparkError(error, 'The transport could not open the WebSocket');
  }
}

/**
 * Signs the URL and opens the connection within `connectMs`. The signer and the transport get an
 * attempt signal that aborts with the exchange or when the deadline expires. A socket that opens
 * after the attempt stopped waiting (timeout, abort) is closed as soon as it appears. One promise,
 * one timer and one listener per attempt.
 */
function connect(plan: AttemptPlan, signal: AbortSignal): Promise<SparkConnection> {
  if (signal.aborted) return Promise.reject(abortError(signal));
  const attemptController = new AbortController();
  return new Promise<SparkConnection>((resolve, reject) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      attemptController.abort(error);
      reject(error);
    };
    const onAbort = () => fail(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    const connectMs = plan.timeouts.connectMs;
    if (!isDisabled(connectMs)) timer = setTimeout(() => fail(timeoutError('connect', connectMs)), connectMs);
    open(plan, attemptController.signal).then((connection) => {
      if (settled) {
        connection.close(1000, 'abandoned');
        return;
      }
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(connection);
    }, fail);
  });
}

/**
 * Runs one attempt and resolves with the result after the `status: 2` frame. Events are emitted as
 * frames arrive (see {@link readAnswer}). The socket is closed (1000) however the attempt ends.
 */
export async function runAttempt(
  plan: AttemptPlan,
  emit: (event: SparkStreamEvent) => void,
  signal: AbortSignal,
  progress: ExchangeProgress,
): Promise<ChatResult> {
  const connection = await connect(plan, signal);
  try {
    try {
      connection.send(plan.requestText);
    } catch (error) {
      throw toSparkError(error, 'Sending the request frame failed');
    }
    return await readAnswer(connection, plan, emit, signal, progress);
  } finally {
    connection.close(1000);
  }
}

/**
 * One attempt of an exchange: sign, connect, send the request frame, read frames until `status: 2`.
 */
import { raceAbort } from './abort';
import { AnswerAccumulator, type AnswerContext } from './answer-accumulator';
import type { SignUrlProvider } from './checked-provider';
import { isDisabled, type SparkTimeouts, timeoutError, withDeadline } from './deadlines';
import { decodeFrame } from './decode-frame';
import { redactUrl, SparkConnectionError, SparkError } from './errors';
import type { SparkModel } from './models';
import type { SparkConnection, SparkTransport } from './transport';
import type { ChatResult, SparkLogger, SparkStreamEvent } from './types';

/** Everything one attempt needs. */
export interface AttemptPlan {
  /** 1 for the first attempt. */
  attempt: number;
  /** The unsigned URL to dial. */
  url: string;
  model: SparkModel;
  /** The date to sign with (local clock plus learned offset). */
  date: Date;
  sign: SignUrlProvider;
  transport: SparkTransport;
  /** The serialized request frame. */
  requestText: string;
  timeouts: SparkTimeouts;
  answer: AnswerContext;
  logger?: SparkLogger | undefined;
}

/** Shared across the attempts of one exchange. */
export interface ExchangeProgress {
  /** True once a text, reasoning or function-call event was emitted: from then on, no retry. */
  contentDelivered: boolean;
}

function asConnectionError(error: unknown, what: string): SparkError {
  if (SparkError.isInstance(error)) return error;
  const detail = error instanceof Error ? `: ${error.message}` : '';
  return new SparkConnectionError(`${what}${detail}`, { cause: error });
}

/**
 * Signs the URL and opens the connection within `connectMs`. A socket that opens after the attempt
 * stopped waiting (timeout, abort) is closed as soon as it appears.
 */
async function connect(plan: AttemptPlan, signal: AbortSignal): Promise<SparkConnection> {
  const attemptController = new AbortController();
  const forwardAbort = () => attemptController.abort(signal.reason);
  signal.addEventListener('abort', forwardAbort, { once: true });
  const opening = (async () => {
    const signedUrl = await plan.sign({
      url: plan.url,
      model: plan.model,
      attempt: plan.attempt,
      date: plan.date,
      signal: attemptController.signal,
    });
    plan.logger?.debug?.('xinghuo: connecting', {
      attempt: plan.attempt,
      model: plan.model.id,
      url: redactUrl(signedUrl),
    });
    try {
      return await plan.transport(signedUrl, { signal: attemptController.signal });
    } catch (error) {
      throw asConnectionError(error, 'The transport could not open the WebSocket');
    }
  })();
  try {
    const connectMs = plan.timeouts.connectMs;
    return await raceAbort(
      withDeadline(opening, connectMs, () => timeoutError('connect', connectMs)),
      signal,
    );
  } catch (error) {
    attemptController.abort(error);
    opening.then(
      (late) => late.close(1000, 'abandoned'),
      () => {},
    );
    throw error;
  } finally {
    signal.removeEventListener('abort', forwardAbort);
  }
}

/** How long to wait for the next frame, and which deadline that is. */
function nextDeadline(
  timeouts: SparkTimeouts,
  sentAt: number,
  framesSeen: number,
  contentSeen: boolean,
): { ms: number; make: () => SparkError } {
  const idle = {
    ms: isDisabled(timeouts.idleMs) ? Infinity : timeouts.idleMs,
    make: () => timeoutError('idle', timeouts.idleMs),
  };
  if (contentSeen) return idle;
  const firstTokenLeft = isDisabled(timeouts.firstTokenMs)
    ? Infinity
    : Math.max(1, timeouts.firstTokenMs - (performance.now() - sentAt));
  const firstToken = { ms: firstTokenLeft, make: () => timeoutError('first-token', timeouts.firstTokenMs) };
  // Before the first frame only the first-token deadline applies; afterwards the nearer of the two.
  if (framesSeen === 0 || firstToken.ms <= idle.ms) return firstToken;
  return idle;
}

/**
 * Runs one attempt and resolves with the result after the `status: 2` frame. Events are emitted as
 * frames arrive; those without model output (search sources) are held back until the first content
 * or the end, so a retry never repeats them. The socket is closed (1000) however the attempt ends.
 */
export async function runAttempt(
  plan: AttemptPlan,
  emit: (event: SparkStreamEvent) => void,
  signal: AbortSignal,
  progress: ExchangeProgress,
): Promise<ChatResult> {
  const connection = await connect(plan, signal);
  // Close on abort right away rather than when the read loop unwinds: an abort releases the socket
  // before `abort()` (or the consumer's `break`) returns.
  const closeOnAbort = () => connection.close(1000);
  signal.addEventListener('abort', closeOnAbort, { once: true });
  try {
    try {
      connection.send(plan.requestText);
    } catch (error) {
      throw asConnectionError(error, 'Sending the request frame failed');
    }
    const sentAt = performance.now();
    const frames = connection.messages()[Symbol.asyncIterator]();
    const accumulator = new AnswerAccumulator(plan.answer);
    let held: SparkStreamEvent[] = [];
    let framesSeen = 0;
    let contentSeen = false;
    for (;;) {
      const deadline = nextDeadline(plan.timeouts, sentAt, framesSeen, contentSeen);
      const reading = frames.next().catch((error: unknown) => {
        throw asConnectionError(error, 'The WebSocket failed');
      });
      const next = await raceAbort(withDeadline(reading, deadline.ms, deadline.make), signal);
      if (next.done) {
        throw new SparkConnectionError(
          'The WebSocket closed before the final frame (status 2): the answer is incomplete.',
        );
      }
      framesSeen += 1;
      const { events, hasContent } = accumulator.add(
        decodeFrame(next.value, { partialText: accumulator.text }),
      );
      if (hasContent) {
        contentSeen = true;
        progress.contentDelivered = true;
      }
      if (contentSeen || accumulator.finished) {
        for (const event of held) emit(event);
        held = [];
        for (const event of events) emit(event);
      } else {
        held.push(...events);
      }
      if (accumulator.finished) return accumulator.result();
    }
  } finally {
    signal.removeEventListener('abort', closeOnAbort);
    connection.close(1000);
  }
}

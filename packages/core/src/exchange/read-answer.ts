/**
 * Reads one attempt's frames until the final one, turning them into events and the result.
 *
 * Driven by callbacks rather than an `await` per frame: each frame costs one `next()` of the
 * transport's iterator and nothing else (no per-frame promise race, abort listener or timer). The
 * abort listener and the deadline timer are set up once per attempt.
 */

import { SparkConnectionError, toSparkError } from '../errors';
import type { ChatResult, SparkStreamEvent } from '../types';
import { abortError, onAbort } from './abort';
import { AnswerAccumulator } from './answer-accumulator';
import type { AttemptPlan, ExchangeProgress } from './attempt-plan';
import type { FrameConnection } from './frame-connection';
import { startFrameDeadline } from './frame-deadline';

/**
 * Resolves with the result after the `status: 2` frame; rejects on an error frame, a failed or closed
 * connection, a deadline or an abort (which also closes the connection at once, before `abort()` returns).
 * Events without model output (search sources) are held back until the first content or the end, so
 * a retry never repeats them.
 */
export function readAnswer(
  connection: FrameConnection,
  plan: Pick<AttemptPlan, 'timeouts' | 'answer'>,
  emit: (event: SparkStreamEvent) => void,
  signal: AbortSignal,
  progress: ExchangeProgress,
): Promise<ChatResult> {
  return new Promise<ChatResult>((resolve, reject) => {
    const { frames } = connection;
    const accumulator = new AnswerAccumulator(plan.answer);
    let held: SparkStreamEvent[] | undefined;
    let contentSeen = false;
    let settled = false;

    const finish = (error: unknown, result?: ChatResult) => {
      if (settled) return;
      settled = true;
      deadline.stop();
      stopListening();
      if (result) resolve(result);
      else reject(error);
    };
    const abort = () => {
      finish(abortError(signal));
      connection.close();
    };
    let stopListening = () => {};
    const onFrame = (next: IteratorResult<unknown>) => {
      if (settled) return;
      try {
        if (next.done) {
          throw new SparkConnectionError(
            'The connection closed before the final frame (status 2): the answer is incomplete.',
          );
        }
        const { events, hasContent } = accumulator.add(connection.decode(next.value, accumulator.text));
        if (hasContent && !contentSeen) {
          contentSeen = true;
          progress.contentDelivered = true;
        }
        if (contentSeen || accumulator.finished) {
          if (held) for (const event of held) emit(event);
          held = undefined;
          for (const event of events) emit(event);
        } else if (events.length > 0) {
          held = held ? held.concat(events) : events;
        }
        if (accumulator.finished) {
          finish(undefined, accumulator.result());
          return;
        }
        deadline.frameArrived(contentSeen);
      } catch (error) {
        finish(error);
        return;
      }
      pull();
    };
    const onReadError = (error: unknown) => finish(toSparkError(error, 'The connection failed'));
    const pull = () => {
      let reading: Promise<IteratorResult<unknown>>;
      try {
        reading = frames.next();
      } catch (error) {
        onReadError(error);
        return;
      }
      reading.then(onFrame, onReadError);
    };

    const deadline = startFrameDeadline(plan.timeouts, performance.now(), (error) => finish(error));
    if (signal.aborted) {
      abort();
      return;
    }
    stopListening = onAbort(signal, abort);
    pull();
  });
}

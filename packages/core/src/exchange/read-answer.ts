/**
 * Reads one attempt's frames until the final one, turning them into events and the result.
 *
 * Driven by callbacks rather than an `await` per frame. A connection whose frames come from an
 * {@link AsyncQueue} (the node and browser transports, the memory transport) hands each frame over
 * synchronously as it arrives: no promise per frame at all. Any other frame source costs one `next()`
 * per frame. The abort listener and the deadline timer are set up once per attempt.
 */

import { SparkConnectionError, toSparkError } from '../errors';
import type { ChatResult, SparkStreamEvent } from '../types';
import { abortError, onAbort } from './abort';
import { AnswerAccumulator, type AnswerContext, isContentEvent } from './answer-accumulator';
import { AsyncQueue } from './async-queue';
import type { SparkTimeouts } from './deadlines';
import type { AbortLike } from './exchange-signal';
import type { FrameConnection } from './frame-connection';
import { startFrameDeadline } from './frame-deadline';

/** What reading one attempt's answer needs. */
export interface AnswerReading {
  /** The attempt's open connection, its request sent. */
  connection: FrameConnection;
  /** The first-token and idle deadlines apply here. */
  timeouts: SparkTimeouts;
  /** What the result needs to know about the request. */
  answer: AnswerContext;
  /** Receives each event as its frame arrives (search results held back until content, see below). */
  emit: (event: SparkStreamEvent) => void;
  /** The exchange's signal: aborting it closes the connection at once. */
  signal: AbortLike;
}

/**
 * Resolves with the result after the `status: 2` frame; rejects on an error frame, a failed or closed
 * connection, a deadline or an abort (which also closes the connection at once, before `abort()` returns).
 * Events without model output (search sources) are held back until the first content or the end, so
 * a retry never repeats them.
 */
export function readAnswer(reading: AnswerReading): Promise<ChatResult> {
  const { connection, emit, signal } = reading;
  return new Promise<ChatResult>((resolve, reject) => {
    const accumulator = new AnswerAccumulator(reading.answer);
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
    // Passes events on once content was seen; until then holds those without model output.
    const deliver = (event: SparkStreamEvent) => {
      if (!contentSeen) {
        if (!isContentEvent(event)) {
          held ??= [];
          held.push(event);
          return;
        }
        contentSeen = true;
        releaseHeld();
      }
      emit(event);
    };
    const releaseHeld = () => {
      if (held) for (const event of held) emit(event);
      held = undefined;
    };
    // True when the frame was the last one (or failed): no more frames are wanted.
    const onFrame = (frame: unknown): boolean => {
      if (settled) return true;
      try {
        accumulator.add(connection.decode(frame, accumulator.text), deliver);
        if (accumulator.finished) {
          releaseHeld();
          finish(undefined, accumulator.result());
          return true;
        }
        deadline.frameArrived(contentSeen);
        return false;
      } catch (error) {
        finish(error);
        return true;
      }
    };
    const onEnd = () => {
      // In push mode the end also comes after the final frame, when the socket closes: no error then.
      if (settled) return;
      finish(
        new SparkConnectionError(
          'The connection closed before the final frame (status 2): the answer is incomplete.',
        ),
      );
    };
    const onReadError = (error: unknown) => {
      if (!settled) finish(toSparkError(error, 'The connection failed'));
    };

    const deadline = startFrameDeadline(reading.timeouts, performance.now(), (error) => finish(error));
    if (signal.aborted) {
      abort();
      return;
    }
    stopListening = onAbort(signal, abort);

    const { frames } = connection;
    if (frames instanceof AsyncQueue) {
      // The fast path: frames handed over as they arrive (see the module comment).
      frames.listen({ item: onFrame, end: onEnd, fail: onReadError });
      return;
    }
    const onNext = (next: IteratorResult<unknown>) => {
      if (next.done) onEnd();
      else if (!onFrame(next.value)) pull();
    };
    const pull = () => {
      let reading: Promise<IteratorResult<unknown>>;
      try {
        reading = frames.next();
      } catch (error) {
        onReadError(error);
        return;
      }
      reading.then(onNext, onReadError);
    };
    pull();
  });
}

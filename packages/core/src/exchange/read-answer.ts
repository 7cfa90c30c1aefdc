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
import { AsyncQueue, type QueueListener } from './async-queue';
import type { AttemptOwner } from './attempt-plan';
import type { SparkTimeouts } from './deadlines';
import type { AbortLike } from './exchange-signal';
import type { FrameConnection } from './frame-connection';
import { FrameDeadline } from './frame-deadline';

/** What reading one attempt's answer needs. */
export interface AnswerReading {
  /** The attempt's open connection, its request sent. */
  connection: FrameConnection;
  /** The first-token and idle deadlines apply here. */
  timeouts: SparkTimeouts;
  /** What the result needs to know about the request. */
  answer: AnswerContext;
  /** The exchange's signal: aborting it closes the connection at once. */
  signal: AbortLike;
}

/**
 * Hands the owner each event as its frame arrives, then the result after the `status: 2` frame, or a
 * failure (once) on an error frame, a failed or closed connection, a deadline or an abort (which closes
 * the connection at once, before `abort()` returns). The connection is closed however reading ends,
 * before the owner hears of it. Events without model output (search sources) are held back until the
 * first content or the end, so a retry never repeats them.
 */
export function readAnswer(reading: AnswerReading, owner: AttemptOwner): void {
  new AnswerReader(reading, owner).start();
}

/**
 * The state of one attempt's reading. A class rather than closures: it is made once per request, and
 * one object with methods costs less to make (and to collect) than the nine closures it replaces. It
 * is the frame queue's listener itself.
 */
class AnswerReader implements QueueListener<unknown> {
  readonly #connection: FrameConnection;
  readonly #signal: AbortLike;
  readonly #owner: AttemptOwner;
  readonly #accumulator: AnswerAccumulator;
  readonly #deadline: FrameDeadline;
  // Bound once: passed to the signal and to the accumulator per frame.
  readonly #abort = () => this.#finish(abortError(this.#signal));
  readonly #deliver = (event: SparkStreamEvent) => this.#deliverEvent(event);
  #held: SparkStreamEvent[] | undefined;
  #contentSeen = false;
  #settled = false;
  #stopListening: (() => void) | undefined;

  constructor(reading: AnswerReading, owner: AttemptOwner) {
    this.#connection = reading.connection;
    this.#signal = reading.signal;
    this.#owner = owner;
    this.#accumulator = new AnswerAccumulator(reading.answer);
    this.#deadline = new FrameDeadline(reading.timeouts, performance.now(), (error) => this.#finish(error));
  }

  start(): void {
    const signal = this.#signal;
    if (signal.aborted) {
      this.#abort();
      return;
    }
    this.#stopListening = onAbort(signal, this.#abort);
    const { frames } = this.#connection;
    if (frames instanceof AsyncQueue) {
      // The fast path: frames handed over as they arrive (see the module comment).
      frames.listen(this);
      return;
    }
    this.#pull(frames);
  }

  /** A frame arrived (the queue's listener). */
  item(frame: unknown): void {
    this.#onFrame(frame);
  }

  /** The connection ended (the queue's listener). */
  end(): void {
    // In push mode the end also comes after the final frame, when the socket closes: no error then.
    if (this.#settled) return;
    this.#finish(
      new SparkConnectionError(
        'The connection closed before the final frame (status 2): the answer is incomplete.',
      ),
    );
  }

  /** Reading the connection failed (the queue's listener). */
  fail(error: unknown): void {
    if (!this.#settled) this.#finish(toSparkError(error, 'The connection failed'));
  }

  // True when the frame was the last one (or failed): no more frames are wanted.
  #onFrame(frame: unknown): boolean {
    if (this.#settled) return true;
    const accumulator = this.#accumulator;
    try {
      accumulator.add(this.#connection.decode(frame, accumulator.text), this.#deliver);
      if (accumulator.finished) {
        this.#releaseHeld();
        this.#finish(undefined, accumulator.result());
        return true;
      }
      this.#deadline.frameArrived(this.#contentSeen);
      return false;
    } catch (error) {
      this.#finish(error);
      return true;
    }
  }

  // Passes events on once content was seen; until then holds those without model output.
  #deliverEvent(event: SparkStreamEvent): void {
    if (!this.#contentSeen) {
      if (!isContentEvent(event)) {
        this.#held ??= [];
        this.#held.push(event);
        return;
      }
      this.#contentSeen = true;
      this.#releaseHeld();
    }
    this.#owner.emit(event);
  }

  #releaseHeld(): void {
    const held = this.#held;
    this.#held = undefined;
    if (held) for (const event of held) this.#owner.emit(event);
  }

  #finish(error: unknown, result?: ChatResult): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#deadline.stop();
    this.#stopListening?.();
    this.#connection.close();
    if (result) this.#owner.succeeded(result);
    else this.#owner.failed(error);
  }

  // The slow path, for a frame source that is not an AsyncQueue: one `next()` per frame.
  #pull(frames: AsyncIterator<unknown>): void {
    let next: Promise<IteratorResult<unknown>>;
    try {
      next = frames.next();
    } catch (error) {
      this.fail(error);
      return;
    }
    next.then(
      (result) => {
        if (result.done) this.end();
        else if (!this.#onFrame(result.value)) this.#pull(frames);
      },
      (error: unknown) => this.fail(error),
    );
  }
}

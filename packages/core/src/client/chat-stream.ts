/**
 * The streaming result of `client.stream()`.
 */

import { SparkAbortError, SparkConfigError, type SparkError, toSparkError } from '../errors';
import { onSharedAbort } from '../exchange/abort-fan-out';
import { AsyncQueue } from '../exchange/async-queue';
import { isDisabled, timeoutError } from '../exchange/deadlines';
import { type AbortLike, ExchangeSignal } from '../exchange/exchange-signal';
import type { ChatResult, SparkStreamEvent } from '../types';

/**
 * The work behind a stream: runs the exchange, emits events as they arrive, resolves with the result.
 * It must stop (and close its socket) when `signal` aborts.
 */
export type ChatStreamRunner = (
  emit: (event: SparkStreamEvent) => void,
  signal: AbortLike,
) => Promise<ChatResult>;

/** Options of {@link startChatStream}. */
export interface ChatStreamOptions {
  /** The caller's signal: aborting it aborts the stream. */
  signal?: AbortSignal | undefined;
  /** The total deadline in ms (0 or Infinity: none). Expiry fails the stream with `SparkTimeoutError`. */
  totalTimeoutMs?: number | undefined;
}

// Set by ChatStream's static block: the one way to call its private constructor, and how its readers
// (below) reach its private state.
let construct: (run: ChatStreamRunner, options: ChatStreamOptions) => ChatStream;
let startTexts: (stream: ChatStream) => AsyncQueue<string>;
let leave: (stream: ChatStream) => void;

type Outcome = { result: ChatResult } | { error: unknown };

/**
 * One streamed answer: an `AsyncIterable` of {@link SparkStreamEvent}s plus helpers.
 *
 * The request starts as soon as the stream is created, like `fetch`; events wait in memory until they
 * are read. Read the events once, either by iterating the stream or through {@link ChatStream.textStream}.
 * {@link ChatStream.finalResult} works whether or not the events are read. A stream nobody reads never
 * causes an unhandled rejection.
 *
 * Leaving a `for await` loop early (`break`, `return`, a throw) closes the socket, as does
 * {@link ChatStream.abort}.
 *
 * @example
 * ```ts
 * const stream = client.stream({ model: 'max', messages: [{ role: 'user', content: '你好' }] });
 * for await (const event of stream) {
 *   if (event.type === 'text-delta') process.stdout.write(event.text);
 * }
 * const { usage, sid } = await stream.finalResult();
 * ```
 */
export class ChatStream implements AsyncIterable<SparkStreamEvent> {
  // Where arriving events wait for the reader: this queue, or, once `textStream` is read, a queue of
  // the text deltas alone that replaces it (a text reader holds one queue, not two in a chain).
  #events: AsyncQueue<SparkStreamEvent> | undefined = new AsyncQueue<SparkStreamEvent>();
  #texts: AsyncQueue<string> | undefined;
  // Not an AbortController: see exchange-signal.ts for why.
  readonly #signal = new ExchangeSignal();
  #outcome: Outcome | undefined;
  // Made only when `finalResult()` is called: most readers take the answer from the events.
  #result: Promise<ChatResult> | undefined;
  #resolveResult: ((result: ChatResult) => void) | undefined;
  #rejectResult: ((error: unknown) => void) | undefined;
  #stopForwardingAbort: (() => void) | undefined;
  #totalTimer: ReturnType<typeof setTimeout> | undefined;
  #iterated = false;

  static {
    construct = (run, options) => new ChatStream(run, options);
    startTexts = (stream) => stream.#startTexts();
    leave = (stream) => stream.#leave();
  }

  /** Private: streams come from `client.stream()` (or {@link startChatStream} inside the SDK). */
  private constructor(run: ChatStreamRunner, options: ChatStreamOptions) {
    const external = options.signal;
    if (external) {
      const forward = () => this.#abort(new SparkAbortError(undefined, { cause: external.reason }));
      if (external.aborted) forward();
      // One listener per signal however many streams share it (Node warns past ten per signal).
      else this.#stopForwardingAbort = onSharedAbort(external, forward);
    }
    const totalMs = options.totalTimeoutMs ?? 0;
    if (!isDisabled(totalMs) && !this.#signal.aborted) {
      this.#totalTimer = setTimeout(() => this.#abort(timeoutError('total', totalMs)), totalMs);
    }

    if (this.#signal.aborted) return;
    let started: Promise<ChatResult>;
    try {
      started = run((event) => this.#accept(event), this.#signal);
    } catch (error) {
      started = Promise.reject(error);
    }
    started.then(
      (result) => this.#settle({ result }, false),
      (error: unknown) => this.#settle({ error }, false),
    );
  }

  /** Queues an arriving event for the reader: as it is, or only its text for a `textStream` reader. */
  #accept(event: SparkStreamEvent): void {
    if (this.#outcome !== undefined) return;
    if (this.#events) this.#events.push(event);
    else if (event.type === 'text-delta') this.#texts?.push(event.text);
  }

  /** Ends the stream once: the events end (or fail), the result settles, the deadline and listener go. */
  #settle(outcome: Outcome, discardQueued: boolean): void {
    if (this.#outcome !== undefined) return;
    this.#outcome = outcome;
    this.#stopForwardingAbort?.();
    clearTimeout(this.#totalTimer);
    const queue = this.#events ?? this.#texts;
    if ('result' in outcome) {
      this.#events?.push({ type: 'end', result: outcome.result });
      queue?.end();
      this.#resolveResult?.(outcome.result);
    } else {
      queue?.fail(outcome.error, discardQueued);
      this.#rejectResult?.(outcome.error);
    }
  }

  /** True once the stream ended, failed or was aborted. */
  get settled(): boolean {
    return this.#outcome !== undefined;
  }

  /**
   * The whole answer. Resolves after the final frame, whether or not the events were read; rejects
   * with the stream's `SparkError` (a `SparkAbortError` after an abort or an early `break`).
   */
  finalResult(): Promise<ChatResult> {
    if (!this.#result) {
      const outcome = this.#outcome;
      this.#result =
        outcome === undefined
          ? new Promise<ChatResult>((resolve, reject) => {
              this.#resolveResult = resolve;
              this.#rejectResult = reject;
            })
          : 'result' in outcome
            ? Promise.resolve(outcome.result)
            : Promise.reject(outcome.error);
      // Asking for the result must not make a failure "unhandled" when it is then not awaited.
      this.#result.catch(() => {});
    }
    return this.#result;
  }

  /**
   * Aborts the exchange: the socket closes, pending reads and {@link ChatStream.finalResult} reject with
   * `SparkAbortError`. Does nothing once the stream has settled.
   *
   * @param reason - kept as the error's `cause`
   */
  abort(reason?: unknown): void {
    this.#abort(new SparkAbortError(undefined, { cause: reason }));
  }

  /**
   * Settles the stream with `error` right here, synchronously, whatever the runner is waiting for,
   * then aborts the runner's signal (which closes its socket). Called directly rather than from an
   * abort listener on the stream's own signal: one listener less per request.
   */
  #abort(error: SparkError): void {
    if (this.#outcome !== undefined) return;
    this.#settle({ error }, true);
    this.#signal.abort(error);
  }

  /**
   * The answer text as it streams, one delta at a time. Consumes the events: use it instead of
   * iterating the stream, not as well.
   *
   * @example
   * ```ts
   * for await (const text of client.stream(params).textStream) process.stdout.write(text);
   * ```
   */
  get textStream(): AsyncIterable<string> {
    return new TextStream(this);
  }

  /**
   * Switches the stream to a queue of text deltas, on the first `next()` of a `textStream` reader (as
   * a generator starts on its first `next()`): the events queued so far move over (their text, then
   * their end or failure), later ones arrive as text directly. A text reader thus holds one queue, not
   * a second one fed by the first, and each delta costs it one promise, as an event does.
   */
  #startTexts(): AsyncQueue<string> {
    this.#claimEvents();
    const events = this.#events as AsyncQueue<SparkStreamEvent>;
    const texts = new AsyncQueue<string>();
    this.#events = undefined;
    this.#texts = texts;
    events.listen({
      item: (event) => {
        if (event.type === 'text-delta') texts.push(event.text);
      },
      end: () => texts.end(),
      fail: (error, discarded) => texts.fail(error, discarded),
    });
    // The old queue is done with: detached, it keeps nothing alive.
    events.close();
    return texts;
  }

  /**
   * The events as a Web `ReadableStream` of NDJSON bytes, one JSON event per line, for relaying an
   * answer from a server route to a page (where {@link readChatStream} turns it back into a
   * `ChatStream`). It reads the events, so the stream cannot also be iterated; `finalResult()` still
   * works. A failure becomes a last line `{"type":"error","error":{…}}` with the error's JSON (redacted
   * like its message). Cancelling the readable stream aborts the exchange.
   *
   * @example
   * ```ts
   * // A route handler (Next.js, Hono, Deno…):
   * return new Response(client.stream(params).toReadableStream(), {
   *   headers: { 'content-type': 'application/x-ndjson' },
   * });
   * ```
   */
  toReadableStream(): ReadableStream<Uint8Array> {
    const events = this[Symbol.asyncIterator]();
    const encoder = new TextEncoder();
    const line = (value: unknown) => encoder.encode(`${JSON.stringify(value)}\n`);
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const next = await events.next();
          if (next.done) controller.close();
          else controller.enqueue(line(next.value));
        } catch (error) {
          controller.enqueue(
            line({ type: 'error', error: toSparkError(error, 'The stream failed').toJSON() }),
          );
          controller.close();
        }
      },
      async cancel() {
        await events.return?.();
      },
    });
  }

  /** Iterates the events once; a second iteration throws a `SparkConfigError`. */
  [Symbol.asyncIterator](): AsyncIterator<SparkStreamEvent> {
    this.#claimEvents();
    return new StreamReader(this, this.#events as AsyncQueue<SparkStreamEvent>);
  }

  /** Marks the events as being read; they can be read once. */
  #claimEvents(): void {
    if (this.#iterated) {
      throw new SparkConfigError(
        'This ChatStream is already being read: iterate it or its textStream once; finalResult() gives the whole answer.',
      );
    }
    this.#iterated = true;
  }

  /** The consumer left early (`break`, a throw in the loop body): stop the exchange, close the socket. */
  #leave(): void {
    this.#abort(new SparkAbortError('The stream was closed before its end by its consumer.'));
  }
}

/**
 * Reads one of a stream's queues: its events, or its text deltas. A class, as are the two below: a
 * reader lives as long as the answer streams, and shares its methods instead of holding closures.
 */
class StreamReader<T> implements AsyncIterator<T> {
  readonly #stream: ChatStream;
  #queue: AsyncQueue<T> | undefined;

  /**
   * Reads `queue` (the events), or, given none, the stream's text deltas from the first `next()` on
   * (only a `textStream` reader is made without a queue).
   */
  constructor(stream: ChatStream, queue: AsyncQueue<T> | undefined) {
    this.#stream = stream;
    this.#queue = queue;
  }

  next(): Promise<IteratorResult<T>> {
    let queue = this.#queue;
    if (!queue) {
      try {
        queue = startTexts(this.#stream) as AsyncQueue<unknown> as AsyncQueue<T>;
      } catch (error) {
        // Refused (the events are read elsewhere): this reader then reads as ended.
        const ended = new AsyncQueue<T>();
        ended.end();
        this.#queue = ended;
        return Promise.reject(error);
      }
      this.#queue = queue;
    }
    return queue.next();
  }

  async return(): Promise<IteratorResult<T>> {
    // Leaving the loop early (`break`, a throw in the loop body) stops the exchange and closes its
    // socket; a text reader that never started reading leaves the stream alone.
    if (this.#queue) leave(this.#stream);
    else this.#queue = new AsyncQueue<T>();
    // Closed, so a later next() reads done.
    this.#queue.close();
    return { value: undefined, done: true };
  }
}

/** What {@link ChatStream.textStream} returns: each iteration is a reader of its own. */
class TextStream implements AsyncIterable<string> {
  readonly #stream: ChatStream;

  constructor(stream: ChatStream) {
    this.#stream = stream;
  }

  [Symbol.asyncIterator](): AsyncIterator<string> {
    return new StreamReader<string>(this.#stream, undefined);
  }
}

/**
 * Starts `run` at once and returns its stream. Internal to the SDK (the client's `stream()` and
 * `readChatStream` use it): not exported from the package entries.
 */
export function startChatStream(run: ChatStreamRunner, options: ChatStreamOptions = {}): ChatStream {
  return construct(run, options);
}

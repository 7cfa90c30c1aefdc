/**
 * A single-consumer async queue that ends, or fails, once: the producer pushes as things arrive, the
 * consumer pulls at its own pace (`next()` or `for await`). Items wait here while the consumer lags;
 * a failure is delivered after the items queued before it, once (then the queue reads as ended).
 *
 * The engine queues a stream's events in one, and transports queue received frames in one for
 * `SparkConnection.messages()`: frames that arrive before the engine starts reading are kept, so
 * nothing between the socket's `open` and the first read is lost.
 *
 * @example A transport's connection over an event-style socket
 * ```ts
 * const frames = new AsyncQueue<string>();
 * socket.onmessage = (event) => frames.push(event.data);
 * socket.onerror = () => frames.fail(new SparkConnectionError('The WebSocket failed.'));
 * socket.onclose = () => frames.end();
 * const connection: SparkConnection = {
 *   send: (text) => socket.send(text),
 *   messages: () => frames,
 *   close: (code, reason) => socket.close(code, reason),
 * };
 * ```
 *
 * A consumer that handles each item synchronously can {@link AsyncQueue.listen} instead of pulling:
 * items then reach it as they are pushed, without a promise and a microtask per item.
 */
export class AsyncQueue<T> implements AsyncIterable<T> {
  #items: T[] = [];
  // The pending reader's settle functions, kept in two fields (no object per wait), and set by one
  // executor made once per queue, on its first wait (no closure per wait: `next()` runs once per
  // frame; none at all for a queue read through `listen`).
  #resolve: ((result: IteratorResult<T>) => void) | undefined;
  #reject: ((error: unknown) => void) | undefined;
  #wait:
    | ((resolve: (result: IteratorResult<T>) => void, reject: (error: unknown) => void) => void)
    | undefined;
  #listener: QueueListener<T> | undefined;
  #ended = false;
  #failure: { error: unknown } | undefined;

  /** Adds one item; ignored once the queue has ended or failed. */
  push(item: T): void {
    if (this.#ended || this.#failure) return;
    if (this.#listener) {
      this.#listener.item(item);
      return;
    }
    const resolve = this.#resolve;
    if (resolve) {
      this.#resolve = this.#reject = undefined;
      resolve({ value: item, done: false });
      return;
    }
    this.#items.push(item);
  }

  /** Marks the end: the consumer gets the queued items, then `done`. */
  end(): void {
    if (this.#ended || this.#failure) return;
    this.#ended = true;
    this.#settleWaiting();
  }

  /**
   * Fails the queue: the consumer gets the queued items, then `error`. With `discard`, queued items are
   * dropped so the error is delivered at once (used for aborts, which must settle immediately).
   */
  fail(error: unknown, discard = false): void {
    if (this.#ended || this.#failure) return;
    this.#failure = { error };
    if (discard) this.#items = [];
    this.#settleWaiting(discard);
  }

  /**
   * Hands the items to `listener` instead of to `next()`: those queued so far at once, in order, then
   * each as it is pushed; then the end or the failure. For a single consumer that reacts to each item
   * synchronously (the engine reading a transport's frames, `textStream` mapping events to text): it
   * costs no promise per item. Call it once, instead of reading with `next()`; `close()` detaches it.
   */
  listen(listener: QueueListener<T>): void {
    // Attached only after the queued items are handed over: one pushed meanwhile queues behind them.
    while (this.#items.length > 0) listener.item(this.#items.shift() as T);
    if (this.#failure) listener.fail(this.#failure.error, false);
    else if (this.#ended) listener.end();
    else this.#listener = listener;
  }

  /** The next item, waiting for one if needed. Only one `next()` may be pending at a time. */
  next(): Promise<IteratorResult<T>> {
    const item = this.#items.shift();
    if (item !== undefined) return Promise.resolve({ value: item, done: false });
    if (this.#failure) return Promise.reject(this.#takeFailure());
    if (this.#ended) return Promise.resolve({ value: undefined, done: true });
    this.#wait ??= (resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    };
    return new Promise(this.#wait);
  }

  /**
   * Iterates the queue (once: there is one consumer). Leaving the loop early (`break`, `return`, a
   * throw) closes the queue.
   */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: () => this.next(),
      return: () => {
        this.close();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }

  /** Drops everything and ends the queue (the consumer left). */
  close(): void {
    this.#items = [];
    this.#listener = undefined;
    if (!this.#failure) this.#ended = true;
    const resolve = this.#resolve;
    this.#resolve = this.#reject = undefined;
    resolve?.({ value: undefined, done: true });
  }

  #settleWaiting(discarded = false): void {
    const listener = this.#listener;
    if (listener) {
      this.#listener = undefined;
      if (this.#failure) listener.fail(this.#failure.error, discarded);
      else listener.end();
      return;
    }
    const resolve = this.#resolve;
    const reject = this.#reject;
    if (!resolve || !reject) return;
    this.#resolve = this.#reject = undefined;
    if (this.#failure) reject(this.#takeFailure());
    else resolve({ value: undefined, done: true });
  }

  // A failure is delivered once; then the queue reads as ended, as an async generator that threw.
  #takeFailure(): unknown {
    const { error } = this.#failure as { error: unknown };
    this.#failure = undefined;
    this.#ended = true;
    return error;
  }
}

/** Receives the items of an {@link AsyncQueue} as they are pushed (see {@link AsyncQueue.listen}). */
export interface QueueListener<T> {
  item(item: T): void;
  end(): void;
  /** `discarded`: the producer dropped what was still queued for a prompt failure (an abort). */
  fail(error: unknown, discarded: boolean): void;
}

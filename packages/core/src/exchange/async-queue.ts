/**
 * A single-consumer async queue that ends, or fails, once: the producer pushes as things arrive, the
 * consumer pulls at its own pace (`next()` or `for await`). Items wait here while the consumer lags;
 * a failure is delivered after the items queued before it.
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
 */
export class AsyncQueue<T> implements AsyncIterable<T> {
  #items: T[] = [];
  #waiting: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void } | undefined;
  #ended = false;
  #failure: { error: unknown } | undefined;

  /** Adds one item; ignored once the queue has ended or failed. */
  push(item: T): void {
    if (this.#ended || this.#failure) return;
    if (this.#waiting) {
      const waiting = this.#waiting;
      this.#waiting = undefined;
      waiting.resolve({ value: item, done: false });
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
    this.#settleWaiting();
  }

  /** The next item, waiting for one if needed. Only one `next()` may be pending at a time. */
  next(): Promise<IteratorResult<T>> {
    const item = this.#items.shift();
    if (item !== undefined) return Promise.resolve({ value: item, done: false });
    if (this.#failure) return Promise.reject(this.#failure.error);
    if (this.#ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.#waiting = { resolve, reject };
    });
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
    if (!this.#failure) this.#ended = true;
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.resolve({ value: undefined, done: true });
  }

  #settleWaiting(): void {
    const waiting = this.#waiting;
    if (!waiting) return;
    this.#waiting = undefined;
    if (this.#failure) waiting.reject(this.#failure.error);
    else waiting.resolve({ value: undefined, done: true });
  }
}

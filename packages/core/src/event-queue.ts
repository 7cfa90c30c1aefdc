/**
 * A single-consumer async queue: the engine pushes events as frames arrive, the consumer pulls them at
 * its own pace. Events wait here while the consumer lags (an answer is at most a few thousand small
 * events); a failure is delivered after the events queued before it.
 */
export class EventQueue<T> {
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

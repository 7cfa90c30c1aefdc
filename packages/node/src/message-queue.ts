/**
 * A single-consumer async queue: the socket pushes frames as they arrive, `messages()` pulls them.
 * Frames that arrive before anyone iterates are buffered, so nothing is lost between the open event
 * and the first `for await`.
 */
export class MessageQueue<T> implements AsyncIterable<T> {
  private readonly buffered: T[] = [];
  private waiting:
    | { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void }
    | undefined;
  private ended = false;
  private failure: { error: unknown } | undefined;

  /** Adds one item; ignored after the queue has ended. */
  push(item: T): void {
    if (this.ended) return;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = undefined;
      resolve({ value: item, done: false });
    } else {
      this.buffered.push(item);
    }
  }

  /** Ends the queue: buffered items are still delivered, then iteration stops (or throws `error`). */
  end(error?: unknown): void {
    if (this.ended) return;
    this.ended = true;
    if (error !== undefined) this.failure = { error };
    if (this.waiting && this.buffered.length === 0) {
      const { resolve, reject } = this.waiting;
      this.waiting = undefined;
      if (this.failure) reject(this.failure.error);
      else resolve({ value: undefined, done: true });
    }
  }

  /** Whether {@link end} was called. */
  get isEnded(): boolean {
    return this.ended;
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: () => {
        const item = this.buffered.shift();
        if (item !== undefined) return Promise.resolve({ value: item, done: false });
        if (this.ended) {
          if (this.failure) {
            const { error } = this.failure;
            // Throw once; later calls report plain completion.
            this.failure = undefined;
            return Promise.reject(error);
          }
          return Promise.resolve({ value: undefined, done: true });
        }
        return new Promise((resolve, reject) => {
          this.waiting = { resolve, reject };
        });
      },
      return: () => {
        this.end();
        this.buffered.length = 0;
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}

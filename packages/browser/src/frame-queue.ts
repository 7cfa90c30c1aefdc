import type { SparkError } from '@xinghuo/core/portable';

/**
 * An unbounded single-consumer queue of received text frames that ends, or fails, exactly once.
 *
 * The socket pushes; the engine pulls with `for await`. Frames that arrive before the engine starts
 * reading are kept, so nothing between `open` and the first read is lost.
 */
export class FrameQueue implements AsyncIterable<string> {
  readonly #frames: string[] = [];
  #waiting: (() => void) | undefined;
  #ended = false;
  #failure: SparkError | undefined;

  /** Adds one frame; ignored after the end. */
  push(frame: string): void {
    if (this.#ended) return;
    this.#frames.push(frame);
    this.#wake();
  }

  /** Ends the queue after the frames already in it; with an error, iteration throws it after them. */
  end(failure?: SparkError): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#failure = failure;
    this.#wake();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<string, void, undefined> {
    while (true) {
      const frame = this.#frames.shift();
      if (frame !== undefined) {
        yield frame;
        continue;
      }
      if (this.#ended) {
        if (this.#failure) throw this.#failure;
        return;
      }
      await new Promise<void>((resolve) => {
        this.#waiting = resolve;
      });
    }
  }

  #wake(): void {
    const wake = this.#waiting;
    this.#waiting = undefined;
    wake?.();
  }
}

/**
 * The abort signal of one exchange inside the engine.
 *
 * The engine needs from a signal only a flag, a reason and a few callbacks (the connect step's and the
 * frame reader's). Node's `AbortController` is an `EventTarget`: creating one costs several
 * microseconds and each listener about one to add and remove, a measurable share of a request (issue
 * 13). So a stream's own signal is this small object; a real `AbortSignal` is made per attempt only
 * where user code or a platform API receives it (the `signUrl` provider, the transport, `fetch`).
 */

/**
 * What the engine reads from a signal: the part of `AbortSignal` it uses. A real `AbortSignal`
 * fits, so engine functions accept either.
 */
export interface AbortLike {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/**
 * An {@link AbortLike} that its owner aborts: listeners run once, in the order they were added, on the
 * first `abort()`; a listener added after that is never called (as with `AbortSignal`). Listeners must
 * not throw.
 */
export class ExchangeSignal implements AbortLike {
  /** True once aborted. Set by `abort()` only. */
  aborted = false;
  /** What it was aborted with. Set by `abort()` only. */
  reason: unknown;
  // At most a few at a time (the connect step's, then the frame reader's): an array is the cheapest.
  #listeners: (() => void)[] = [];

  addEventListener(_type: 'abort', listener: () => void): void {
    if (!this.aborted) this.#listeners.push(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    const index = this.#listeners.indexOf(listener);
    if (index !== -1) this.#listeners.splice(index, 1);
  }

  /** Aborts with `reason` and calls the listeners; does nothing the second time. */
  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const listeners = this.#listeners;
    this.#listeners = [];
    for (const listener of listeners) listener();
  }
}

/** A value now, or later. The msw face needs decisions *now* whenever they can be made synchronously. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * Applies `next` to `value` synchronously when it is not a promise, otherwise after it resolves. This
 * keeps a chain synchronous end to end when every step is, so an msw connection can be refused before
 * the client's `open` event.
 */
export function andThen<T, R>(
  value: MaybePromise<T>,
  next: (resolved: T) => MaybePromise<R>,
): MaybePromise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/**
 * One 'abort' listener per caller signal, however many requests share it.
 *
 * Node warns (`MaxListenersExceededWarning: Possible EventTarget memory leak detected`) once more than
 * ten listeners wait on one signal. An app that passes one `AbortSignal` to twenty parallel requests
 * leaks nothing, but with a listener per request it would see that warning. Here the first subscriber
 * of a signal adds the single listener, which fans the abort out; the last one to leave removes it.
 */

interface FanOut {
  readonly subscribers: Set<() => void>;
  readonly dispatch: () => void;
}

// Keyed weakly: a signal nobody holds any more is collected with its subscribers.
const fanOuts = new WeakMap<AbortSignal, FanOut>();

/**
 * Calls `onAbort` once when `signal` aborts, through one shared listener per signal. Returns a disposer
 * that unsubscribes (idempotent). Call it for a signal that has not aborted yet, with an `onAbort`
 * that does not throw (a throw would keep the later subscribers from hearing of the abort).
 *
 * @example
 * ```ts
 * const dispose = onSharedAbort(options.signal, () => stream.abort());
 * // … when the request settles:
 * dispose();
 * ```
 */
export function onSharedAbort(signal: AbortSignal, onAbort: () => void): () => void {
  let fanOut = fanOuts.get(signal);
  if (fanOut === undefined) {
    const subscribers = new Set<() => void>();
    const dispatch = () => {
      fanOuts.delete(signal);
      for (const subscriber of subscribers) subscriber();
      subscribers.clear();
    };
    fanOut = { subscribers, dispatch };
    fanOuts.set(signal, fanOut);
    signal.addEventListener('abort', dispatch, { once: true });
  }
  const { subscribers, dispatch } = fanOut;
  // A wrapper per subscription, so the same function subscribed twice is also called twice.
  const subscription = () => onAbort();
  subscribers.add(subscription);
  return () => {
    if (!subscribers.delete(subscription) || subscribers.size > 0) return;
    signal.removeEventListener('abort', dispatch);
    if (fanOuts.get(signal) === fanOut) fanOuts.delete(signal);
  };
}

/**
 * The small slice of the WHATWG `WebSocket` API the browser transport uses.
 *
 * Written structurally so that the global `WebSocket` of browsers, workers, Deno, Bun, Node ≥ 22 and
 * edge runtimes fits, and so does an injected constructor such as `ws`'s `WebSocket` or undici's.
 */

/** What the transport reads from `open`, `message`, `close` and `error` events. */
export interface WebSocketEventLike {
  /** `open`, `message`, `close` or `error`. */
  readonly type: string;
  /** Payload of a `message` event: a string for text frames, binary data otherwise. */
  readonly data?: unknown;
  /** Close code of a `close` event. */
  readonly code?: number;
  /** Close reason of a `close` event. */
  readonly reason?: string;
}

/** One socket, as far as the transport uses it. */
export interface WebSocketLike {
  /** 0 connecting, 1 open, 2 closing, 3 closed. */
  readonly readyState: number;
  /** Set to `'arraybuffer'` so binary frames can be decoded without an async `Blob` read. */
  binaryType: string;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(
    type: 'open' | 'message' | 'close' | 'error',
    listener: (event: WebSocketEventLike) => void,
  ): void;
}

/** A `WebSocket` constructor: the global one or an injected one (`ws`, undici). */
export type WebSocketConstructorLike = new (url: string) => WebSocketLike;

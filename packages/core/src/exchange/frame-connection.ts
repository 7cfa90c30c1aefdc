/**
 * The seam between the exchange and a wire protocol: one attempt's connection, yielding frames that
 * the protocol decodes. The exchange never sees WebSocket text or any other wire format.
 */
import type { DecodedFrame } from '../protocol/decoded-frame';

/**
 * One open connection of an attempt, its request already sent.
 *
 * `frames` yields each raw frame once, in order, and ends when the connection closes; it may throw on
 * a failed connection. Raw frames stay opaque to the exchange: it hands each one back to `decode`
 * (synchronously, so reading a frame costs one `next()` and no extra promise).
 */
export interface FrameConnection<Frame = unknown> {
  /**
   * The raw frames, until the connection closes. An `AsyncQueue` of this package is read
   * through its push mode (`listen`), which costs no promise per frame; protocols over a socket
   * should pass theirs as is.
   */
  readonly frames: AsyncIterator<Frame>;
  /**
   * Decodes one raw frame. Throws a `SparkError` for an error or malformed frame; `partialText` is
   * the answer streamed so far, which an output-moderation error keeps.
   */
  decode(frame: Frame, partialText: string): DecodedFrame;
  /** Releases the connection at once. Safe to call more than once. */
  close(): void;
}

/** What a protocol is told when an attempt opens its connection. */
export interface OpenAttempt {
  /** 1 for the first attempt. */
  attempt: number;
  /** The date to sign with (local clock plus the offset learned from the server). */
  date: Date;
  /** Aborts with the exchange or when the connect deadline expires. */
  signal: AbortSignal;
}

/**
 * Opens one attempt's connection and sends the request: resolves once frames can be read, rejects
 * with a `SparkError`. The connect deadline covers all of it.
 */
export type OpenFrameConnection = (attempt: OpenAttempt) => Promise<FrameConnection>;

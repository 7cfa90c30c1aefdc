/**
 * The seam between the protocol engine and a platform's WebSocket.
 *
 * A transport opens one socket per request. Adapters implement it in about a hundred lines:
 * `@xinghuo/node` over `ws`, `@xinghuo/browser` over the global `WebSocket`, and
 * `@xinghuo/core/testing` in memory.
 */

/** Options for opening one connection. */
export interface SparkTransportOptions {
  /** Aborts the handshake; the transport rejects with `SparkAbortError` and leaves no socket open. */
  signal?: AbortSignal | undefined;
}

/**
 * One open WebSocket connection carrying one Spark exchange.
 *
 * Rules every transport follows:
 * - `messages()` yields each text frame once, in order (binary frames decoded as UTF-8), and ends
 *   when the socket closes, however it closes. It may throw a `SparkConnectionError` on a socket
 *   error. It is called once.
 * - `close()` is idempotent and releases the socket at once (a forced terminate if needed).
 */
export interface SparkConnection {
  /** Sends one text frame. */
  send(text: string): void;
  /** The received text frames, until the socket closes. */
  messages(): AsyncIterable<string>;
  /** Closes the socket (default code 1000). Safe to call more than once. */
  close(code?: number, reason?: string): void;
}

/**
 * Opens a WebSocket to a signed URL.
 *
 * Resolves once the socket is open. Rejects with a typed `SparkError`: a refused handshake through
 * `errorFromHandshake({ status, body, serverDate, url })` with as much as the platform can see, other
 * failures as `SparkConnectionError`, an abort as `SparkAbortError`. Error messages never contain
 * the signed URL.
 */
export type SparkTransport = (url: string, options: SparkTransportOptions) => Promise<SparkConnection>;

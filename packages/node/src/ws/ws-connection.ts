import { type SparkConnection, SparkConnectionError } from '@xinghuo/core';
import { AsyncQueue } from '@xinghuo/core/transport';
import type WebSocket from 'ws';

/** What {@link wrapWebSocket} needs besides the socket. */
export interface WrapWebSocketOptions {
  /** Host for error messages (never the signed URL). */
  host: string;
  /** Grace period for the closing handshake before the socket is destroyed. */
  closeTimeoutMs: number;
}

function frameToText(data: WebSocket.RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

/**
 * Adapts an open `ws` socket to {@link SparkConnection}. Frames are buffered from the moment the
 * socket opened; `messages()` ends when the socket closes, however it closes, and throws a
 * {@link SparkConnectionError} if the socket failed.
 */
export function wrapWebSocket(socket: WebSocket, options: WrapWebSocketOptions): SparkConnection {
  return new WsConnection(socket, options);
}

/**
 * One open socket as a {@link SparkConnection}. A class, so its methods are shared: it lives as long
 * as the answer streams, and only its three socket listeners are closures of its own.
 */
class WsConnection implements SparkConnection {
  readonly #socket: WebSocket;
  readonly #host: string;
  readonly #closeTimeoutMs: number;
  readonly #queue = new AsyncQueue<string>();
  #terminateTimer: NodeJS.Timeout | undefined;

  constructor(socket: WebSocket, options: WrapWebSocketOptions) {
    this.#socket = socket;
    this.#host = options.host;
    this.#closeTimeoutMs = options.closeTimeoutMs;
    // The listeners reach everything through `this`: their shared context holds nothing else.
    socket.on('message', (data) => this.#queue.push(frameToText(data)));
    socket.on('error', (error: Error & { code?: string }) => {
      this.#queue.fail(
        new SparkConnectionError(`The WebSocket to ${this.#host} failed (${error.code ?? error.message}).`, {
          cause: error,
        }),
      );
    });
    socket.once('close', () => {
      clearTimeout(this.#terminateTimer);
      this.#queue.end();
    });
  }

  send(text: string): void {
    const socket = this.#socket;
    if (socket.readyState !== socket.OPEN) {
      throw new SparkConnectionError(`The WebSocket to ${this.#host} is no longer open.`);
    }
    socket.send(text);
  }

  messages(): AsyncQueue<string> {
    return this.#queue;
  }

  close(code = 1000, reason?: string): void {
    const socket = this.#socket;
    if (socket.readyState === socket.CLOSED || this.#terminateTimer) return;
    try {
      socket.close(code, reason);
    } catch {
      // An invalid close code or an over-long reason: no polite close then.
      socket.terminate();
      return;
    }
    // A peer that never answers the close frame must not keep the socket (and the process) alive.
    const timer = setTimeout(() => socket.terminate(), this.#closeTimeoutMs);
    timer.unref();
    this.#terminateTimer = timer;
  }
}

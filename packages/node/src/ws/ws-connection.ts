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
  const queue = new AsyncQueue<string>();
  let terminateTimer: NodeJS.Timeout | undefined;

  socket.on('message', (data) => queue.push(frameToText(data)));
  socket.on('error', (error: Error & { code?: string }) => {
    queue.fail(
      new SparkConnectionError(`The WebSocket to ${options.host} failed (${error.code ?? error.message}).`, {
        cause: error,
      }),
    );
  });
  socket.once('close', () => {
    clearTimeout(terminateTimer);
    queue.end();
  });

  return {
    send(text) {
      if (socket.readyState !== socket.OPEN) {
        throw new SparkConnectionError(`The WebSocket to ${options.host} is no longer open.`);
      }
      socket.send(text);
    },
    messages() {
      return queue;
    },
    close(code = 1000, reason) {
      if (socket.readyState === socket.CLOSED || terminateTimer) return;
      try {
        socket.close(code, reason);
      } catch {
        // An invalid close code or an over-long reason: no polite close then.
        socket.terminate();
        return;
      }
      // A peer that never answers the close frame must not keep the socket (and the process) alive.
      terminateTimer = setTimeout(() => socket.terminate(), options.closeTimeoutMs);
      terminateTimer.unref();
    },
  };
}

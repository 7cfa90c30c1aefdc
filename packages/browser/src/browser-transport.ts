import {
  SparkAbortError,
  SparkConfigError,
  type SparkConnection,
  SparkConnectionError,
  type SparkError,
  SparkProtocolError,
  type SparkTransport,
} from '@xinghuo/core/portable';
import { AsyncQueue, onAbort } from '@xinghuo/core/transport';
import { decodeMessageData } from './decode-message-data';
import type { WebSocketConstructorLike, WebSocketLike } from './websocket-like';

/** Options of {@link createBrowserTransport}. */
export interface BrowserTransportOptions {
  /**
   * The `WebSocket` constructor to use. Defaults to the global `WebSocket`, looked up on every
   * connection (so test tools that replace it, like msw, are honoured). Pass one where there is no
   * global, e.g. `ws`'s `WebSocket` on Node 20.
   */
  WebSocket?: WebSocketConstructorLike | undefined;
}

/**
 * Creates a {@link SparkTransport} over the WHATWG `WebSocket`: browsers, web workers, Deno, Bun,
 * Cloudflare Workers and Node ≥ 22. Uses no `window`, no `Buffer` and no Node built-ins.
 *
 * A browser sees a refused handshake only as an `error` event followed by close code 1006, without
 * the HTTP status or body; such a failure rejects with a {@link SparkConnectionError} naming the
 * likely causes (signature, clock, origin).
 *
 * @example
 * ```ts
 * import { createBrowserTransport } from '@xinghuo/browser';
 * import { WebSocket } from 'ws';
 *
 * const transport = createBrowserTransport({ WebSocket }); // on a runtime without a global WebSocket
 * ```
 */
export function createBrowserTransport(options: BrowserTransportOptions = {}): SparkTransport {
  return (url, { signal } = {}) => {
    const WebSocketClass = options.WebSocket ?? globalWebSocket();
    if (!WebSocketClass) {
      return Promise.reject(
        new SparkConfigError('This runtime has no global WebSocket: pass { WebSocket } (e.g. from ws).'),
      );
    }
    return openConnection(url, WebSocketClass, signal);
  };
}

function globalWebSocket(): WebSocketConstructorLike | undefined {
  return (globalThis as { WebSocket?: WebSocketConstructorLike }).WebSocket;
}

function openConnection(
  url: string,
  WebSocketClass: WebSocketConstructorLike,
  signal: AbortSignal | undefined,
): Promise<SparkConnection> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new SparkAbortError());
    let socket: WebSocketLike;
    try {
      socket = new WebSocketClass(url);
    } catch (error) {
      // The platform's message may quote the signed URL, so only its name is kept.
      const name = error instanceof Error ? error.name : 'Error';
      return reject(new SparkConnectionError(`The WebSocket could not be created (${name}).`));
    }
    socket.binaryType = 'arraybuffer';

    const frames = new AsyncQueue<string>();
    let opened = false;
    let failedAfterOpen = false;
    // Frames, and the end, are delivered in arrival order. A string frame (what Spark sends) is pushed
    // at once: no promise per frame. Binary data is decoded asynchronously (a Blob's `text()`), so
    // while such a frame is being decoded, whatever arrives after it waits its turn in a promise chain.
    let arrival = Promise.resolve();
    let pending = 0; // asynchronous steps not yet done: while there are any, steps queue behind them
    const track = (step: Promise<void>) => {
      pending += 1;
      arrival = step.then(
        () => {
          pending -= 1;
        },
        (error: unknown) => {
          pending -= 1;
          frames.fail(
            new SparkProtocolError('A WebSocket frame could not be read as text.', { cause: error }),
          );
        },
      );
    };
    const inOrder = (step: () => Promise<void> | void) => {
      if (pending > 0) {
        track(arrival.then(step));
        return;
      }
      const started = step();
      if (started) track(started);
    };
    const finish = (failure?: SparkError) => {
      stopListening();
      if (!opened) reject(failure ?? handshakeError());
      inOrder(() => (failure ? frames.fail(failure) : frames.end()));
    };
    const stopListening = onAbort(signal, () => {
      closeSocket(socket);
      finish(new SparkAbortError());
    });

    socket.addEventListener('open', () => {
      opened = true;
      resolve({
        send(text) {
          if (socket.readyState !== 1) throw new SparkConnectionError('The WebSocket is no longer open.');
          socket.send(text);
        },
        messages: () => frames,
        close(code, reason) {
          closeSocket(socket, code, reason);
          stopListening();
          // Ends reading now rather than when the platform gets round to the close event.
          frames.end();
        },
      });
    });
    socket.addEventListener('message', (event) => {
      const data = event.data;
      if (typeof data === 'string') {
        inOrder(() => frames.push(data));
        return;
      }
      inOrder(async () => {
        const text = await decodeMessageData(data);
        if (text === undefined) throw new TypeError(`unsupported message data (${typeof data})`);
        frames.push(text);
      });
    });
    // Kept for the socket's whole life: `ws` throws an `error` event that has no listener.
    socket.addEventListener('error', () => {
      if (opened) failedAfterOpen = true;
      else finish();
    });
    socket.addEventListener('close', (event) => {
      finish(
        failedAfterOpen
          ? new SparkConnectionError(`The WebSocket failed and closed (code ${event.code ?? 'unknown'}).`)
          : undefined,
      );
    });
  });
}

/**
 * A page sees a refused handshake only as an `error` event and close code 1006, without status or body,
 * so the error can only name the likely causes.
 */
function handshakeError(): SparkError {
  return new SparkConnectionError(
    'The WebSocket handshake failed (no details in browsers): check the signed URL, clock and page origin.',
  );
}

function closeSocket(socket: WebSocketLike, code = 1000, reason = ''): void {
  if (socket.readyState === 2 || socket.readyState === 3) return;
  const allowedCode = code === 1000 || (code >= 3000 && code <= 4999) ? code : 1000;
  const allowedReason = new TextEncoder().encode(reason).length <= 123 ? reason : '';
  try {
    socket.close(allowedCode, allowedReason);
  } catch {
    // Closing is best effort: the socket is being discarded either way.
  }
}

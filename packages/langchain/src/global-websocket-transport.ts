/**
 * A minimal transport over a WHATWG `WebSocket` constructor (browsers, Deno, Bun, workers, Node ≥ 22).
 *
 * It exists so `new ChatSpark({ appId, apiKey, apiSecret })` works where the runtime has a WebSocket.
 * For production prefer a platform package: `@xinghuo/node` (handshake status and body, proxies) or
 * `@xinghuo/browser` (no secret in the page). A browser WebSocket cannot see why a handshake was
 * refused, so a refusal surfaces as `SparkConnectionError`.
 */
import {
  SparkAbortError,
  type SparkConnection,
  SparkConnectionError,
  type SparkTransport,
} from '@xinghuo/core';

/** The part of the WHATWG WebSocket this transport uses. */
export interface WebSocketLike {
  binaryType: string;
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(
    type: 'open' | 'message' | 'error' | 'close',
    listener: (event: { data?: unknown }) => void,
  ): void;
}

/** A WHATWG `WebSocket` constructor. */
export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** The runtime's global `WebSocket`, when it has one. */
export function globalWebSocket(): WebSocketConstructor | undefined {
  const candidate = (globalThis as { WebSocket?: unknown }).WebSocket;
  return typeof candidate === 'function' ? (candidate as WebSocketConstructor) : undefined;
}

const decoder = new TextDecoder();

function frameText(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return decoder.decode(new Uint8Array(data));
  if (ArrayBuffer.isView(data)) return decoder.decode(data as Uint8Array);
  return String(data);
}

function connection(socket: WebSocketLike): SparkConnection {
  const queue: string[] = [];
  let closed = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  socket.addEventListener('message', (event) => {
    queue.push(frameText(event.data));
    notify();
  });
  socket.addEventListener('error', () => {
    failure ??= new SparkConnectionError('The WebSocket failed.');
    notify();
  });
  socket.addEventListener('close', () => {
    closed = true;
    notify();
  });
  return {
    send: (text) => socket.send(text),
    close: (code = 1000, reason) => {
      if (socket.readyState < 2) socket.close(code, reason);
    },
    async *messages() {
      while (true) {
        const next = queue.shift();
        if (next !== undefined) yield next;
        else if (failure && !closed) throw failure;
        else if (closed) return;
        else await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}

/**
 * Creates a transport over a WebSocket constructor (default: the global one).
 *
 * @example
 * ```ts
 * const transport = createWebSocketTransport(WebSocket);
 * ```
 */
export function createWebSocketTransport(WebSocketClass: WebSocketConstructor): SparkTransport {
  return (url, { signal }) =>
    new Promise<SparkConnection>((resolve, reject) => {
      if (signal?.aborted) return reject(new SparkAbortError('The request was aborted before connecting.'));
      const socket = new WebSocketClass(url);
      socket.binaryType = 'arraybuffer';
      const onAbort = () => {
        socket.close(1000, 'aborted');
        reject(new SparkAbortError('The request was aborted while connecting.'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      socket.addEventListener('open', () => {
        signal?.removeEventListener('abort', onAbort);
        resolve(connection(socket));
      });
      socket.addEventListener('error', () => {
        signal?.removeEventListener('abort', onAbort);
        // The message never names the URL: it carries the signed authorization.
        reject(
          new SparkConnectionError(
            'The WebSocket could not be opened (the handshake failed or was refused).',
          ),
        );
      });
    });
}

/**
 * The two real transports of the fault matrix, wrapped so a test can see every socket the client
 * opened and every URL it signed.
 */

import { createBrowserTransport } from '@xinghuo/browser';
import type { SparkConnection, SparkTransport } from '@xinghuo/core';
import { createWsTransport } from '@xinghuo/node';
import WebSocket from 'ws';

/** A transport plus what it saw. */
export interface TrackedTransport {
  name: 'node' | 'browser';
  transport: SparkTransport;
  /** Every URL dialled (signed), in order. */
  readonly urls: string[];
  /** Client-side sockets not yet fully closed. */
  openSockets(): number;
}

/**
 * Wraps a transport: a connection counts as open until the client calls `close()` on it or its
 * `messages()` ends.
 */
function trackConnections(transport: SparkTransport, urls: string[], live: Set<object>): SparkTransport {
  return async (url, options) => {
    urls.push(url);
    const connection = await transport(url, options);
    const token = {};
    live.add(token);
    const tracked: SparkConnection = {
      send: (text) => connection.send(text),
      messages: () =>
        (async function* () {
          try {
            yield* connection.messages();
          } finally {
            live.delete(token);
          }
        })(),
      close: (code, reason) => {
        live.delete(token);
        connection.close(code, reason);
      },
    };
    return tracked;
  };
}

/** `@xinghuo/node`'s `ws` transport. */
export function trackedNodeTransport(): TrackedTransport {
  const urls: string[] = [];
  const live = new Set<object>();
  return {
    name: 'node',
    transport: trackConnections(
      createWsTransport({ handshakeTimeoutMs: 10_000, closeTimeoutMs: 500 }),
      urls,
      live,
    ),
    urls,
    openSockets: () => live.size,
  };
}

/**
 * `@xinghuo/browser`'s WHATWG transport with `ws`'s constructor injected. Here the sockets themselves
 * are visible, so "open" means a `WebSocket` whose `readyState` is not yet CLOSED.
 */
export function trackedBrowserTransport(): TrackedTransport {
  const urls: string[] = [];
  const sockets: WebSocket[] = [];
  class TrackedWebSocket extends WebSocket {
    constructor(url: string) {
      super(url);
      sockets.push(this);
    }
  }
  const live = new Set<object>();
  return {
    name: 'browser',
    transport: trackConnections(createBrowserTransport({ WebSocket: TrackedWebSocket }), urls, live),
    urls,
    openSockets: () => live.size + sockets.filter((socket) => socket.readyState !== WebSocket.CLOSED).length,
  };
}

/**
 * The real transports of the fault matrix (the Node and browser WebSocket transports, and the HTTP
 * protocol's `fetch`), wrapped so a test can see every socket the client opened and every URL it
 * signed or requested.
 */

import { createBrowserTransport } from '@xinghuo/browser';
import type { SparkConnection, SparkFetch, SparkTransport } from '@xinghuo/core';
import { createWsTransport } from '@xinghuo/node';
import WebSocket from 'ws';
import { observeFetch } from './observed-response';

/** A transport plus what it saw. */
export interface TrackedTransport {
  name: 'node' | 'browser' | 'http';
  /** The client options that send every exchange through the tracked transport. */
  clientOptions: { transport: SparkTransport } | { protocol: 'http'; fetch: SparkFetch };
  /** Every URL dialled (signed) or requested, in order. */
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
    clientOptions: {
      transport: trackConnections(
        createWsTransport({ handshakeTimeoutMs: 10_000, closeTimeoutMs: 500 }),
        urls,
        live,
      ),
    },
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
    clientOptions: {
      transport: trackConnections(createBrowserTransport({ WebSocket: TrackedWebSocket }), urls, live),
    },
    urls,
    openSockets: () => live.size + sockets.filter((socket) => socket.readyState !== WebSocket.CLOSED).length,
  };
}

/**
 * The HTTP protocol's `fetch` (the global one unless `inner` is given, e.g. `@xinghuo/node`'s
 * `createNodeFetch()`), wrapped so a test sees every URL requested and every response body not yet
 * finished: a request counts as open until its body ends, errors or is cancelled, or the client
 * aborts it.
 */
export function trackedHttpFetch(
  inner: SparkFetch = (input, init) => globalThis.fetch(input, init),
): TrackedTransport {
  const urls: string[] = [];
  const tracked = observeFetch(inner, (input) => {
    urls.push(input);
    return {};
  });
  return {
    name: 'http',
    clientOptions: { protocol: 'http', fetch: tracked.fetch },
    urls,
    openSockets: tracked.openRequests,
  };
}

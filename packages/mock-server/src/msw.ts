import { type HttpHandler, type WebSocketHandler, ws } from 'msw';
import { portableHmacSha256Base64 } from './auth/hmac-portable.js';
import { engineControls, type MockSparkControls } from './controls.js';
import { type HandshakeDecision, MockSparkEngine, type MockSparkEngineOptions } from './engine.js';
import { guardedHandshake } from './guarded-handshake.js';
import { chatCompletionsHandlers } from './http/msw-http-handlers.js';
import { andThen } from './maybe-promise.js';
import type { MockSession } from './session.js';

/** Options of `createMockSparkHandler`. */
export interface MockSparkHandlerOptions extends MockSparkEngineOptions {
  /**
   * Which WebSocket URLs to intercept (an msw path or a RegExp). Default: every `ws(s)://*.xf-yun.com/…`
   * URL, so an app pointed at the real Spark endpoints is served by the mock.
   */
  url?: string | RegExp;
  /** Base used by `modelUrl()` (default `wss://spark-api.xf-yun.com`). */
  baseURL?: string;
  /**
   * Base URL of the OpenAI-compatible HTTP face the `httpHandlers` intercept (default
   * `https://spark-api-open.xf-yun.com`): `POST <httpBaseURL>/v1|/v2|/x2/chat/completions`.
   */
  httpBaseURL?: string;
}

/** The msw face of the mock: a handler to pass to `setupServer`/`setupWorker`, plus the same controls as `startMockSpark`. */
export interface MockSparkHandler extends MockSparkControls {
  /** The msw WebSocket handler. */
  readonly handler: WebSocketHandler;
  /** msw `http.post` handlers of the OpenAI-compatible face (for code that calls the global `fetch`). */
  readonly httpHandlers: readonly HttpHandler[];
  /** `handler` and `httpHandlers` together: `setupServer(...spark.handlers)` serves both protocols. */
  readonly handlers: readonly (WebSocketHandler | HttpHandler)[];
  /** Number of intercepted connections currently open. */
  openSockets(): number;
  /** The URL of a model on `baseURL`, e.g. `modelUrl('max')` → `wss://spark-api.xf-yun.com/v3.5/chat`. */
  modelUrl(model: string): string;
}

const XFYUN_URL = /^wss?:\/\/[^/?#]*xf-yun\.com(?::\d+)?\//;

/**
 * Serves the mock Spark protocol to code that uses the global `WebSocket`, through msw's `ws.link()`.
 * It runs the same engine as `startMockSpark` (signature checks, validation, answers, scenarios) and
 * works in browsers and in Node with a global `WebSocket`.
 *
 * A refused handshake cannot carry an HTTP status through a `WebSocket`, so it appears to the client
 * as in a browser: an `error` event, then a close with code 1006, and no `open`. The signature is
 * checked with a synchronous HMAC for that reason (WebCrypto only answers after msw has opened the
 * socket); an async `handshake` hook gives up that guarantee.
 *
 * @example
 * import { setupServer } from 'msw/node';
 * import { createMockSparkHandler } from '@xinghuo/mock-server/msw';
 *
 * const spark = createMockSparkHandler();
 * const server = setupServer(spark.handler);
 * server.listen();
 * spark.enqueue({ error: { code: 10013 } });
 *
 * // Both protocols: the WebSocket handler and the HTTP `fetch` handlers.
 * setupServer(...spark.handlers);
 */
export function createMockSparkHandler(options: MockSparkHandlerOptions = {}): MockSparkHandler {
  const engine = new MockSparkEngine(options, portableHmacSha256Base64);
  const link = ws.link(options.url ?? XFYUN_URL);
  const baseURL = (options.baseURL ?? 'wss://spark-api.xf-yun.com').replace(/\/$/, '');
  let open = 0;

  const handler = link.addEventListener('connection', ({ client }) => {
    open += 1;
    let session: MockSession | undefined;
    let closed = false;
    const early: string[] = [];
    client.addEventListener('message', (event) => {
      const text = typeof event.data === 'string' ? event.data : '';
      if (session === undefined) early.push(text);
      else session.receive(text);
    });
    client.addEventListener('close', () => {
      if (closed) return;
      closed = true;
      open -= 1;
      session?.handleClose();
    });

    const url = client.url;
    const apply = (decision: HandshakeDecision): void => {
      if (closed) return;
      if (!decision.accepted) {
        // What a browser reports for a refused upgrade: an error event, then an abnormal 1006 close.
        (client as { socket?: EventTarget }).socket?.dispatchEvent(new Event('error'));
        client.close(1006, `handshake refused with HTTP ${decision.rejection.status}`);
        return;
      }
      session = engine.openSession(
        {
          send: (text) => client.send(text),
          // msw delivers sent frames in a microtask but closes at once, dropping them; close after them.
          close: (code, reason) => queueMicrotask(() => client.close(code, reason)),
          // A WebSocket cannot be destroyed from the page; an abnormal 1006 close is what the client sees.
          terminate: () => queueMicrotask(() => client.close(1006, '')),
        },
        decision.context,
      );
      for (const text of early.splice(0)) session.receive(text);
    };
    // Synchronous unless a handshake hook is async, so a refusal lands before the socket opens.
    const decision = guardedHandshake(engine, {
      path: url.pathname,
      query: url.searchParams,
      host: url.host,
      url: url.href,
    });
    void andThen(decision, apply);
  });

  const httpBaseURL = (options.httpBaseURL ?? 'https://spark-api-open.xf-yun.com').replace(/\/$/, '');
  const httpHandlers = chatCompletionsHandlers(engine, httpBaseURL);
  return {
    handler,
    httpHandlers,
    handlers: [handler, ...httpHandlers],
    ...engineControls(engine, { baseURL, openSockets: () => open }),
  };
}

export type { MockSparkControls } from './controls.js';
export type { MockHandler, MockScenario } from './scenarios.js';

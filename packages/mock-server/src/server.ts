import { createServer, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { nodeHmacSha256Base64 } from './auth/hmac-node.js';
import { engineControls, type MockSparkControls } from './controls.js';
import { MockSparkEngine, type MockSparkEngineOptions } from './engine.js';
import { guardedHandshake } from './guarded-handshake.js';
import { findHttpRoute } from './http/http-routes.js';
import { serveNodeChatCompletions } from './http/node-http-face.js';
import { writeHttpRejection } from './http-rejection.js';
import { baseUrlOf, httpBaseUrlOf } from './print-env.js';
import { findRouteByPath } from './routes.js';

/** Options of `startMockSpark`. */
export interface MockSparkOptions extends MockSparkEngineOptions {
  /** Port to listen on (default 0: a free port). */
  port?: number;
  /** Interface to listen on (default `127.0.0.1`). */
  host?: string;
  /** Listen backlog; large so bursts of thousands of connections are not refused (default 4096). */
  backlog?: number;
}

/** A running mock Spark server. */
export interface MockSpark extends MockSparkControls {
  /** Base URL, e.g. `ws://127.0.0.1:54321`; append a model path or use `modelUrl()`. */
  readonly url: string;
  /**
   * The same listener's HTTP base URL, e.g. `http://127.0.0.1:54321`: append `/v1/chat/completions`,
   * `/v2/chat/completions` or `/x2/chat/completions` for the OpenAI-compatible face.
   */
  readonly httpURL: string;
  readonly port: number;
  /** Number of server-side WebSockets currently open. */
  openSockets(): number;
  /** The full URL of a model by id, alias or domain, e.g. `modelUrl('max')` → `ws://…/v3.5/chat`. */
  modelUrl(model: string): string;
  /** Terminates every connection and stops listening. */
  close(): Promise<void>;
}

/**
 * Starts a protocol-faithful mock Spark server on loopback: it verifies signed URLs like the gateway,
 * validates request frames like the service and streams deterministic answers. The same listener
 * serves the OpenAI-compatible HTTP API (`POST /v1|/v2|/x2/chat/completions`, `Bearer` credentials).
 *
 * @example
 * const mock = await startMockSpark();
 * const client = createSparkClient({ ...mock.credentials, baseURL: mock.url, transport });
 * mock.enqueue({ error: { code: 10014, afterFrames: 2 } });
 * await mock.close();
 */
export async function startMockSpark(options: MockSparkOptions = {}): Promise<MockSpark> {
  const engine = new MockSparkEngine(options, nodeHmacSha256Base64);
  const sockets = new Set<Socket>();
  const webSockets = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  webSockets.on('headers', (headers) => headers.push(`Date: ${engine.now().toUTCString()}`));

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://mock').pathname;
    if (findHttpRoute(path) !== undefined) {
      serveNodeChatCompletions(engine, request, response, path);
      return;
    }
    const known = findRouteByPath(path) !== undefined;
    response.writeHead(known ? 426 : 404, { 'Content-Type': 'application/json; charset=utf-8' });
    response.end(
      JSON.stringify({ message: known ? 'Upgrade Required' : 'no Route matched with those values' }),
    );
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A client that vanishes mid-handshake must not crash the server.
    socket.on('error', () => socket.destroy());
    void upgrade(request, socket, head);
  });

  async function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const host = request.headers.host ?? '';
    let target: URL;
    try {
      target = new URL(request.url ?? '/', `http://${host || 'mock'}`);
    } catch {
      writeHttpRejection(socket, { status: 400, body: { message: 'Bad Request' } }, engine.now());
      return;
    }
    const decision = await guardedHandshake(engine, {
      path: target.pathname,
      query: target.searchParams,
      host,
      url: `ws://${host}${request.url ?? '/'}`,
    });
    if (socket.destroyed) return;
    if (!decision.accepted) {
      writeHttpRejection(socket, decision.rejection, engine.now());
      return;
    }
    webSockets.handleUpgrade(request, socket, head, (webSocket) => {
      const session = engine.openSession(
        {
          send: (text) => webSocket.send(text),
          close: (code, reason) => webSocket.close(code, reason),
          terminate: () => webSocket.terminate(),
        },
        decision.context,
      );
      webSocket.on('message', (data) => session.receive(data.toString()));
      webSocket.on('close', () => session.handleClose());
      webSocket.on('error', () => webSocket.terminate());
    });
  }

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port ?? 0, host, backlog: options.backlog ?? 4096 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const url = baseUrlOf(host, port);
  const httpURL = httpBaseUrlOf(host, port);
  let closing: Promise<void> | undefined;

  return {
    url,
    httpURL,
    port,
    ...engineControls(engine, { baseURL: url, openSockets: () => webSockets.clients.size }),
    close() {
      closing ??= (async () => {
        // Wait for every WebSocket's own 'close' so openSockets() is 0 when close() resolves.
        const closed = [...webSockets.clients].map(
          (webSocket) => new Promise<void>((resolve) => webSocket.once('close', () => resolve())),
        );
        for (const webSocket of webSockets.clients) webSocket.terminate();
        for (const socket of sockets) socket.destroy();
        webSockets.close();
        await Promise.all([...closed, new Promise<void>((resolve) => server.close(() => resolve()))]);
      })();
      return closing;
    },
  };
}

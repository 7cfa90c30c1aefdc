import { createServer, Agent as HttpAgent, type IncomingMessage, type Server } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { AddressInfo } from 'node:net';
import {
  SparkAbortError,
  SparkAuthError,
  SparkClockSkewError,
  SparkConfigError,
  SparkConnectionError,
  SparkError,
  SparkTimeoutError,
} from '@xinghuo/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type WebSocket as ServerSocket, WebSocketServer } from 'ws';
import { createWsTransport } from '../src/ws/ws-transport';
import {
  eventually,
  type RawServer,
  SELF_SIGNED,
  startRawServer,
  startTlsWebSocketServer,
} from './loopback-servers';

const SIGNED_QUERY = '?authorization=YXBpX2tleT0iYWJjIiwgc2lnbmF0dXJlPSJ4eXoi&date=now&host=127.0.0.1';

interface EchoServer {
  url: string;
  wss: WebSocketServer;
  http: Server;
  connections: Set<ServerSocket>;
  close(): Promise<void>;
}

/** A ws server that runs `onConnection` per socket, or refuses upgrades with a scripted response. */
async function startWsServer(
  onConnection: (socket: ServerSocket, request: IncomingMessage) => void,
  refuse?: { status: number; body: string; date?: string },
): Promise<EchoServer> {
  const http = createServer();
  const wss = new WebSocketServer({ noServer: true });
  const connections = new Set<ServerSocket>();
  http.on('upgrade', (request, socket, head) => {
    if (refuse) {
      socket.end(
        `HTTP/1.1 ${refuse.status} Refused\r\nContent-Type: application/json\r\n` +
          `Date: ${refuse.date ?? new Date().toUTCString()}\r\nContent-Length: ${Buffer.byteLength(refuse.body)}\r\n\r\n${refuse.body}`,
      );
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      connections.add(ws);
      ws.on('close', () => connections.delete(ws));
      onConnection(ws, request);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/v1.1/chat${SIGNED_QUERY}`,
    wss,
    http,
    connections,
    close: async () => {
      for (const ws of connections) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

async function collect(iterable: AsyncIterable<string>): Promise<string[]> {
  const items: string[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

async function rejection(promise: Promise<unknown>): Promise<SparkError> {
  try {
    await promise;
  } catch (error) {
    expect(SparkError.isInstance(error)).toBe(true);
    return error as SparkError;
  }
  throw new Error('expected a rejection');
}

function expectNoSecret(error: SparkError) {
  const text = `${error.message} ${error.toString()} ${JSON.stringify(error)}`;
  expect(text).not.toContain('YXBpX2tleT0i');
  expect(text).not.toContain('authorization=');
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function wsServer(...args: Parameters<typeof startWsServer>) {
  const server = await startWsServer(...args);
  cleanups.push(server.close);
  return server;
}

async function rawServer(mode: 'silent' | 'deaf-websocket'): Promise<RawServer> {
  const server = await startRawServer(mode);
  cleanups.push(server.close);
  return server;
}

describe('createWsTransport', () => {
  it('delivers every frame in order, including frames sent before iteration, and ends on close', async () => {
    const server = await wsServer((socket) => {
      socket.on('message', (data) => {
        socket.send(`echo:${data.toString()}`);
        for (let index = 0; index < 50; index += 1) socket.send(`frame-${index}`);
        socket.send(Buffer.from('二进制', 'utf8'), { binary: true });
        socket.close(1000);
      });
      socket.send('hello');
    });
    const connection = await createWsTransport()(server.url, {});
    connection.send('request');
    const frames = await collect(connection.messages());
    expect(frames).toEqual([
      'hello',
      'echo:request',
      ...Array.from({ length: 50 }, (_, i) => `frame-${i}`),
      '二进制',
    ]);
    expect(await eventually(() => server.connections.size === 0)).toBe(true);
  });

  it('ends messages() when the server drops the socket without a close frame', async () => {
    let drop = () => {};
    const server = await wsServer((socket) => {
      drop = () => socket.terminate();
      socket.send('partial');
    });
    const connection = await createWsTransport()(server.url, {});
    // The server drops the connection once the client holds the frame, so the frame cannot go down with it.
    const frames: string[] = [];
    for await (const frame of connection.messages()) {
      frames.push(frame);
      drop();
    }
    expect(frames).toEqual(['partial']);
  });

  it('reports a 401 refusal with its status and body, without the signed URL', async () => {
    const server = await wsServer(() => {}, {
      status: 401,
      body: '{"message":"HMAC signature does not match"}',
    });
    const error = await rejection(createWsTransport()(server.url, {}));
    expect(error).toBeInstanceOf(SparkAuthError);
    expect(error.status).toBe(401);
    expect(error.message).toContain('HMAC signature does not match');
    expectNoSecret(error);
  });

  it("reports a 403 refusal as clock skew with the server's Date header", async () => {
    const date = 'Fri, 05 May 2023 10:43:39 GMT';
    const server = await wsServer(() => {}, {
      status: 403,
      body: '{"message":"HMAC signature cannot be verified, a valid date or x-date header is required for HMAC Authentication"}',
      date,
    });
    const error = await rejection(createWsTransport()(server.url, {}));
    expect(error).toBeInstanceOf(SparkClockSkewError);
    expect((error as SparkClockSkewError).serverDate).toBe(date);
    expectNoSecret(error);
  });

  it('rejects with SparkConnectionError when nothing listens, without the signed URL', async () => {
    const server = await rawServer('silent');
    const { port } = server;
    await server.close();
    const error = await rejection(createWsTransport()(`ws://127.0.0.1:${port}/v1.1/chat${SIGNED_QUERY}`, {}));
    expect(error).toBeInstanceOf(SparkConnectionError);
    expect(error.message).toContain('ECONNREFUSED');
    expectNoSecret(error);
  });

  it('rejects an invalid URL with SparkConfigError that does not quote it', async () => {
    const error = await rejection(createWsTransport()(`http://[bad${SIGNED_QUERY}`, {}));
    expect(error).toBeInstanceOf(SparkConfigError);
    expectNoSecret(error);
  });

  it('rejects at once with SparkAbortError when the signal is already aborted', async () => {
    const error = await rejection(
      createWsTransport()('ws://127.0.0.1:9/v1.1/chat', { signal: AbortSignal.abort() }),
    );
    expect(error).toBeInstanceOf(SparkAbortError);
    expect(error.name).toBe('AbortError');
  });

  it('aborts a handshake in progress and destroys its socket', async () => {
    const server = await rawServer('silent');
    const controller = new AbortController();
    const pending = createWsTransport()(`ws://127.0.0.1:${server.port}/v1.1/chat${SIGNED_QUERY}`, {
      signal: controller.signal,
    });
    expect(await eventually(() => server.openSockets() === 1)).toBe(true);
    controller.abort();
    expect(await rejection(pending)).toBeInstanceOf(SparkAbortError);
    expect(await eventually(() => server.openSockets() === 0)).toBe(true);
  });

  it('times out a handshake that never completes and destroys its socket', async () => {
    const server = await rawServer('silent');
    const error = await rejection(
      createWsTransport({ handshakeTimeoutMs: 100 })(
        `ws://127.0.0.1:${server.port}/v1.1/chat${SIGNED_QUERY}`,
        {},
      ),
    );
    expect(error).toBeInstanceOf(SparkTimeoutError);
    expect((error as SparkTimeoutError).phase).toBe('connect');
    expect((error as SparkTimeoutError).timeoutMs).toBe(100);
    expectNoSecret(error);
    expect(await eventually(() => server.openSockets() === 0)).toBe(true);
  });

  it('destroys the socket when the peer never answers the close frame', async () => {
    const server = await rawServer('deaf-websocket');
    const connection = await createWsTransport({ closeTimeoutMs: 50 })(`ws://127.0.0.1:${server.port}/x`, {});
    expect(server.openSockets()).toBe(1);
    const ended = collect(connection.messages());
    connection.close();
    connection.close();
    expect(await ended).toEqual([]);
    expect(await eventually(() => server.openSockets() === 0)).toBe(true);
  });

  it('fails messages() with SparkConnectionError when a frame exceeds maxPayload', async () => {
    const server = await wsServer((socket) => socket.send('x'.repeat(2048)));
    const connection = await createWsTransport({ maxPayload: 1024 })(server.url, {});
    await expect(collect(connection.messages())).rejects.toBeInstanceOf(SparkConnectionError);
    expect(await eventually(() => server.connections.size === 0)).toBe(true);
  });

  it('refuses to send after the socket closed', async () => {
    const server = await wsServer((socket) => socket.close(1000));
    const connection = await createWsTransport()(server.url, {});
    await collect(connection.messages());
    expect(() => connection.send('late')).toThrow(SparkConnectionError);
  });

  it('closes politely with code 1000 and leaves no server socket open', async () => {
    let closeCode: number | undefined;
    const server = await wsServer((socket) => {
      socket.on('close', (code) => {
        closeCode = code;
      });
    });
    const connection = await createWsTransport()(server.url, {});
    connection.close();
    await collect(connection.messages());
    expect(await eventually(() => server.connections.size === 0)).toBe(true);
    expect(closeCode).toBe(1000);
  });

  describe('TLS', () => {
    async function tlsServer(): Promise<string> {
      const server = await startTlsWebSocketServer((socket) => socket.close(1000));
      cleanups.push(server.close);
      return `${server.url}${SIGNED_QUERY}`;
    }

    it('refuses a certificate that does not verify, naming TLS, without the signed URL', async () => {
      const error = await rejection(createWsTransport()(await tlsServer(), {}));
      expect(error).toBeInstanceOf(SparkConnectionError);
      expect(error.message).toContain('did not verify');
      expectNoSecret(error);
    });

    it('refuses an agent that turns verification off', () => {
      expect(() => createWsTransport({ agent: new HttpsAgent({ rejectUnauthorized: false }) })).toThrow(
        SparkConfigError,
      );
    });

    it('connects through the given agent, e.g. one trusting a private CA', async () => {
      const connection = await createWsTransport({ agent: new HttpsAgent({ ca: SELF_SIGNED.cert }) })(
        await tlsServer(),
        {},
      );
      expect(await collect(connection.messages())).toEqual([]);
    });
  });

  it('dials through the given http agent and sends the extra headers', async () => {
    let userAgent: string | undefined;
    const server = await wsServer((socket, request) => {
      userAgent = request.headers['user-agent'];
      socket.close(1000);
    });
    const agent = new HttpAgent();
    let connections = 0;
    const createConnection = agent.createConnection.bind(agent);
    agent.createConnection = (...args: Parameters<typeof createConnection>) => {
      connections += 1;
      return createConnection(...args);
    };
    const connection = await createWsTransport({ agent, headers: { 'user-agent': 'xinghuo-test' } })(
      server.url,
      {},
    );
    await collect(connection.messages());
    expect(connections).toBe(1);
    expect(userAgent).toBe('xinghuo-test');
  });
});

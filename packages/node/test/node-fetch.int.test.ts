import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { MockSpark } from '@xinghuo/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../../../test-support/failure';
import { createNodeFetch } from '../src/http/node-fetch';
import { createSparkClient, type NodeSparkClientOptions, type SparkError } from '../src/index';
import { HELLO, startMock } from './helpers';
import { eventually } from './loopback-servers';

let mock: MockSpark;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(async () => {
  await mock.close();
});

/** A client over HTTP with the default (Node) fetch, aimed at `baseURL` (the mock unless given). */
function httpClient(overrides: NodeSparkClientOptions = {}) {
  return createSparkClient({
    env: {},
    protocol: 'http',
    apiPassword: mock.apiPassword,
    baseURL: mock.httpURL,
    defaultModel: 'lite',
    maxRetries: 0,
    ...overrides,
  });
}

/** A loopback HTTP server whose handler the test writes; it records every socket and request. */
interface LoopbackServer {
  url: string;
  sockets: Socket[];
  requests: IncomingMessage[];
  /** Resolves with the next request's response object, once its request has arrived. */
  nextRequest(): Promise<ServerResponse>;
  close(): Promise<void>;
}

async function startServer(handler?: (request: IncomingMessage, response: ServerResponse) => void) {
  const sockets: Socket[] = [];
  const requests: IncomingMessage[] = [];
  const waiting: ((response: ServerResponse) => void)[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request);
    waiting.shift()?.(response);
    handler?.(request, response);
  });
  server.on('connection', (socket) => sockets.push(socket));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const loopback: LoopbackServer = {
    url: `http://127.0.0.1:${port}`,
    sockets,
    requests,
    nextRequest: () => new Promise((resolve) => waiting.push(resolve)),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  return loopback;
}

/** The SSE head and one chunk of text, as Spark's `/v1` sends them. */
function startEventStream(response: ServerResponse, text: string): void {
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  response.write(
    `data:${JSON.stringify({ code: 0, choices: [{ delta: { role: 'assistant', content: text } }] })}\n\n`,
  );
}

describe('createNodeFetch through createSparkClient (the default over HTTP)', () => {
  it('streams a whole answer from the mock in several deltas', async () => {
    mock.enqueue({ text: '一二三四五六七八九十', chunkChars: 2 });
    const deltas: string[] = [];
    for await (const text of httpClient().stream({ messages: HELLO }).textStream) deltas.push(text);
    expect(deltas.join('')).toBe('一二三四五六七八九十');
    expect(deltas.length).toBeGreaterThan(1);
    expect(mock.requests.at(-1)?.protocol).toBe('http');
  });

  it('returns tool calls', async () => {
    mock.enqueue({ functionCall: { name: 'get_weather', arguments: { city: '合肥' } } });
    const result = await httpClient().chat({
      messages: [{ role: 'user', content: '合肥天气' }],
      functions: [
        {
          name: 'get_weather',
          description: 'Current weather of a city',
          parameters: { type: 'object', properties: { city: { type: 'string' } } },
        },
      ],
    });
    expect(result.functionCalls?.map((call) => [call.name, JSON.parse(call.arguments)])).toEqual([
      ['get_weather', { city: '合肥' }],
    ]);
  });

  it('maps 401, 429 with Retry-After and 500 to the typed errors, never naming the password', async () => {
    mock.enqueue({ reject: { status: 401, body: { message: 'Unauthorized' } } });
    const unauthorized = await failure<SparkError>(httpClient().chat({ messages: HELLO }));
    expect(unauthorized).toMatchObject({ name: 'SparkAuthError', code: 'auth_error' });

    mock.enqueue({
      reject: { status: 429, body: { message: 'slow down' }, headers: { 'retry-after': '7' } },
    });
    const limited = await failure<SparkError>(httpClient().chat({ messages: HELLO }));
    expect(limited).toMatchObject({ name: 'SparkRateLimitError', code: 'rate_limited', retryAfterMs: 7_000 });

    mock.enqueue({ reject: { status: 500, body: { message: 'boom' } } });
    const broken = await failure<SparkError>(httpClient().chat({ messages: HELLO }));
    expect(broken).toMatchObject({ name: 'SparkServerError', code: 'server_error' });

    for (const error of [unauthorized, limited, broken]) {
      expect(JSON.stringify({ message: error.message, json: error.toJSON() })).not.toContain(
        mock.apiPassword,
      );
    }
  });

  it('aborts a request whose answer never comes: the server sees its socket close', async () => {
    const server = await startServer();
    try {
      const controller = new AbortController();
      const answered = server.nextRequest();
      const chat = httpClient({ baseURL: server.url }).chat(
        { messages: HELLO },
        { signal: controller.signal },
      );
      await answered;
      const closed = once(server.sockets[0]!, 'close');
      controller.abort();
      expect(await failure<SparkError>(chat)).toMatchObject({ name: 'AbortError', code: 'aborted' });
      await closed;
    } finally {
      await server.close();
    }
  });

  it('aborts mid-body: the stream fails and the server sees its socket close', async () => {
    const server = await startServer((_request, response) => startEventStream(response, '一半'));
    try {
      const controller = new AbortController();
      const stream = httpClient({ baseURL: server.url }).stream(
        { messages: HELLO },
        { signal: controller.signal },
      );
      const reading = (async () => {
        for await (const text of stream.textStream) {
          expect(text).toBe('一半');
          controller.abort();
        }
      })();
      await expect(reading).rejects.toMatchObject({ code: 'aborted' });
      await once(server.sockets[0]!, 'close');
    } finally {
      await server.close();
    }
  });

  it('gives up on a server that never answers at the connect deadline, closing the socket', async () => {
    const server = await startServer();
    try {
      const chat = httpClient({ baseURL: server.url, timeouts: { connectMs: 300 } }).chat({
        messages: HELLO,
      });
      await server.nextRequest();
      const closed = once(server.sockets[0]!, 'close');
      expect(await failure<SparkError>(chat)).toMatchObject({
        name: 'SparkTimeoutError',
        code: 'timeout',
        phase: 'connect',
      });
      await closed;
    } finally {
      await server.close();
    }
  });

  it('reports a refused connection as fetch does ("fetch failed"), without the password', async () => {
    const server = await startServer();
    const url = server.url;
    await server.close();
    const error = await failure<SparkError>(httpClient({ baseURL: url }).chat({ messages: HELLO }));
    expect(error).toMatchObject({ name: 'SparkConnectionError', code: 'connection_error' });
    expect(error.message).toBe('The HTTP request failed: fetch failed (ECONNREFUSED)');
    expect((error.cause as { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
    expect(JSON.stringify(error.toJSON())).not.toContain(mock.apiPassword);
  });

  it('fails a stream cut mid-body as a truncated answer', async () => {
    const server = await startServer((_request, response) => startEventStream(response, '一半'));
    try {
      const stream = httpClient({ baseURL: server.url }).stream({ messages: HELLO });
      const reading = (async () => {
        // The connection is cut once the first text has arrived, so the head has surely been read.
        for await (const _text of stream.textStream) server.sockets[0]!.destroy();
      })();
      const error = await failure<SparkError>(reading);
      expect(error).toMatchObject({ name: 'SparkConnectionError', code: 'connection_error' });
      // With the network error's code when the socket reports one (a reset peer: ECONNRESET).
      expect(error.message).toMatch(/^The connection failed: terminated( \([A-Z_]+\))?$/);
    } finally {
      await server.close();
    }
  });
});

describe('createNodeFetch', () => {
  it('sends the method, headers and body, asking for an uncompressed answer', async () => {
    const server = await startServer((request, response) => {
      let body = '';
      request.setEncoding('utf8').on('data', (chunk: string) => {
        body += chunk;
      });
      request.on('end', () =>
        response.end(JSON.stringify({ method: request.method, body, headers: request.headers })),
      );
    });
    try {
      const response = await createNodeFetch()(`${server.url}/echo`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-extra': 'yes' },
        body: '{"hello":"世界"}',
      });
      const echoed = (await response.json()) as {
        method: string;
        body: string;
        headers: Record<string, string>;
      };
      expect(echoed.method).toBe('POST');
      expect(echoed.body).toBe('{"hello":"世界"}');
      expect(echoed.headers).toMatchObject({
        'content-type': 'application/json',
        'x-extra': 'yes',
        'accept-encoding': 'identity',
        'content-length': String(Buffer.byteLength('{"hello":"世界"}')),
      });
    } finally {
      await server.close();
    }
  });

  it('keeps every header, repeated ones appended, with the status and status text', async () => {
    const server = await startServer((_request, response) => {
      response.setHeader('set-cookie', ['a=1', 'b=2']);
      response.setHeader('x-repeated', ['one', 'two']);
      response.writeHead(418, 'Short and Stout');
      response.end('teapot');
    });
    try {
      const response = await createNodeFetch()(server.url, { method: 'GET' });
      expect(response.status).toBe(418);
      expect(response.statusText).toBe('Short and Stout');
      expect(response.ok).toBe(false);
      expect(response.headers.get('x-repeated')).toBe('one, two');
      expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
      expect(await response.text()).toBe('teapot');
    } finally {
      await server.close();
    }
  });

  it('reuses one kept-alive socket for sequential requests', async () => {
    const server = await startServer((_request, response) => response.end('ok'));
    try {
      const fetch = createNodeFetch();
      expect(await (await fetch(server.url, { method: 'GET' })).text()).toBe('ok');
      expect(await (await fetch(server.url, { method: 'GET' })).text()).toBe('ok');
      expect(server.requests).toHaveLength(2);
      expect(server.sockets).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('closes the socket when the reader cancels a body that has not ended', async () => {
    const server = await startServer((_request, response) => startEventStream(response, '一'));
    try {
      const response = await createNodeFetch()(server.url, { method: 'GET' });
      const reader = response.body!.getReader();
      expect((await reader.read()).done).toBe(false);
      const closed = once(server.sockets[0]!, 'close');
      await reader.cancel();
      await closed;
    } finally {
      await server.close();
    }
  });

  it('pauses the socket while nobody reads (backpressure) and resumes when read', async () => {
    const chunk = 'x'.repeat(64 * 1024);
    let written = 0;
    let blocked = false;
    const server = await startServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      // Write until the socket pushes back; a client that did not pause would take everything.
      const pump = () => {
        while (written < 400) {
          written += 1;
          if (!response.write(chunk)) {
            blocked = true;
            response.once('drain', pump);
            return;
          }
        }
        response.end();
      };
      pump();
    });
    try {
      const response = await createNodeFetch()(server.url, { method: 'GET' });
      expect(await eventually(() => blocked)).toBe(true);
      const writtenWhenBlocked = written;
      let received = 0;
      for await (const part of response.body as unknown as AsyncIterable<Uint8Array>)
        received += part.byteLength;
      expect(writtenWhenBlocked).toBeLessThan(400);
      expect(received).toBe(400 * chunk.length);
    } finally {
      await server.close();
    }
  });

  it('rejects with the reason of a signal already aborted, without connecting', async () => {
    const server = await startServer();
    try {
      const reason = new Error('stop');
      const fetched = createNodeFetch()(server.url, { method: 'GET', signal: AbortSignal.abort(reason) });
      await expect(fetched).rejects.toBe(reason);
      expect(server.sockets).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it('fails the body with the reason when the signal aborts mid-body', async () => {
    const server = await startServer((_request, response) => startEventStream(response, '一'));
    try {
      const controller = new AbortController();
      const response = await createNodeFetch()(server.url, { method: 'GET', signal: controller.signal });
      const reader = response.body!.getReader();
      await reader.read();
      const closed = once(server.sockets[0]!, 'close');
      const reason = new Error('enough');
      controller.abort(reason);
      await expect(reader.read()).rejects.toBe(reason);
      await closed;
    } finally {
      await server.close();
    }
  });

  it('rejects as fetch does ("fetch failed") for a status a Response cannot carry, closing the socket', async () => {
    const server = await startServer((_request, response) => {
      response.writeHead(600);
      response.write('odd');
    });
    try {
      const fetched = createNodeFetch()(server.url, { method: 'GET' });
      await expect(fetched).rejects.toMatchObject({ name: 'TypeError', message: 'fetch failed' });
      await once(server.sockets[0]!, 'close');
    } finally {
      await server.close();
    }
  });

  it('refuses an agent that turns certificate verification off', async () => {
    const { Agent } = await import('node:https');
    expect(() => createNodeFetch({ agent: new Agent({ rejectUnauthorized: false }) })).toThrow(
      /rejectUnauthorized: false/,
    );
  });
});

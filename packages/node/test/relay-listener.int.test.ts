import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SparkConfigError } from '@xinghuo/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeRelayHandler, createNodeRelayListener, type RelayHandlerOptions } from '../src/index';
import { type FakeUpstream, SSE_CHUNKS, startFakeUpstream, type UpstreamReply } from './relay-upstream';

const PASSWORD = 'pw-node-0123456789abcdef0123456789';
const CHAT = JSON.stringify({ model: 'lite', stream: true, messages: [{ role: 'user', content: '你好' }] });

let upstream: FakeUpstream | undefined;
let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await upstream?.close();
  server = undefined;
  upstream = undefined;
});

/** A node:http server that relays `/api/spark/*` to a fake upstream; returns its port. */
async function serveRelay(
  reply?: (index: number) => UpstreamReply,
  options: Partial<RelayHandlerOptions> = {},
) {
  upstream = await startFakeUpstream(reply);
  const relay = createNodeRelayListener(
    { public: true, upstream: upstream.url, ...options },
    { SPARK_API_PASSWORD: PASSWORD },
  );
  server = createServer((request, response) => {
    if (request.url?.startsWith('/api/spark/')) relay(request, response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** POSTs `body` over a real socket; resolves with the response as soon as its headers arrive. */
function postRaw(port: number, body: string | string[], headers: Record<string, string> = {}) {
  const outgoing = httpRequest({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/api/spark/v1/chat/completions',
    headers: { 'content-type': 'application/json', ...headers },
  });
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    outgoing.on('response', resolve);
    outgoing.on('error', reject);
  });
  for (const piece of Array.isArray(body) ? body : [body]) outgoing.write(piece);
  outgoing.end();
  return { outgoing, answered };
}

function nextData(response: IncomingMessage): Promise<string> {
  return new Promise((resolve) => response.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8'))));
}

function readAll(response: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    response.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    response.on('end', () => resolve(text));
  });
}

describe('createNodeRelayListener over node:http', () => {
  it('streams chunk by chunk with the password from the environment, the client token stripped', async () => {
    const port = await serveRelay(() => ({ chunks: SSE_CHUNKS, holdAfter: 1 }));
    const { answered } = postRaw(port, CHAT, { authorization: 'Bearer app-session' });
    const response = await answered;
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/event-stream');
    expect(await nextData(response)).toBe(SSE_CHUNKS[0]);
    upstream?.release();
    const rest = await readAll(response);
    expect(SSE_CHUNKS[0] + rest).toBe(SSE_CHUNKS.join(''));
    expect(upstream?.requests[0]?.headers.authorization).toBe(`Bearer ${PASSWORD}`);
    expect(JSON.stringify(response.headers)).not.toContain(PASSWORD);
  });

  it('cancels the upstream request when the client disconnects mid-stream', async () => {
    const port = await serveRelay(() => ({ chunks: SSE_CHUNKS, holdAfter: 1 }));
    const { outgoing, answered } = postRaw(port, CHAT);
    const response = await answered;
    await nextData(response);
    outgoing.destroy();
    expect(await upstream?.requests[0]?.closed).toEqual({ finished: false });
  });

  it('reads a chunked request body only up to the limit', async () => {
    const port = await serveRelay(undefined, { maxBodyBytes: 1024 });
    const pieces = Array.from({ length: 8 }, (_, index) =>
      index === 0 ? '{"model":"lite","x":"' : 'y'.repeat(256),
    );
    const { answered } = postRaw(port, [...pieces, '"}']);
    const response = await answered;
    expect(response.statusCode).toBe(413);
    expect(JSON.parse(await readAll(response)).error.code).toBe('payload_too_large');
    expect(upstream?.requests).toHaveLength(0);
  });

  it("relays a body above the Node adapter's default 1 MiB when the relay allows it", async () => {
    const port = await serveRelay(undefined, { maxBodyBytes: 2 * 1024 * 1024 });
    const long = JSON.stringify({
      model: 'lite',
      stream: true,
      messages: [{ role: 'user', content: '长'.repeat(500_000) }],
    });
    expect(Buffer.byteLength(long)).toBeGreaterThan(1024 * 1024);
    const { answered } = postRaw(port, long, { authorization: 'Bearer client-token' });
    const response = await answered;
    expect(response.statusCode).toBe(200);
    await readAll(response);
  });

  it('keys the rate limit by the peer address', async () => {
    const port = await serveRelay(undefined, { rateLimit: { capacity: 1, refillPerSecond: 0.001 } });
    const first = await postRaw(port, CHAT).answered;
    await readAll(first);
    const second = await postRaw(port, CHAT).answered;
    await readAll(second);
    expect([first.statusCode, second.statusCode]).toEqual([200, 429]);
    expect(second.headers['retry-after']).toBeDefined();
  });

  it('takes the key pair from the environment, and says what to set when nothing is there', async () => {
    upstream = await startFakeUpstream();
    const relay = createNodeRelayHandler(
      { public: true, upstream: upstream.url },
      { SPARK_API_KEY: 'k-env', SPARK_API_SECRET: 's-env' },
    );
    const response = await relay(
      new Request('http://localhost/v1/chat/completions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: CHAT,
      }),
    );
    await response.text();
    expect(upstream.requests[0]?.headers.authorization).toBe('Bearer k-env:s-env');
    expect(() => createNodeRelayHandler({ public: true }, {})).toThrow(SparkConfigError);
  });
});

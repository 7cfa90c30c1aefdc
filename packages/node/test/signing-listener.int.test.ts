import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MockSpark } from '@xinghuo/mock-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createNodeSigningListener, createWsTransport, type SigningHandlerOptions } from '../src/index';
import { startMock } from './helpers';

let mock: MockSpark;
let server: Server;
let origin: string;
const extraServers: Server[] = [];

/** Serves a signing listener with `options` on a loopback port; returns its port. */
async function serve(options: SigningHandlerOptions): Promise<number> {
  const listener = createNodeSigningListener(options);
  const extra = createServer((request, response) => listener(request, response));
  extraServers.push(extra);
  await new Promise<void>((resolve) => extra.listen(0, '127.0.0.1', resolve));
  return (extra.address() as AddressInfo).port;
}

/** A GET over a real socket to 127.0.0.1 with any headers, `Host` included (fetch forbids setting it). */
function rawGet(port: number, path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, path, headers }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

async function statuses(count: number, send: (index: number) => Promise<number>): Promise<number[]> {
  const results: number[] = [];
  for (let index = 0; index < count; index += 1) results.push(await send(index));
  return results;
}

beforeAll(async () => {
  mock = await startMock();
  const listener = createNodeSigningListener({
    ...mock.credentials,
    baseURL: mock.url,
    authorize: (request) => request.headers.get('authorization') === 'Bearer let-me-in',
    allowedOrigins: ['https://web.example.org'],
    rateLimit: { capacity: 3, refillPerSecond: 0.01 },
  });
  server = createServer((request, response) => {
    if (request.url?.startsWith('/api/spark/sign')) listener(request, response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await Promise.all(extraServers.splice(0).map((extra) => new Promise((resolve) => extra.close(resolve))));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await mock.close();
});

describe('createNodeSigningListener over node:http', () => {
  it('hands out a URL the gateway (mock) accepts, and refuses the unauthorized and the over-eager', async () => {
    const signed = await fetch(`${origin}/api/spark/sign?model=max`, {
      headers: { authorization: 'Bearer let-me-in', origin: 'https://web.example.org' },
    });
    expect(signed.status).toBe(200);
    expect(signed.headers.get('access-control-allow-origin')).toBe('https://web.example.org');
    const body = (await signed.json()) as { url: string; domain: string; appId: string };
    expect(body.domain).toBe('generalv3.5');
    expect(body.appId).toBe(mock.credentials.appId);

    // The signed URL opens a real WebSocket on the mock, which verifies signatures like the gateway.
    const connection = await createWsTransport()(body.url, {});
    connection.close();
    expect(mock.connections.at(-1)?.status).toBe(101);

    const anonymous = await fetch(`${origin}/api/spark/sign?model=max`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });

    // Capacity 3, one signature used above (the refusal has a budget of its own): two more pass.
    const authorized = () =>
      fetch(`${origin}/api/spark/sign?model=lite`, { headers: { authorization: 'Bearer let-me-in' } });
    expect((await authorized()).status).toBe(200);
    expect((await authorized()).status).toBe(200);
    const fourth = await authorized();
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('still signs for an authorized caller after twelve refusals from the same address', async () => {
    const port = await serve({
      ...mock.credentials,
      baseURL: mock.url,
      authorize: (request) => request.headers.get('authorization') === 'Bearer let-me-in',
      rateLimit: { capacity: 10, refillPerSecond: 0.01 },
    });
    const refused = await statuses(12, () => rawGet(port, '/sign?model=lite'));
    expect(refused).toEqual([...Array(10).fill(401), 429, 429]);
    expect(await rawGet(port, '/sign?model=lite', { authorization: 'Bearer let-me-in' })).toBe(200);
  });

  it('keys by the peer address, not by client-IP headers a caller can forge', async () => {
    const port = await serve({
      ...mock.credentials,
      public: true,
      rateLimit: { capacity: 3, refillPerSecond: 0.01 },
    });
    const forged = (index: number) =>
      rawGet(port, '/sign?model=lite', {
        'x-forwarded-for': `192.0.2.${index}`,
        'x-real-ip': `192.0.2.${index}`,
        'cf-connecting-ip': `192.0.2.${index}`,
      });
    expect(await statuses(6, forged)).toEqual([200, 200, 200, 429, 429, 429]);
  });

  it('behind a proxy that sets X-Real-IP (trustProxyHeaders), gives each client its own bucket', async () => {
    const port = await serve({
      ...mock.credentials,
      public: true,
      trustProxyHeaders: 'x-real-ip',
      rateLimit: { capacity: 2, refillPerSecond: 0.01 },
    });
    const from = (address: string) => () => rawGet(port, '/sign?model=lite', { 'x-real-ip': address });
    expect(await statuses(3, from('203.0.113.1'))).toEqual([200, 200, 429]);
    expect(await statuses(2, from('203.0.113.2'))).toEqual([200, 200]);
  });

  it('refuses a public listener reached under a rebound domain name, and serves it on loopback names', async () => {
    const port = await serve({ ...mock.credentials, baseURL: mock.url, public: true });
    expect(await rawGet(port, '/sign?model=lite', { host: `rebind.attacker.test:${port}` })).toBe(403);
    expect(await rawGet(port, '/sign?model=lite', { host: 'evil.com', origin: 'http://evil.com' })).toBe(403);
    expect(await rawGet(port, '/sign?model=lite', { host: `localhost:${port}` })).toBe(200);
    expect(await rawGet(port, '/sign?model=lite')).toBe(200);
  });
});

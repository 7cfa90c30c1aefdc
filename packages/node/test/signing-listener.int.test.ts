import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MockSpark } from '@xinghuo/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeSigningListener, createWsTransport } from '../src/index';
import { startMock } from './helpers';

let mock: MockSpark;
let server: Server;
let origin: string;

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

    // Capacity 3, one used above, one by the anonymous call: the third passes, the fourth is limited.
    const third = await fetch(`${origin}/api/spark/sign?model=lite`, {
      headers: { authorization: 'Bearer let-me-in' },
    });
    expect(third.status).toBe(200);
    const fourth = await fetch(`${origin}/api/spark/sign?model=lite`, {
      headers: { authorization: 'Bearer let-me-in' },
    });
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

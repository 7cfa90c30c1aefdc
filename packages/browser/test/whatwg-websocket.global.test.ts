/**
 * The default transport over a real WHATWG WebSocket implementation (Node's global one, undici's,
 * enabled for this test project) against the mock Spark server on loopback. Like a browser, it
 * cannot see why a handshake was refused.
 */

import { withBaseURL } from '@xinghuo/core/transport';
import { type MockSpark, startMockSpark } from '@xinghuo/mock-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSparkClient, type SignUrlRequest, SparkConnectionError, signUrl } from '../src/index';

let mock: MockSpark;

beforeAll(async () => {
  expect(typeof globalThis.WebSocket).toBe('function');
  mock = await startMockSpark();
});
afterEach(() => mock.reset());
afterAll(async () => {
  await mock.close();
});

function client() {
  return createSparkClient({
    appId: mock.credentials.appId,
    signUrl: ({ url }: SignUrlRequest) =>
      signUrl(withBaseURL(url, mock.url), mock.credentials, { date: new Date() }),
    maxRetries: 0,
  });
}

const messages = [{ role: 'user' as const, content: '你好' }];

describe('browser client over the global WHATWG WebSocket', () => {
  it('streams an answer from the mock server', async () => {
    mock.enqueue({ text: '全局 WebSocket 的回答。', chunkChars: 3 });
    const deltas: string[] = [];
    const stream = client().stream({ model: 'generalv3', messages });
    for await (const text of stream.textStream) deltas.push(text);
    expect(deltas.length).toBeGreaterThan(1);
    expect((await stream.finalResult()).text).toBe('全局 WebSocket 的回答。');
  });

  it('reports an HTTP 401 handshake as a status-less SparkConnectionError naming the likely causes', async () => {
    mock.enqueue({ reject: { status: 401, body: { message: 'HMAC signature does not match' } } });
    const error = await client()
      .chat({ model: 'lite', messages })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SparkConnectionError);
    expect((error as SparkConnectionError).status).toBeUndefined();
    expect((error as Error).message).toMatch(/handshake failed.*signed URL.*clock.*origin/s);
    expect(mock.connections.map((connection) => connection.status)).toEqual([401]);
  });
});

/**
 * The browser client end to end on Node: the real mock Spark server on loopback, `ws` injected as the
 * WebSocket constructor, and a signUrl provider standing in for the app's signing endpoint.
 */

import { withBaseURL } from '@xinghuo/core/transport';
import { type MockSpark, startMockSpark } from '@xinghuo/mock-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createSparkClient } from '../src/create-spark-client';
import { type SignUrlRequest, SparkAbortError, SparkConnectionError, signUrl } from '../src/index';
import { abortAfterFirstDelta } from './abort-mid-stream';

let mock: MockSpark;
const signRequests: SignUrlRequest[] = [];

beforeAll(async () => {
  mock = await startMockSpark();
});
afterEach(() => {
  mock.reset();
  signRequests.length = 0;
});
afterAll(async () => {
  await mock.close();
});

/** What a signing endpoint does on the server: the secret stays in this function. */
async function serverSideSign(request: SignUrlRequest): Promise<string> {
  signRequests.push(request);
  const { apiKey, apiSecret } = mock.credentials;
  return signUrl(withBaseURL(request.url, mock.url), { apiKey, apiSecret }, { date: new Date() });
}

function client(maxRetries = 0) {
  return createSparkClient({
    appId: mock.credentials.appId,
    signUrl: serverSideSign,
    WebSocket,
    maxRetries,
    retryDelay: { baseDelayMs: 1, maxDelayMs: 5 },
  });
}

const messages = [{ role: 'user' as const, content: '你好' }];

describe('browser client against the mock Spark server', () => {
  it('streams text deltas and resolves the final result with the whole text', async () => {
    const text = '星火回答：流式文本，一帧一帧地到达。';
    mock.enqueue({ text, chunkChars: 4 });
    const stream = client().stream({ model: 'lite', messages });
    const deltas: string[] = [];
    for await (const delta of stream.textStream) deltas.push(delta);
    const result = await stream.finalResult();
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(text);
    expect(result.text).toBe(text);
    expect(result.model).toBe('lite');
    expect(result.usage.totalTokens).toBeGreaterThan(0);
    expect(mock.requests).toHaveLength(1);
  });

  it('aborts mid-stream: rejects with SparkAbortError and closes the socket', async () => {
    mock.enqueue({ text: '慢慢地流出来的很长的回答。'.repeat(10), chunkChars: 2, latencyMs: 30 });
    const { received, reading } = await abortAfterFirstDelta(client(), { model: 'lite', messages });
    await expect(reading).rejects.toBeInstanceOf(SparkAbortError);
    expect(received.length).toBeGreaterThan(0);
    await expect.poll(() => mock.openSockets(), { timeout: 5_000 }).toBe(0);
  });

  it('reports a refused handshake as a SparkConnectionError naming the likely causes', async () => {
    mock.enqueue({ reject: { status: 401, body: { message: 'HMAC signature does not match' } } });
    const error = await client()
      .chat({ model: 'lite', messages })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SparkConnectionError);
    expect((error as Error).message).toMatch(/handshake.*sign.*clock.*origin/is);
    expect(mock.connections.at(-1)?.status).toBe(401);
  });

  it('calls signUrl afresh for every attempt', async () => {
    const rejection = { status: 401, body: { message: 'HMAC signature does not match' } };
    mock.enqueue({ reject: rejection }, { reject: rejection }, { text: 'third time lucky' });
    const result = await client(2).chat({ model: 'max', messages });
    expect(result.text).toBe('third time lucky');
    expect(signRequests.map((request) => request.attempt)).toEqual([1, 2, 3]);
    expect(signRequests.every((request) => request.model.id === 'generalv3.5')).toBe(true);
  });
});

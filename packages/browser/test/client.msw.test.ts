/**
 * The browser client through msw, the way an app's own tests would run it: the global `WebSocket`
 * (Node's WHATWG one, enabled for this test project) is intercepted by msw and served by the mock
 * Spark engine of `@xinghuo/mock-server/msw`. Nothing is injected and no port is opened.
 */
import { createMockSparkHandler } from '@xinghuo/mock-server/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createSparkClient,
  type SignUrlRequest,
  SparkAbortError,
  SparkConfigError,
  SparkConnectionError,
  type SparkStreamEvent,
  signUrl,
} from '../src/index';

const spark = createMockSparkHandler();
const server = setupServer(spark.handler);
const signRequests: SignUrlRequest[] = [];

beforeAll(() => {
  expect(typeof globalThis.WebSocket).toBe('function');
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  spark.reset();
  signRequests.length = 0;
});
afterAll(() => {
  server.close();
});

/** Stands in for the app's signing endpoint: the secret is used here, never in the client. */
async function serverSideSign(request: SignUrlRequest): Promise<string> {
  signRequests.push(request);
  const { apiKey, apiSecret } = spark.credentials;
  return signUrl(request.url, { apiKey, apiSecret }, { date: request.date });
}

function client(maxRetries = 0) {
  return createSparkClient({
    appId: spark.credentials.appId,
    signUrl: serverSideSign,
    maxRetries,
    retryDelay: { baseDelayMs: 1, maxDelayMs: 5 },
  });
}

const messages = [{ role: 'user' as const, content: '你好，星火' }];

describe('browser client through the msw handler of @xinghuo/mock-server', () => {
  it('streams text deltas, then usage, then the end event with the whole text', async () => {
    const text = '这是通过 msw 拦截的流式回答。';
    spark.enqueue({ text, chunkChars: 3 });
    const events: SparkStreamEvent[] = [];
    for await (const event of client().stream({ model: 'max', messages })) events.push(event);
    const deltas = events.filter((event) => event.type === 'text-delta');
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.map((event) => event.text).join('')).toBe(text);
    expect(events.at(-1)?.type).toBe('end');
    expect(events.some((event) => event.type === 'usage')).toBe(true);
    const end = events.at(-1) as Extract<SparkStreamEvent, { type: 'end' }>;
    expect(end.result.text).toBe(text);
    expect(spark.requests).toHaveLength(1);
  });

  it('resolves chat() with the final text, including the last frame', async () => {
    spark.enqueue({ text: '最后一帧的文字也不会丢。', chunkChars: 5 });
    const result = await client().chat({ model: 'lite', messages });
    expect(result.text).toBe('最后一帧的文字也不会丢。');
    expect(result.model).toBe('lite');
    expect(result.sid).not.toBe('');
  });

  it('aborts mid-stream with SparkAbortError and closes the socket', async () => {
    spark.enqueue({ text: '一个慢慢流出来的很长很长的回答。'.repeat(8), chunkChars: 2, latencyMs: 20 });
    const controller = new AbortController();
    const stream = client().stream({ model: 'lite', messages }, { signal: controller.signal });
    let received = '';
    await expect(
      (async () => {
        for await (const text of stream.textStream) {
          received += text;
          if (received.length >= 4) controller.abort();
        }
      })(),
    ).rejects.toBeInstanceOf(SparkAbortError);
    expect(received.length).toBeGreaterThanOrEqual(4);
    await expect.poll(() => spark.openSockets(), { timeout: 5_000 }).toBe(0);
  });

  it('reports a refused handshake as a SparkConnectionError', async () => {
    spark.enqueue({ reject: { status: 401, body: { message: 'HMAC signature does not match' } } });
    const error = await client()
      .chat({ model: 'lite', messages })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SparkConnectionError);
    expect(spark.connections.map((connection) => connection.status)).toEqual([401]);
  });

  it('calls the signUrl provider afresh for every attempt', async () => {
    const rejection = { status: 401, body: { message: 'HMAC signature does not match' } };
    spark.enqueue({ reject: rejection }, { reject: rejection }, { text: '第三次成功。' });
    const result = await client(2).chat({ model: 'max', messages });
    expect(result.text).toBe('第三次成功。');
    expect(signRequests.map((request) => request.attempt)).toEqual([1, 2, 3]);
    expect(spark.connections.map((connection) => connection.status)).toEqual([401, 401, 101]);
  });

  it('refuses apiSecret unless dangerouslyAllowBrowser is set, and then signs in place', async () => {
    const { appId, apiKey, apiSecret } = spark.credentials;
    expect(() => createSparkClient({ appId, apiKey, apiSecret })).toThrow(SparkConfigError);
    spark.enqueue({ text: '在可信环境中直接签名。' });
    const trusted = createSparkClient({
      appId,
      apiKey,
      apiSecret,
      dangerouslyAllowBrowser: true,
      maxRetries: 0,
    });
    expect((await trusted.chat({ model: 'lite', messages })).text).toBe('在可信环境中直接签名。');
  });
});

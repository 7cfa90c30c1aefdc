import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_PASSWORD, DEFAULT_CREDENTIALS, deterministicAnswer } from '../src/index.js';
import { createMockSparkHandler } from '../src/msw.js';
import {
  type CompletionJson,
  postChat,
  readEvents,
  readSse,
  streamedContent,
} from './helpers/http-client.js';
import { eventually } from './helpers/raw-client.js';

const QUESTION = [{ role: 'user', content: 'fetch 里的问题' }];
const BASE = 'https://spark-api-open.xf-yun.com';

describe('msw http handlers (global fetch)', () => {
  const spark = createMockSparkHandler({ chunkChars: 6 });
  const server = setupServer(...spark.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(async () => {
    spark.reset();
    await eventually(() => spark.openHttpRequests() === 0, 'intercepted HTTP exchanges to end');
  });
  afterAll(() => server.close());

  it('serves every route at the real host: JSON, and SSE with each route’s data: spelling', async () => {
    expect(spark.httpHandlers).toHaveLength(4);
    const whole = await postChat(
      `${BASE}/v1/chat/completions`,
      { model: 'lite', messages: QUESTION },
      { authorization: `Bearer ${DEFAULT_API_PASSWORD}` },
    );
    const body = (await whole.json()) as CompletionJson;
    expect(body.choices?.[0]?.message?.content).toBe(deterministicAnswer(QUESTION));

    const v1 = await readSse(
      await postChat(
        `${BASE}/v1/chat/completions`,
        { model: '4.0Ultra', messages: QUESTION, stream: true },
        { authorization: `Bearer ${DEFAULT_API_PASSWORD}` },
      ),
    );
    expect(v1.every((event) => event.prefix === 'data:')).toBe(true);
    expect(streamedContent(v1)).toBe(deterministicAnswer(QUESTION));
    expect(v1.at(-2)?.json?.usage?.total_tokens).toBeGreaterThan(0);

    const x2 = await readSse(
      await postChat(
        `${BASE}/x2/chat/completions`,
        { model: 'spark-x', messages: QUESTION, stream: true },
        { authorization: `Bearer ${DEFAULT_CREDENTIALS.apiKey}:${DEFAULT_CREDENTIALS.apiSecret}` },
      ),
    );
    expect(x2.every((event) => event.prefix === 'data: ')).toBe(true);
    expect(x2.at(-2)?.json?.choices).toEqual([]);
    expect(x2.at(-1)?.data).toBe('[DONE]');
    expect(spark.requests.map((request) => request.bearer)).toEqual([
      'api-password',
      'api-password',
      'api-key-secret',
    ]);
  });

  it('refuses a wrong credential with 401 and plays scripted faults', async () => {
    const refused = await postChat(`${BASE}/v1/chat/completions`, { model: 'lite', messages: QUESTION });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ message: 'Unauthorized' });

    spark.enqueue({ error: { code: 11202, afterFrames: 1 } });
    const events = await readSse(
      await postChat(
        `${BASE}/v1/chat/completions`,
        { model: 'lite', messages: QUESTION, stream: true },
        { authorization: `Bearer ${DEFAULT_API_PASSWORD}` },
      ),
    );
    expect(events.map((event) => event.json?.code)).toEqual([0, 11202]);

    spark.enqueue({ drop: { afterFrames: 2 } });
    const dropped = await readEvents(
      await postChat(
        `${BASE}/v1/chat/completions`,
        { model: 'lite', messages: QUESTION, stream: true },
        { authorization: `Bearer ${DEFAULT_API_PASSWORD}` },
      ),
    );
    expect(dropped.error).toBeDefined();
    expect(dropped.events).toHaveLength(2);

    spark.enqueue({ drop: {} });
    await expect(
      postChat(
        `${BASE}/v1/chat/completions`,
        { model: 'lite', messages: QUESTION },
        { authorization: `Bearer ${DEFAULT_API_PASSWORD}` },
      ),
    ).rejects.toThrow();

    spark.enqueue({ reject: { status: 429, body: { message: 'slow' }, headers: { 'Retry-After': '3' } } });
    const limited = await postChat(
      `${BASE}/v1/chat/completions`,
      { model: 'lite', messages: QUESTION },
      { authorization: `Bearer ${DEFAULT_API_PASSWORD}` },
    );
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '3']);
    await limited.text();
  });

  it('ends a stalled stream when the client aborts', async () => {
    spark.enqueue({ stall: { afterFrames: 1 } });
    const abort = new AbortController();
    const response = await postChat(
      `${BASE}/v1/chat/completions`,
      { model: 'lite', messages: QUESTION, stream: true },
      { authorization: `Bearer ${DEFAULT_API_PASSWORD}`, signal: abort.signal },
    );
    const { events, reader } = await readEvents(response, 1);
    expect(events).toHaveLength(1);
    expect(spark.openHttpRequests()).toBe(1);
    const next = reader.read();
    abort.abort();
    await expect(next).rejects.toThrow();
    await eventually(() => spark.openHttpRequests() === 0, 'the stalled exchange to end');
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_API_PASSWORD } from '../src/index.js';
import {
  type CompletionJson,
  postChat,
  readEvents,
  readSse,
  streamedContent,
} from './helpers/http-client.js';
import { eventually } from './helpers/raw-client.js';
import { useQuietMockSpark } from './helpers/use-quiet-mock.js';

const PASSWORD = `Bearer ${DEFAULT_API_PASSWORD}`;
const QUESTION = [{ role: 'user', content: '讲一个关于星火的长故事' }];

describe('HTTP faults, scripted like the WebSocket ones', () => {
  const spark = useQuietMockSpark({ chunkChars: 4 });
  const post = (stream: boolean, options: { signal?: AbortSignal } = {}) =>
    postChat(
      `${spark().httpURL}/v1/chat/completions`,
      { model: 'lite', messages: QUESTION, stream },
      { authorization: PASSWORD, ...options },
    );

  it('sends a business error before any chunk as HTTP 200 JSON, stream or not', async () => {
    for (const stream of [true, false]) {
      spark().enqueue({ error: { code: 10013 } });
      const response = await post(stream);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await response.json()) as CompletionJson;
      expect(body).toEqual({
        code: 10013,
        message: 'InputAuditError:input content did not pass moderation',
        sid: expect.stringMatching(/^cht/),
      });
    }
  });

  it('sends a mid-stream business error as an SSE chunk after partial text, with no [DONE]', async () => {
    spark().enqueue({ error: { code: 10014, afterFrames: 2, message: 'OutputAuditError:scripted' } });
    const events = await readSse(await post(true));
    expect(events).toHaveLength(3);
    expect(streamedContent(events.slice(0, 2)).length).toBeGreaterThan(0);
    expect(events[2]?.json).toEqual({
      code: 10014,
      message: 'OutputAuditError:scripted',
      sid: events[0]?.json?.sid,
    });
    expect(events.some((event) => event.data === '[DONE]')).toBe(false);

    spark().enqueue({ error: { code: 10014, afterFrames: 2 } });
    const whole = (await (await post(false)).json()) as CompletionJson;
    expect(whole.code).toBe(10014);
  });

  it('sends a malformed chunk (default or scripted raw) and ends without [DONE]', async () => {
    spark().enqueue({ malformed: { afterFrames: 1 } });
    const events = await readSse(await post(true));
    expect(events).toHaveLength(2);
    expect(events[0]?.json?.code).toBe(0);
    expect(events[1]?.json).toBeUndefined();
    expect(() => JSON.parse(events[1]!.data)).toThrow();

    spark().enqueue({ malformed: { raw: '{not json' } });
    const whole = await post(false);
    expect(whole.status).toBe(200);
    expect(await whole.text()).toBe('{not json');
  });

  it('drops the connection mid-stream: the body fails after the first chunks, no [DONE]', async () => {
    spark().enqueue({ drop: { afterFrames: 2 } });
    const response = await post(true);
    expect(response.status).toBe(200);
    const { events, error } = await readEvents(response);
    expect(error).toBeInstanceOf(Error);
    expect(events).toHaveLength(2);
    expect(events.some((event) => event.data === '[DONE]')).toBe(false);

    spark().enqueue({ drop: {} });
    await expect(post(false)).rejects.toThrow();
  });

  it('stalls after the first chunk and keeps the response open until the client aborts', async () => {
    spark().enqueue({ stall: { afterFrames: 1 } });
    const abort = new AbortController();
    const response = await post(true, { signal: abort.signal });
    const { events, reader } = await readEvents(response, 1);
    expect(events).toHaveLength(1);
    expect(spark().openHttpRequests()).toBe(1);
    const next = reader.read();
    abort.abort();
    await expect(next).rejects.toThrow();
    await eventually(() => spark().openHttpRequests() === 0, 'the stalled exchange to end');

    spark().enqueue({ stall: {} });
    const quiet = new AbortController();
    const pending = post(false, { signal: quiet.signal });
    await eventually(() => spark().openHttpRequests() === 1, 'the request to arrive');
    quiet.abort();
    await expect(pending).rejects.toThrow();
  });

  it('waits latencyMs before each chunk', async () => {
    spark().enqueue({ latencyMs: 20, text: 'abcdefghijkl' });
    const started = performance.now();
    const events = await readSse(await post(true));
    // Three content chunks of four characters, each after 20 ms: at least 60 ms (a lower bound only).
    expect(events.filter((event) => event.json !== undefined)).toHaveLength(3);
    expect(performance.now() - started).toBeGreaterThanOrEqual(59);
  });

  it('sends the response head at once and holds back only the chunks under latencyMs', async () => {
    // A latency far beyond the test's own timeout: the head must not wait for it.
    spark().enqueue({ latencyMs: 60_000 });
    const controller = new AbortController();
    const response = await post(true, { signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    controller.abort();
    await expect(response.text()).rejects.toThrow();
  });

  it('answers scripted HTTP statuses with their bodies and headers (401/403/429/500)', async () => {
    spark().enqueue(
      { reject: { status: 401, body: { message: 'Unauthorized' } } },
      { reject: { status: 403, body: { message: 'HMAC signature cannot be verified' } } },
      {
        reject: {
          status: 429,
          body: { error: { message: 'rate limited', type: 'rate_limit_error', param: null, code: '429' } },
          headers: { 'Retry-After': '2' },
        },
      },
      {
        reject: {
          status: 500,
          body: { error: { message: 'internal', type: 'api_error', param: null, code: null } },
        },
      },
    );
    const statuses: number[] = [];
    for (let index = 0; index < 4; index += 1) {
      const response = await post(index % 2 === 0);
      statuses.push(response.status);
      const body = (await response.json()) as Record<string, unknown>;
      expect(body.message ?? body.error).toBeDefined();
      if (response.status === 429) expect(response.headers.get('retry-after')).toBe('2');
    }
    expect(statuses).toEqual([401, 403, 429, 500]);
    expect(spark().connections.map((connection) => connection.status)).toEqual([401, 403, 429, 500]);
    expect(spark().requests).toEqual([]);
  });

  it('lets a handshake hook refuse an HTTP request, and turns a throwing handler into error 10012', async () => {
    spark().use({
      handshake: (info) =>
        info.path === '/v1/chat/completions' && info.model === 'lite'
          ? { status: 429, body: { message: 'slow down' }, headers: { 'Retry-After': '1' } }
          : undefined,
    });
    const refused = await post(true);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ message: 'slow down' });

    spark().reset();
    spark().use(() => {
      throw new Error('handler bug');
    });
    const failed = (await (await post(true)).json()) as CompletionJson;
    expect(failed.code).toBe(10012);
    expect(failed.message).toContain('handler bug');
  });

  it('sends scripted frames verbatim as SSE data', async () => {
    spark().enqueue({ frames: [{ code: 0, choices: [{ index: 0, delta: { content: 'hi' } }] }, '[DONE]'] });
    const events = await readSse(await post(true));
    expect(events.map((event) => event.data)).toEqual([
      '{"code":0,"choices":[{"index":0,"delta":{"content":"hi"}}]}',
      '[DONE]',
    ]);
  });

  it('skips validation when the scenario says so', async () => {
    spark().enqueue({ validate: false, text: 'anything goes' });
    const response = await postChat(
      `${spark().httpURL}/v1/chat/completions`,
      { model: 'lite', messages: [{ role: 'robot', content: 'hi' }], temperature: 9 },
      { authorization: PASSWORD },
    );
    expect(((await response.json()) as CompletionJson).choices?.[0]?.message?.content).toBe('anything goes');
  });
});

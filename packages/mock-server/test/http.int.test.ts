import { describe, expect, it } from 'vitest';
import {
  DEFAULT_API_PASSWORD,
  DEFAULT_CREDENTIALS,
  deterministicAnswer,
  MOCK_HTTP_ROUTES,
} from '../src/index.js';
import {
  type CompletionJson,
  postChat,
  readSse,
  streamedContent,
  streamedReasoning,
} from './helpers/http-client.js';
import { useQuietMockSpark } from './helpers/use-quiet-mock.js';

const PASSWORD = `Bearer ${DEFAULT_API_PASSWORD}`;
const KEY_SECRET = `Bearer ${DEFAULT_CREDENTIALS.apiKey}:${DEFAULT_CREDENTIALS.apiSecret}`;
const QUESTION = [{ role: 'user', content: '你好，介绍一下星火' }];

describe('HTTP face of startMockSpark', () => {
  const spark = useQuietMockSpark({ chunkChars: 8 });
  const url = (path = '/v1/chat/completions') => `${spark().httpURL}${path}`;

  it('serves every /v1 model without streaming, with the deterministic answer and usage', async () => {
    expect(spark().httpURL).toBe(spark().url.replace(/^ws:/, 'http:'));
    for (const model of ['lite', 'generalv3', 'pro-128k', 'generalv3.5', 'max-32k', '4.0Ultra']) {
      const response = await postChat(url(), { model, messages: QUESTION }, { authorization: PASSWORD });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await response.json()) as CompletionJson;
      expect(body.code).toBe(0);
      expect(body.sid).toMatch(/^cht/);
      expect(body.choices?.[0]?.message?.content).toBe(deterministicAnswer(QUESTION));
      expect(body.choices?.[0]?.finish_reason).toBe('stop');
      expect(body.usage?.total_tokens).toBe(
        (body.usage?.prompt_tokens ?? 0) + (body.usage?.completion_tokens ?? 0),
      );
    }
    expect(spark().requests.map((request) => request.model)).toEqual([
      'lite',
      'generalv3',
      'pro-128k',
      'generalv3.5',
      'max-32k',
      '4.0Ultra',
    ]);
  });

  it('streams /v1 with `data:` and no space, usage on the last content chunk, then [DONE]', async () => {
    const response = await postChat(
      url(),
      { model: 'generalv3.5', messages: QUESTION, stream: true },
      { authorization: PASSWORD },
    );
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = await readSse(response);
    expect(events.every((event) => event.prefix === 'data:')).toBe(true);
    expect(events.at(-1)?.data).toBe('[DONE]');
    const chunks = events.slice(0, -1);
    expect(chunks.length).toBeGreaterThan(2);
    expect(streamedContent(chunks)).toBe(deterministicAnswer(QUESTION));
    const last = chunks.at(-1)!.json!;
    expect(last.choices?.[0]?.finish_reason).toBe('stop');
    expect(last.usage?.completion_tokens).toBeGreaterThan(0);
    expect(chunks.slice(0, -1).every((event) => event.json?.usage === undefined)).toBe(true);
    expect(new Set(chunks.map((event) => event.json?.sid)).size).toBe(1);
  });

  it('streams /v2 (X1.5) with `data: `, reasoning first and usage in a chunk of its own', async () => {
    for (const model of ['spark-x', 'X1.5']) {
      const response = await postChat(
        url('/v2/chat/completions'),
        { model, messages: QUESTION, stream: true },
        { authorization: KEY_SECRET },
      );
      const events = await readSse(response);
      expect(events.every((event) => event.prefix === 'data: ')).toBe(true);
      expect(events.at(-1)?.data).toBe('[DONE]');
      const usageChunk = events.at(-2)!.json!;
      expect(usageChunk.choices).toEqual([]);
      expect(usageChunk.usage?.total_tokens).toBeGreaterThan(0);
      expect(events.at(-3)?.json?.choices?.[0]?.finish_reason).toBe('stop');
      expect(events.at(-3)?.json?.usage).toBeUndefined();
      expect(streamedReasoning(events)).toContain('用户的问题是');
      expect(streamedContent(events)).toBe(deterministicAnswer(QUESTION));
      const firstContent = events.findIndex(
        (event) => (event.json?.choices?.[0]?.delta?.content ?? '') !== '',
      );
      const lastReasoning = events.findLastIndex(
        (event) => event.json?.choices?.[0]?.delta?.reasoning_content,
      );
      expect(lastReasoning).toBeLessThan(firstContent);
    }
  });

  it('answers /x2 (X2) without streaming, with reasoning_content, and honours thinking disabled', async () => {
    const response = await postChat(
      url('/x2/chat/completions'),
      { model: 'spark-x', messages: QUESTION },
      { authorization: PASSWORD },
    );
    const body = (await response.json()) as CompletionJson;
    expect(body.choices?.[0]?.message?.reasoning_content).toContain('用户的问题是');
    expect(body.choices?.[0]?.message?.content).toBe(deterministicAnswer(QUESTION));

    const quiet = await postChat(
      url('/x2/chat/completions'),
      { model: 'X2', messages: QUESTION, thinking: { type: 'disabled' }, stream: true },
      { authorization: PASSWORD },
    );
    const events = await readSse(quiet);
    expect(events[0]?.prefix).toBe('data: ');
    expect(streamedReasoning(events)).toBe('');
  });

  it('answers a model the route does not serve with a business error (HTTP 200, flat JSON)', async () => {
    const cases: [string, string][] = [
      ['/v1/chat/completions', 'spark-x'],
      ['/v2/chat/completions', 'lite'],
      ['/x2/chat/completions', 'generalv3.5'],
    ];
    for (const [path, model] of cases) {
      const response = await postChat(
        url(path),
        { model, messages: QUESTION, stream: true },
        { authorization: PASSWORD },
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await response.json()) as CompletionJson;
      expect(body).toEqual({
        code: 10163,
        message: expect.stringContaining(model),
        sid: expect.stringMatching(/^cht/),
      });
    }
    expect(MOCK_HTTP_ROUTES.map((route) => route.path)).toEqual([
      '/v1/chat/completions',
      '/v2/chat/completions',
      '/x2/chat/completions',
      '/x2.5/chat/completions',
    ]);
  });
});

describe('HTTP credentials and records', () => {
  const spark = useQuietMockSpark({ apiPassword: 'custom-password' });
  const url = () => `${spark().httpURL}/v1/chat/completions`;
  const body = { model: 'lite', messages: QUESTION };

  it('accepts both Bearer forms and records which one, never the credential', async () => {
    expect(spark().apiPassword).toBe('custom-password');
    const byPassword = await postChat(url(), body, { authorization: 'Bearer custom-password' });
    const byPair = await postChat(url(), body, { authorization: KEY_SECRET });
    expect([byPassword.status, byPair.status]).toEqual([200, 200]);
    await byPassword.text();
    await byPair.text();
    expect(spark().requests.map((request) => [request.protocol, request.bearer])).toEqual([
      ['http', 'api-password'],
      ['http', 'api-key-secret'],
    ]);
    expect(spark().connections.map((connection) => [connection.protocol, connection.status])).toEqual([
      ['http', 200],
      ['http', 200],
    ]);
    const recorded = JSON.stringify([spark().requests, spark().connections]);
    expect(recorded).not.toContain('custom-password');
    expect(recorded).not.toContain(DEFAULT_CREDENTIALS.apiSecret);
  });

  it('refuses a missing or wrong credential with 401 and the gateway bodies', async () => {
    const missing = await postChat(url(), body);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ message: 'Unauthorized' });

    const wrongPassword = await postChat(url(), body, { authorization: `Bearer ${DEFAULT_API_PASSWORD}` });
    expect(wrongPassword.status).toBe(401);
    expect(await wrongPassword.json()).toEqual({
      error: { message: 'invalid user', type: 'api_error', param: null, code: null },
    });

    const wrongPair = await postChat(url(), body, {
      authorization: `Bearer ${DEFAULT_CREDENTIALS.apiKey}:nope`,
    });
    expect(wrongPair.status).toBe(401);
    expect(((await wrongPair.json()) as { message: string }).message).toMatch(
      /^HMAC signature cannot be verified/,
    );

    expect(spark().connections.map((connection) => connection.status)).toEqual([401, 401, 401]);
    expect(spark().requests).toEqual([]);
    expect(JSON.stringify(spark().connections)).not.toContain('nope');
  });

  it('keeps a queued scenario for the next request when the credential is refused', async () => {
    spark().enqueue({ text: 'kept for later' });
    expect((await postChat(url(), body, { authorization: 'Bearer wrong' })).status).toBe(401);
    const response = await postChat(url(), body, { authorization: 'Bearer custom-password' });
    expect(((await response.json()) as CompletionJson).choices?.[0]?.message?.content).toBe('kept for later');
  });

  it('answers other methods 405 and keeps the WebSocket paths as before', async () => {
    const get = await fetch(url());
    expect(get.status).toBe(405);
    await get.text();
    const wsPath = await fetch(`${spark().httpURL}/v3.5/chat`);
    expect(wsPath.status).toBe(426);
    await wsPath.text();
  });
});

describe('HTTP data: spelling option', () => {
  const spaced = useQuietMockSpark({ sseDataSpace: true });

  it('sseDataSpace: true writes `data: ` on /v1; a scenario can ask for `data:` on /v2', async () => {
    const v1 = await postChat(
      `${spaced().httpURL}/v1/chat/completions`,
      { model: 'lite', messages: QUESTION, stream: true },
      { authorization: PASSWORD },
    );
    expect((await readSse(v1)).every((event) => event.prefix === 'data: ')).toBe(true);

    spaced().enqueue({ sseDataSpace: false });
    const v2 = await postChat(
      `${spaced().httpURL}/v2/chat/completions`,
      { model: 'spark-x', messages: QUESTION, stream: true },
      { authorization: PASSWORD },
    );
    const events = await readSse(v2);
    expect(events.every((event) => event.prefix === 'data:')).toBe(true);
    expect(events.at(-1)?.data).toBe('[DONE]');
  });
});

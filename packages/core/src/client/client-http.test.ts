import { describe, expect, it } from 'vitest';
import {
  SparkAbortError,
  SparkAuthError,
  SparkConnectionError,
  SparkContentFilterError,
  SparkInvalidRequestError,
  SparkRateLimitError,
  SparkTimeoutError,
} from '../errors/error-classes';
import { CREDENTIALS, collect, failure, QUESTION } from '../internal-test-support/client-fixtures';
import { useSseServer } from '../internal-test-support/per-test-sse-server';
import {
  contentChunk,
  openEventStream,
  type ScriptContext,
  sparkChunk,
  writeEvents,
  writeJson,
} from '../internal-test-support/sse-server';
import type { SparkLogger, SparkStreamEvent } from '../types';
import { createSparkClient } from './client';
import type { SparkClientOptions } from './client-options';

const PASSWORD = 'httpPassword0123456789abcdefXYZW';

const server = useSseServer();

/** A client of `server` with only an APIPassword, model `lite` and near-zero backoff. */
function httpClient(options: Partial<SparkClientOptions> = {}) {
  return createSparkClient({
    apiPassword: PASSWORD,
    baseURL: server.url,
    defaultModel: 'lite',
    retryDelay: { baseDelayMs: 1, maxDelayMs: 2 },
    ...options,
  });
}

const USAGE = { prompt_tokens: 3, completion_tokens: 5, total_tokens: 8 };

describe('createSparkClient over HTTP', () => {
  it('streams a whole answer with only an APIPassword: reasoning and content in one delta, usage on the last chunk', async () => {
    await server.start(({ response }) =>
      writeEvents(response, [
        contentChunk({ reasoning_content: '想', content: '你' }),
        contentChunk({ content: '好' }),
        sparkChunk({
          choices: [{ delta: { content: '。' }, finish_reason: 'stop', index: 0 }],
          usage: USAGE,
        }),
      ]),
    );
    const client = httpClient({ temperature: undefined } as Partial<SparkClientOptions>);
    const events = await collect(client.stream({ ...QUESTION, temperature: 1.5 }));
    expect(events.map((event) => event.type)).toEqual([
      'reasoning-delta',
      'text-delta',
      'text-delta',
      'text-delta',
      'usage',
      'end',
    ]);
    const end = events.at(-1) as Extract<SparkStreamEvent, { type: 'end' }>;
    expect(end.result).toMatchObject({
      text: '你好。',
      reasoning: '想',
      sid: 'cha000http01',
      model: 'lite',
      finishReason: 'stop',
      usage: { promptTokens: 3, completionTokens: 5, totalTokens: 8 },
    });
    const [request] = server.requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      authorization: `Bearer ${PASSWORD}`,
      body: { model: 'lite', stream: true, temperature: 1.5, messages: [{ role: 'user', content: '你好' }] },
    });
  });

  it('uses an injected fetch, called unbound as a browser fetch must be', async () => {
    await server.start(({ response }) => writeEvents(response, [contentChunk({ content: 'via fetch' })]));
    const calls: string[] = [];
    const fetch = function (this: unknown, input: string, init: RequestInit) {
      // A browser's fetch throws "Illegal invocation" when called as a method of another object.
      if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation');
      calls.push(input);
      return globalThis.fetch(input, init);
    };
    expect((await httpClient({ fetch }).chat(QUESTION)).text).toBe('via fetch');
    expect(calls).toEqual([`${server.url}/v1/chat/completions`]);
  });

  it('sends apiKey:apiSecret as the Bearer credential when no password is given', async () => {
    await server.start(({ response }) => writeEvents(response, [contentChunk({ content: 'ok' })]));
    const client = httpClient({
      apiPassword: undefined,
      apiKey: CREDENTIALS.apiKey,
      apiSecret: CREDENTIALS.apiSecret,
      protocol: 'http',
    });
    expect((await client.chat(QUESTION)).text).toBe('ok');
    expect(server.requests[0]?.authorization).toBe(`Bearer ${CREDENTIALS.apiKey}:${CREDENTIALS.apiSecret}`);
  });

  it('reads usage from a chunk of its own (/v2, X1.5) with `data: ` spacing', async () => {
    await server.start(({ response }) =>
      writeEvents(
        response,
        [
          contentChunk({ reasoning_content: '嗯' }),
          sparkChunk({ choices: [{ delta: { content: '答' }, finish_reason: 'stop', index: 0 }] }),
          sparkChunk({ choices: [], usage: USAGE }),
        ],
        { space: true },
      ),
    );
    const result = await httpClient().chat({
      ...QUESTION,
      model: 'x1',
      protocol: 'http',
      thinking: 'enabled',
    });
    expect(result).toMatchObject({ text: '答', reasoning: '嗯', usage: { totalTokens: 8 }, model: 'x1' });
    expect(server.requests[0]).toMatchObject({
      path: '/v2/chat/completions',
      body: { model: 'spark-x', thinking: { type: 'enabled' } },
    });
  });

  it('turns one tool-call object into a function call with its id', async () => {
    await server.start(({ response }) =>
      writeEvents(response, [
        sparkChunk({
          choices: [
            {
              delta: {
                role: 'assistant',
                content: '',
                tool_calls: {
                  id: 'call_1',
                  type: 'function',
                  function: { name: 'get_weather', arguments: '{"city":"合肥"}' },
                },
              },
              finish_reason: 'tool_calls',
            },
          ],
        }),
      ]),
    );
    const functions = [
      {
        name: 'get_weather',
        description: 'weather',
        parameters: { type: 'object' as const, properties: { city: { type: 'string' } } },
      },
    ];
    const events = await collect(httpClient().stream({ ...QUESTION, functions }));
    const calls = events.filter((event) => event.type === 'function-call');
    expect(calls).toHaveLength(1);
    const result = (events.at(-1) as Extract<SparkStreamEvent, { type: 'end' }>).result;
    expect(result.finishReason).toBe('function_call');
    expect(result.functionCall).toMatchObject({
      id: 'call_1',
      name: 'get_weather',
      parsedArguments: { city: '合肥' },
    });
    expect(result.functionCalls).toEqual([result.functionCall]);
    expect(server.requests[0]?.body).toMatchObject({
      tool_calls_switch: true,
      tools: [{ type: 'function', function: { name: 'get_weather' } }],
    });
  });

  it('sends toolChoice as tool_choice over HTTP; over WebSocket a forced call is refused before any network', async () => {
    await server.start(({ response }) =>
      writeEvents(response, [contentChunk({ content: '好' }, { usage: USAGE })]),
    );
    const functions = [
      {
        name: 'get_weather',
        description: 'weather',
        parameters: { type: 'object' as const, properties: {} },
      },
    ];
    let opened = 0;
    const client = httpClient({
      ...CREDENTIALS,
      defaultModel: 'max',
      transport: async () => {
        opened += 1;
        throw new Error('unused');
      },
    });
    await client.chat({ ...QUESTION, protocol: 'http', functions, toolChoice: { name: 'get_weather' } });
    expect(server.requests[0]?.body).toMatchObject({
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      tools: [{ type: 'function', function: { name: 'get_weather' } }],
    });
    const refused = await failure(
      client.chat({ ...QUESTION, protocol: 'ws', functions, toolChoice: 'required' }),
    );
    expect(refused).toBeInstanceOf(SparkInvalidRequestError);
    expect(refused.message).toMatch(/needs protocol "http"/);
    const unknown = await failure(
      client.chat({ ...QUESTION, protocol: 'http', functions, toolChoice: { name: 'get_time' } }),
    );
    expect(unknown).toMatchObject({ field: 'toolChoice.name' });
    expect(server.requests).toHaveLength(1);
    expect(opened).toBe(0);
  });

  it('surfaces several tool calls of an array as one event each and the list on the result, and sends tool results back', async () => {
    await server.start(({ response, attempt }) => {
      if (attempt === 1) {
        writeEvents(response, [
          sparkChunk({
            choices: [
              {
                delta: {
                  tool_calls: [
                    { id: 'a', type: 'function', function: { name: 'one', arguments: '{"x":1}' } },
                    { id: 'b', type: 'function', function: { name: 'two', arguments: '{}' } },
                  ],
                },
                finish_reason: 'tool_calls',
              },
            ],
          }),
        ]);
      } else writeEvents(response, [contentChunk({ content: '好了' })]);
    });
    const client = httpClient();
    const first = await client.chat({ ...QUESTION, model: 'max' });
    expect(first.functionCalls?.map((call) => [call.id, call.name])).toEqual([
      ['a', 'one'],
      ['b', 'two'],
    ]);
    expect(first.functionCall?.name).toBe('one');
    const second = await client.chat({
      model: 'max',
      messages: [
        ...QUESTION.messages,
        { role: 'assistant', content: '', toolCalls: first.functionCalls },
        { role: 'tool', content: '1', toolCallId: 'a' },
        { role: 'tool', content: '2', toolCallId: 'b' },
      ],
    });
    expect(second.text).toBe('好了');
    expect(server.requests[1]?.body.messages).toEqual([
      { role: 'user', content: '你好' },
      {
        role: 'assistant',
        content: '',
        tool_calls: [
          { id: 'a', type: 'function', function: { name: 'one', arguments: '{"x":1}' } },
          { id: 'b', type: 'function', function: { name: 'two', arguments: '{}' } },
        ],
      },
      { role: 'tool', content: '1', tool_call_id: 'a' },
      { role: 'tool', content: '2', tool_call_id: 'b' },
    ]);
  });

  it('throws the typed error of a business error inside the stream, without retrying', async () => {
    await server.start(({ response }) =>
      writeEvents(
        response,
        [contentChunk({ content: '前' }), { code: 10014, message: 'output refused', sid: 'cha9' }],
        {
          done: false,
        },
      ),
    );
    const error = await failure(httpClient().chat(QUESTION));
    expect(error).toBeInstanceOf(SparkContentFilterError);
    expect(error).toMatchObject({ sparkCode: 10014, partialText: '前' });
    expect(server.requests).toHaveLength(1);
  });

  it('maps a business error sent as HTTP 200 JSON, and retries a retryable one', async () => {
    await server.start(({ response, attempt }) => {
      if (attempt === 1) writeJson(response, 200, { code: 11202, message: 'qps over limit', sid: 'cha1' });
      else if (attempt === 2)
        writeJson(response, 200, { code: 10163, message: 'bad parameter', sid: 'cha2' });
    });
    const error = await failure(httpClient().chat(QUESTION));
    expect(error).toBeInstanceOf(SparkInvalidRequestError);
    expect(error).toMatchObject({ sparkCode: 10163, sid: 'cha2' });
    expect(server.requests).toHaveLength(2);
    expect(new SparkRateLimitError('x').retryable).toBe(true);
  });

  it('refuses a 401 at once, naming the HTTP credential variables, and never shows the password', async () => {
    await server.start(({ response, request }) =>
      // A hostile or careless gateway echoing the header it got.
      writeJson(response, 401, { message: `HMAC signature cannot be verified: ${request.authorization}` }),
    );
    const lines: string[] = [];
    const logger: SparkLogger = {
      debug: (message, data) => lines.push(message + JSON.stringify(data)),
      info: (message, data) => lines.push(message + JSON.stringify(data)),
      warn: (message, data) => lines.push(message + JSON.stringify(data)),
      error: (message, data) => lines.push(message + JSON.stringify(data)),
    };
    const error = await failure(httpClient({ logger }).chat(QUESTION));
    expect(error).toBeInstanceOf(SparkAuthError);
    expect(error.message).toContain('SPARK_API_PASSWORD');
    expect(server.requests).toHaveLength(1);
    const shown = [
      error.message,
      String(error),
      JSON.stringify(error),
      JSON.stringify((error as SparkAuthError).toJSON()),
      ...lines,
    ].join('\n');
    expect(shown).not.toContain(PASSWORD);
    expect(shown).toContain('[REDACTED]');
  });

  it('keeps the password out of the retry log lines too', async () => {
    await server.start(({ response, request }) =>
      writeJson(response, 503, { message: `upstream saw ${request.authorization}` }),
    );
    const lines: string[] = [];
    const record = (message: string, data?: Record<string, unknown>) =>
      lines.push(message + JSON.stringify(data));
    const logger: SparkLogger = { debug: record, info: record, error: record };
    const error = await failure(httpClient({ logger, maxRetries: 1 }).chat(QUESTION));
    expect(lines.some((line) => line.startsWith('xinghuo: retrying'))).toBe(true);
    expect([...lines, error.message].join('\n')).not.toContain(PASSWORD);
    expect(server.requests).toHaveLength(2);
  });

  it('never shows apiKey or apiSecret of a key:secret credential either', async () => {
    await server.start(({ response, request }) =>
      writeJson(response, 403, { error: { message: `denied for ${request.authorization?.slice(7)}` } }),
    );
    const client = httpClient({
      apiPassword: undefined,
      apiKey: CREDENTIALS.apiKey,
      apiSecret: CREDENTIALS.apiSecret,
      protocol: 'http',
    });
    const error = await failure(client.chat(QUESTION));
    const shown = `${error.message} ${JSON.stringify(error)}`;
    expect(shown).not.toContain(CREDENTIALS.apiKey);
    expect(shown).not.toContain(CREDENTIALS.apiSecret);
  });

  it('retries 429 after the Retry-After delay, and 5xx, before any content', async () => {
    await server.start(({ response, attempt }) => {
      if (attempt === 1)
        writeJson(response, 429, { error: { message: 'slow down' } }, { 'retry-after': '1' });
      else if (attempt === 2) writeJson(response, 503, { message: 'busy' });
      else writeEvents(response, [contentChunk({ content: '终于' })]);
    });
    const retries: Record<string, unknown>[] = [];
    const logger: SparkLogger = {
      info: (message, data) => {
        if (message === 'xinghuo: retrying' && data) retries.push(data);
      },
    };
    const result = await httpClient({ logger }).chat(QUESTION);
    expect(result.text).toBe('终于');
    expect(retries.map((retry) => retry.reason)).toEqual(['rate_limited', 'server_error']);
    expect(retries[0]?.delayMs).toBeGreaterThanOrEqual(1000);
    expect(server.requests).toHaveLength(3);
  });

  it('retries a stream cut before [DONE] while nothing was shown, and never calls a cut answer a success', async () => {
    await server.start(({ response, attempt }) => {
      if (attempt === 1) writeEvents(response, [contentChunk({ content: '' })], { done: false });
      else writeEvents(response, [contentChunk({ content: '半' })], { done: false });
    });
    const error = await failure(httpClient().chat(QUESTION));
    expect(error).toBeInstanceOf(SparkConnectionError);
    expect(error.message).toContain('[DONE]');
    // The first cut had no content and was retried; the second had content and was not.
    expect(server.requests).toHaveLength(2);
  });

  it('calls [DONE] without a finish reason a cut answer: retried while nothing was shown, then an error', async () => {
    await server.start(({ response, attempt }) => {
      const content = attempt === 1 ? '' : '半';
      writeEvents(response, [contentChunk({ content })], { finishReason: null });
    });
    const error = await failure(httpClient().chat(QUESTION));
    expect(error).toBeInstanceOf(SparkConnectionError);
    expect(error.message).toContain('finish reason');
    expect(server.requests).toHaveLength(2);
  });

  it('aborts mid-stream: settles with SparkAbortError and closes the HTTP connection', async () => {
    await server.start(({ response }) =>
      writeEvents(response, [contentChunk({ content: '一' })], { done: false, end: false }),
    );
    const controller = new AbortController();
    const stream = httpClient().stream(QUESTION, { signal: controller.signal });
    const seen: SparkStreamEvent[] = [];
    const error = await failure(
      (async () => {
        for await (const event of stream) {
          seen.push(event);
          controller.abort();
        }
      })(),
    );
    expect(error).toBeInstanceOf(SparkAbortError);
    expect(seen.map((event) => event.type)).toEqual(['text-delta']);
    await server.requests[0]?.closed;
  });

  it('enforces the connect deadline while no response headers come, and aborts that request', async () => {
    let arrived: (request: ScriptContext['request']) => void = () => undefined;
    const received = new Promise<ScriptContext['request']>((resolve) => {
      arrived = resolve;
    });
    await server.start(({ request }) => arrived(request));
    const error = await failure(httpClient({ maxRetries: 0, timeouts: { connectMs: 400 } }).chat(QUESTION));
    expect(error).toBeInstanceOf(SparkTimeoutError);
    expect(error).toMatchObject({ phase: 'connect' });
    await (await received).closed;
  });

  it('enforces the first-token deadline while the server sends only keep-alives', async () => {
    await server.start(({ response }) => {
      openEventStream(response);
      response.write(': keep-alive\n\n');
    });
    const error = await failure(
      httpClient({ maxRetries: 0, timeouts: { firstTokenMs: 150 } }).chat(QUESTION),
    );
    expect(error).toBeInstanceOf(SparkTimeoutError);
    expect(error).toMatchObject({ phase: 'first-token' });
    await server.requests[0]?.closed;
  });

  it('enforces the idle deadline after the first content', async () => {
    await server.start(({ response }) =>
      writeEvents(response, [contentChunk({ content: '一' })], { done: false, end: false }),
    );
    const error = await failure(httpClient({ timeouts: { idleMs: 150 } }).chat(QUESTION));
    expect(error).toMatchObject({ phase: 'idle' });
    expect(server.requests).toHaveLength(1);
    await server.requests[0]?.closed;
  });

  it('accepts a whole non-streamed JSON answer from a proxy', async () => {
    await server.start(({ response }) =>
      writeJson(
        response,
        200,
        sparkChunk({
          choices: [{ message: { role: 'assistant', content: '全文' }, finish_reason: 'stop' }],
          usage: USAGE,
        }),
      ),
    );
    expect(await httpClient().chat(QUESTION)).toMatchObject({ text: '全文', usage: { totalTokens: 8 } });
  });
});

describe('choosing the protocol', () => {
  it('uses HTTP for a model served only over HTTP, and max_completion_tokens for X2.5', async () => {
    await server.start(({ response }) => writeEvents(response, [contentChunk({ content: 'x' })]));
    const client = createSparkClient({
      ...CREDENTIALS,
      apiPassword: PASSWORD,
      baseURL: server.url,
      transport: async () => {
        throw new Error('the WebSocket transport must not be used');
      },
    });
    await client.chat({ ...QUESTION, model: 'x2.5', maxTokens: 100_000 });
    expect(server.requests[0]).toMatchObject({
      path: '/x2.5/chat/completions',
      body: { model: 'spark-x2.5', max_completion_tokens: 100_000 },
    });
    expect(server.requests[0]?.body).not.toHaveProperty('max_tokens');
  });

  it('refuses what a protocol does not accept, saying which one does', async () => {
    await server.start(() => undefined);
    const wsClient = createSparkClient({
      ...CREDENTIALS,
      apiPassword: PASSWORD,
      defaultModel: 'max',
      transport: async () => {
        throw new Error('unused');
      },
    });
    const toolTurn = {
      ...QUESTION,
      messages: [
        ...QUESTION.messages,
        { role: 'assistant' as const, content: '', toolCalls: [{ id: 'a', name: 'f', arguments: '{}' }] },
        { role: 'tool' as const, content: '1', toolCallId: 'a' },
      ],
    };
    expect((await failure(wsClient.chat(toolTurn))).message).toMatch(/needs protocol "http"/);
    expect((await failure(wsClient.chat({ ...QUESTION, responseFormat: 'json_object' }))).message).toMatch(
      /HTTP option/,
    );
    expect((await failure(wsClient.chat({ ...QUESTION, protocol: 'http', chatId: 'c' }))).message).toMatch(
      /WebSocket option/,
    );
    expect(
      (await failure(wsClient.chat({ ...QUESTION, protocol: 'http', temperature: 2.5 }))).message,
    ).toMatch(/0 to 2 over HTTP/);
    expect((await failure(wsClient.chat({ ...QUESTION, model: 'kjwx', protocol: 'http' }))).message).toMatch(
      /no HTTP endpoint/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('asks for an HTTP credential only when a request goes over HTTP', async () => {
    await server.start(() => undefined);
    const client = createSparkClient({
      ...CREDENTIALS,
      apiKey: undefined,
      apiSecret: undefined,
      signUrl: async ({ url }) => url,
      transport: async () => {
        throw new Error('unused');
      },
    });
    expect((await failure(client.chat({ ...QUESTION, model: 'x2.5' }))).message).toMatch(
      /SPARK_API_PASSWORD/,
    );
  });
});

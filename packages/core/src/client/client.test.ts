import { describe, expect, it } from 'vitest';
import {
  SparkConfigError,
  SparkConnectionError,
  SparkContentFilterError,
  type SparkError,
  SparkInvalidRequestError,
  SparkPermissionError,
  SparkProtocolError,
} from '../errors';
import {
  CREDENTIALS,
  collect,
  makeClient,
  QUESTION,
  recordingLogger,
} from '../internal-test-support/client-fixtures';
import {
  answerFrames,
  createMemoryTransport,
  errorFrame,
  functionCallFrame,
  respondWith,
  searchResultsFrame,
  textFrame,
} from '../testing';
import { createSparkClient, type SparkClientOptions } from './client';

describe('client.chat', () => {
  it('returns the whole answer, including the final frame text, and closes the socket with 1000', async () => {
    const transport = createMemoryTransport(
      respondWith(answerFrames('你好，我是讯飞星火。', { chunkSize: 3 }), { close: false }),
    );
    const client = makeClient(transport);

    const result = await client.chat(QUESTION);

    expect(result.text).toBe('你好，我是讯飞星火。');
    expect(result.model).toBe('lite');
    expect(result.sid).toBe('cht000test@dx0000000000000000');
    expect(result.finishReason).toBe('stop');
    expect(result.usage).toEqual({ promptTokens: 5, completionTokens: 4, totalTokens: 9 });
    expect(transport.connections).toHaveLength(1);
    expect(transport.connections[0]?.clientCloseCode).toBe(1000);
    expect(transport.openConnections()).toHaveLength(0);
  });

  it('sends one request frame with the app id, the model domain and the messages', async () => {
    const transport = createMemoryTransport(respondWith(answerFrames('ok')));
    const client = makeClient(transport, { defaultModel: 'max' });

    await client.chat({
      messages: [{ role: 'user', content: '北京天气' }],
      temperature: 0.3,
      maxTokens: 100,
    });

    const request = await transport.connections[0]!.request;
    expect(transport.connections[0]!.received).toHaveLength(1);
    expect(request.header.app_id).toBe(CREDENTIALS.appId);
    expect(request.parameter.chat).toMatchObject({
      domain: 'generalv3.5',
      temperature: 0.3,
      max_tokens: 100,
    });
    expect(request.payload.message.text).toEqual([{ role: 'user', content: '北京天气' }]);
    expect(transport.connections[0]!.url).toMatch(/^wss:\/\/spark-api\.xf-yun\.com\/v3\.5\/chat\?/);
  });

  it('keeps the text of a final frame that carries the whole answer', async () => {
    const frames = [textFrame('一帧完成', { status: 2, seq: 0, usage: { completionTokens: 4 } })];
    const client = makeClient(createMemoryTransport(respondWith(frames)));

    const result = await client.chat(QUESTION);

    expect(result.text).toBe('一帧完成');
  });

  it('uses the per-request model over the default model and reports its id', async () => {
    const transport = createMemoryTransport(respondWith(answerFrames('ok')));
    const result = await makeClient(transport).chat({ ...QUESTION, model: 'ultra' });

    expect(result.model).toBe('4.0Ultra');
    expect((await transport.connections[0]!.request).parameter.chat.domain).toBe('4.0Ultra');
  });

  it('replaces scheme, host and port with baseURL and signs the URL it dials', async () => {
    const transport = createMemoryTransport(respondWith(answerFrames('ok')));
    await makeClient(transport, { baseURL: 'ws://127.0.0.1:8787' }).chat(QUESTION);

    const url = new URL(transport.connections[0]!.url);
    expect(`${url.protocol}//${url.host}${url.pathname}`).toBe('ws://127.0.0.1:8787/v1.1/chat');
    expect(url.searchParams.get('host')).toBe('127.0.0.1:8787');
    expect(url.searchParams.get('authorization')).toBeTruthy();
  });

  it('reports a function call with finishReason function_call', async () => {
    const transport = createMemoryTransport(
      respondWith([functionCallFrame('天气查询', { location: '合肥' })]),
    );
    const result = await makeClient(transport, { defaultModel: 'max' }).chat(QUESTION);

    expect(result.finishReason).toBe('function_call');
    expect(result.functionCall).toEqual({
      name: '天气查询',
      arguments: '{"location":"合肥"}',
      parsedArguments: { location: '合肥' },
    });
    expect(result.text).toBe('');
  });

  it('reports finishReason length when the completion reaches the requested max tokens', async () => {
    const transport = createMemoryTransport(
      respondWith(answerFrames('abcdefgh', { chunkSize: 2, usage: { completionTokens: 3 } })),
    );
    const result = await makeClient(transport).chat({ ...QUESTION, maxTokens: 3 });

    expect(result.finishReason).toBe('length');
  });

  it('collects web-search sources and reasoning', async () => {
    const sources = [{ url: 'https://example.com/a', title: 'A' }];
    const frames = [
      searchResultsFrame(sources),
      ...answerFrames('答案', { reasoning: '先想一想', chunkSize: 2 }),
    ];
    const result = await makeClient(createMemoryTransport(respondWith(frames)), { defaultModel: 'x1' }).chat(
      QUESTION,
    );

    expect(result.searchResults).toEqual([{ index: 1, url: 'https://example.com/a', title: 'A' }]);
    expect(result.reasoning).toBe('先想一想');
    expect(result.text).toBe('答案');
  });

  it('rejects with the typed error of an error frame and does not retry a non-retryable code', async () => {
    const transport = createMemoryTransport(
      respondWith([errorFrame(11200, 'AppIdNoAuthError:(12:17:04.432) tokens.total')]),
    );
    const error = await makeClient(transport)
      .chat(QUESTION)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SparkPermissionError);
    expect(error).toMatchObject({ sparkCode: 11200, sid: 'cht000test@dx0000000000000000', retryable: false });
    expect(transport.connections).toHaveLength(1);
    expect(transport.openConnections()).toHaveLength(0);
  });

  it('keeps the streamed text on a mid-stream output moderation error', async () => {
    const frames = [textFrame('前半', { status: 0, seq: 0 }), errorFrame(10014, 'output blocked')];
    const transport = createMemoryTransport(respondWith(frames));
    const error = await makeClient(transport)
      .chat(QUESTION)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SparkContentFilterError);
    expect(error).toMatchObject({ stage: 'output', partialText: '前半' });
    expect(transport.connections).toHaveLength(1);
  });

  it('rejects a malformed frame with SparkProtocolError and closes the socket', async () => {
    const transport = createMemoryTransport(respondWith(['not json']));
    const error = await makeClient(transport)
      .chat(QUESTION)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SparkProtocolError);
    expect(transport.connections).toHaveLength(1);
    expect(transport.openConnections()).toHaveLength(0);
  });

  it('treats a socket that closes before the final frame as a connection error, never a success', async () => {
    const frames = answerFrames('被截断的回答', { chunkSize: 2 }).slice(0, 2);
    const transport = createMemoryTransport(respondWith(frames));
    const error = await makeClient(transport, { maxRetries: 0 })
      .chat(QUESTION)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SparkConnectionError);
    expect((error as SparkError).message).toMatch(/closed before the final frame/);
    expect((error as SparkError).retryable).toBe(true);
  });

  it('wraps a transport that throws a plain error in SparkConnectionError', async () => {
    const client = makeClient(() => Promise.reject(new Error('ECONNREFUSED')), { maxRetries: 0 });
    const error = await client.chat(QUESTION).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SparkConnectionError);
    expect((error as Error).cause).toBeInstanceOf(Error);
  });
});

describe('validation before any network', () => {
  it('rejects an invalid request without connecting or signing', async () => {
    const transport = createMemoryTransport(respondWith(answerFrames('never')));
    let signed = 0;
    const client = createSparkClient({
      appId: CREDENTIALS.appId,
      transport,
      defaultModel: 'lite',
      signUrl: async ({ url }) => {
        signed += 1;
        return url;
      },
    });

    const error = await client.chat({ ...QUESTION, temperature: 2 }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SparkInvalidRequestError);
    expect((error as SparkInvalidRequestError).field).toBe('temperature');
    expect(transport.connections).toHaveLength(0);
    expect(signed).toBe(0);
  });

  it('rejects an unknown model and a request without a model with SparkConfigError', async () => {
    const transport = createMemoryTransport(respondWith(answerFrames('never')));
    const client = makeClient(transport, { defaultModel: undefined });

    await expect(client.chat({ ...QUESTION, model: 'gpt-4' })).rejects.toThrow(SparkConfigError);
    await expect(client.chat(QUESTION)).rejects.toThrow(/No model/);
    expect(transport.connections).toHaveLength(0);
  });

  it('rejects a request that is not an object', async () => {
    const client = makeClient(createMemoryTransport(respondWith([])));
    await expect(client.chat(null as never)).rejects.toThrow(SparkInvalidRequestError);
  });
});

describe('createSparkClient configuration', () => {
  const transport = createMemoryTransport(respondWith([]));
  const base: SparkClientOptions = { ...CREDENTIALS, transport };
  const create = (options: Partial<SparkClientOptions>) => () =>
    createSparkClient({ ...base, ...options } as SparkClientOptions);

  it('accepts credentials or a signUrl provider', () => {
    expect(create({})).not.toThrow();
    expect(
      create({ apiKey: undefined, apiSecret: undefined, signUrl: async ({ url }) => url }),
    ).not.toThrow();
  });

  it('requires an app id', () => {
    expect(create({ appId: '' })).toThrow(SparkConfigError);
    expect(create({ appId: undefined as never })).toThrow(/appId/);
  });

  it('requires credentials or a provider, not half of them, not both', () => {
    expect(create({ apiKey: undefined, apiSecret: undefined })).toThrow(/No way to sign requests/);
    expect(create({ apiSecret: undefined })).toThrow(/apiSecret/);
    expect(create({ apiKey: '' })).toThrow(/apiKey/);
    expect(create({ signUrl: async ({ url }) => url })).toThrow(/not both/);
  });

  it('points to the platform packages when no transport is given', () => {
    expect(create({ transport: undefined as never })).toThrow(/@xinghuo\/node.*@xinghuo\/browser.*transport/);
  });

  it('rejects invalid numbers, models and base URLs at creation', () => {
    expect(create({ maxRetries: -1 })).toThrow(SparkConfigError);
    expect(create({ maxRetries: 1.5 })).toThrow(/maxRetries/);
    expect(create({ timeouts: { idleMs: -5 } })).toThrow(/timeouts.idleMs/);
    expect(create({ retryDelay: { baseDelayMs: Number.NaN } })).toThrow(/baseDelayMs/);
    expect(create({ defaultModel: 'nope' })).toThrow(/Known models/);
    expect(create({ baseURL: 'not a url' })).toThrow(SparkConfigError);
  });

  it('refuses a credential with a line break (a value read from a file), naming the option, not the value', () => {
    const password = 'secret-password-0001';
    expect(create({ apiSecret: `${CREDENTIALS.apiSecret}\n` })).toThrow(/apiSecret contains a line break/);
    expect(create({ apiKey: `${CREDENTIALS.apiKey}\r` })).toThrow(/apiKey contains a line break/);
    expect(create({ apiPassword: `${password}\n`, protocol: 'http' })).toThrow(SparkConfigError);
    expect(create({ apiPassword: `${password}\n`, protocol: 'http' })).not.toThrow(password);
  });

  it('never puts the key or the secret in a configuration error message', () => {
    let message = '';
    try {
      createSparkClient({ ...base, apiKey: CREDENTIALS.apiKey, apiSecret: undefined });
    } catch (error) {
      message = String(error);
    }
    expect(message).not.toBe('');
    expect(message).not.toContain(CREDENTIALS.apiKey);
  });
});

describe('logging and history trimming', () => {
  it('logs attempts with redacted URLs and never the key or the secret', async () => {
    const logger = recordingLogger();
    const transport = createMemoryTransport((server) => {
      if (server.index === 0) server.refuse({ status: 503, body: '{"message":"busy"}' });
      else respondWith(answerFrames('ok'))(server);
    });
    await makeClient(transport, { logger }).chat(QUESTION);

    const logged = JSON.stringify(logger.lines);
    expect(logger.lines.filter((line) => line.message === 'xinghuo: connecting')).toHaveLength(2);
    expect(logger.lines.some((line) => line.message === 'xinghuo: retrying')).toBe(true);
    expect(logged).toContain('authorization=[REDACTED]');
    expect(logged).not.toContain(CREDENTIALS.apiKey);
    expect(logged).not.toContain(CREDENTIALS.apiSecret);
    const authorization = new URL(transport.connections[0]!.url).searchParams.get('authorization')!;
    expect(logged).not.toContain(authorization);
  });

  it('passes capability warnings to logger.warn', async () => {
    const logger = recordingLogger();
    const transport = createMemoryTransport(respondWith(answerFrames('ok')));
    await makeClient(transport, { logger }).chat({
      messages: [
        { role: 'system', content: '你是助手' },
        { role: 'user', content: '你好' },
      ],
    });

    expect(logger.lines.some((line) => line.level === 'warn' && /system/.test(line.message))).toBe(true);
  });

  it('trims the oldest turns when asked, reports them and logs them', async () => {
    const logger = recordingLogger();
    const transport = createMemoryTransport(respondWith(answerFrames('ok')));
    const long = '很长的历史消息'.repeat(40);
    const messages = [
      { role: 'system' as const, content: '你是助手' },
      { role: 'user' as const, content: long },
      { role: 'assistant' as const, content: long },
      { role: 'user' as const, content: '最新的问题' },
    ];

    const result = await makeClient(transport, { logger, defaultModel: 'max' }).chat({
      messages,
      trimHistory: { maxInputTokens: 60 },
    });

    expect(result.trimmedMessages).toEqual([messages[1], messages[2]]);
    const sent = (await transport.connections[0]!.request).payload.message.text;
    expect(sent).toEqual([messages[0], messages[3]]);
    expect(logger.lines.some((line) => line.level === 'info' && /trimmed/.test(line.message))).toBe(true);
  });

  it('sends the history untouched and reports no trimming without trimHistory', async () => {
    const transport = createMemoryTransport(respondWith(answerFrames('ok')));
    const messages = [
      { role: 'user' as const, content: '一' },
      { role: 'assistant' as const, content: '二' },
      { role: 'user' as const, content: '三' },
    ];
    const result = await makeClient(transport).chat({ messages });

    expect(result.trimmedMessages).toBeUndefined();
    expect((await transport.connections[0]!.request).payload.message.text).toEqual(messages);
  });
});

describe('concurrency', () => {
  it('runs 50 parallel streams on one client, each with its own answer and socket', async () => {
    const transport = createMemoryTransport(async (server) => {
      const request = await server.request;
      const question = request.payload.message.text.at(-1)?.content ?? '';
      // Interleave the answers: each frame waits a macrotask so the streams really overlap.
      for (const frame of answerFrames(`answer to ${question}`, { chunkSize: 3, sid: `sid-${question}` })) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        server.send(frame);
      }
      server.close();
    });
    const client = makeClient(transport);

    const results = await Promise.all(
      Array.from({ length: 50 }, async (_, index) => {
        const stream = client.stream({ messages: [{ role: 'user', content: `q${index}` }] });
        const events = await collect(stream);
        const streamed = events
          .flatMap((event) => (event.type === 'text-delta' ? [event.text] : []))
          .join('');
        return { index, streamed, result: await stream.finalResult() };
      }),
    );

    for (const { index, streamed, result } of results) {
      expect(streamed).toBe(`answer to q${index}`);
      expect(result.text).toBe(`answer to q${index}`);
      expect(result.sid).toBe(`sid-q${index}`);
    }
    expect(transport.connections).toHaveLength(50);
    expect(transport.openConnections()).toHaveLength(0);
  });
});

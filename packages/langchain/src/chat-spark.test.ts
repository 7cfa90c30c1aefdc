import { type AIMessageChunk, HumanMessage, SystemMessage } from '@langchain/core/messages';
import {
  createSparkClient,
  SparkAbortError,
  SparkConfigError,
  SparkContentFilterError,
  SparkError,
  SparkServerError,
  SparkTimeoutError,
} from '@xinghuo/core';
import {
  answerFrames,
  createMemoryTransport,
  errorFrame,
  functionCallFrame,
  respondWith,
  searchResultsFrame,
} from '@xinghuo/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventually } from '../../../test-support/eventually';
import { FAKE_CREDENTIALS, memoryModel, usageOf, wireMessages } from '../test/helpers/memory-model';
import { ChatSpark } from './chat-spark';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('ChatSpark initialisation', () => {
  it('constructs with a client and opens no connection', () => {
    const { model, transport } = memoryModel(respondWith(answerFrames('x')));
    expect(model).toBeInstanceOf(ChatSpark);
    expect(model.modelInfo.id).toBe('generalv3.5');
    expect(transport.connections).toHaveLength(0);
  });

  it('constructs with credentials and a transport, and reads missing ones from SPARK_* variables', () => {
    const transport = createMemoryTransport(respondWith(answerFrames('x')));
    expect(() => new ChatSpark({ ...FAKE_CREDENTIALS, transport })).not.toThrow();
    vi.stubEnv('SPARK_APP_ID', 'envapp01');
    vi.stubEnv('SPARK_API_KEY', FAKE_CREDENTIALS.apiKey);
    vi.stubEnv('SPARK_API_SECRET', FAKE_CREDENTIALS.apiSecret);
    vi.stubEnv('SPARK_MODEL', 'lite');
    const fromEnv = new ChatSpark({ transport });
    expect(fromEnv.appId).toBe('envapp01');
    expect(fromEnv.modelInfo.id).toBe('lite');
    expect(transport.connections).toHaveLength(0);
  });

  it('with a client reads no credentials from the environment', () => {
    vi.stubEnv('SPARK_API_SECRET', FAKE_CREDENTIALS.apiSecret);
    const { model } = memoryModel(() => {});
    expect(model.apiSecret).toBeUndefined();
    expect(JSON.stringify(model.toJSON())).not.toContain('SPARK_API_SECRET');
  });

  it('without a client or credentials throws a SparkConfigError naming the variables', () => {
    vi.stubEnv('SPARK_API_PASSWORD', '');
    vi.stubEnv('SPARK_PROTOCOL', '');
    vi.stubEnv('SPARK_APP_ID', '');
    vi.stubEnv('SPARK_API_KEY', '');
    vi.stubEnv('SPARK_API_SECRET', '');
    expect(() => new ChatSpark({ transport: createMemoryTransport(() => {}) })).toThrow(SparkConfigError);
    expect(() => new ChatSpark({ transport: createMemoryTransport(() => {}) })).toThrow(
      /SPARK_APP_ID.*SPARK_API_KEY.*SPARK_API_SECRET/,
    );
  });

  it("checks credentials with core's shared check: a signUrl needs only the app id, blank variables are unset", () => {
    vi.stubEnv('SPARK_APP_ID', '  ');
    vi.stubEnv('SPARK_API_KEY', '');
    vi.stubEnv('SPARK_API_SECRET', '');
    const transport = createMemoryTransport(() => {});
    const signUrl = async () => 'wss://example.invalid/v1.1/chat';
    let message = '';
    try {
      new ChatSpark({ signUrl, transport });
    } catch (error) {
      expect(error).toBeInstanceOf(SparkConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/missing appId \(SPARK_APP_ID\)\./);
    expect(message).not.toMatch(/SPARK_API_KEY/);
    expect(() => new ChatSpark({ appId: 'app12345', signUrl, transport })).not.toThrow();
  });

  it('with credentials but no transport on a runtime without WebSocket says to pass a @xinghuo/node client', () => {
    // Node 20 has no global WebSocket, which is the case this behaviour is for.
    expect((globalThis as { WebSocket?: unknown }).WebSocket).toBeUndefined();
    expect(() => new ChatSpark({ ...FAKE_CREDENTIALS })).toThrow(SparkConfigError);
    expect(() => new ChatSpark({ ...FAKE_CREDENTIALS })).toThrow(/@xinghuo\/node/);
  });

  it('rejects an unknown model id at construction', () => {
    const client = createSparkClient({ ...FAKE_CREDENTIALS, transport: createMemoryTransport(() => {}) });
    expect(() => new ChatSpark({ client, model: 'gpt-4' })).toThrow(SparkConfigError);
  });

  it('has the LangChain identity and secrets map', () => {
    const { model } = memoryModel(() => {});
    expect(ChatSpark.lc_name()).toBe('ChatSpark');
    expect(model.getName()).toBe('ChatSpark');
    expect(model._llmType()).toBe('spark');
    expect(model.lc_serializable).toBe(true);
    expect(model.lc_secrets).toEqual({
      apiKey: 'SPARK_API_KEY',
      apiSecret: 'SPARK_API_SECRET',
      apiPassword: 'SPARK_API_PASSWORD',
    });
    expect(model.streaming).toBe(true);
  });

  it('serializes without the API key, the secret or the client', () => {
    const transport = createMemoryTransport(() => {});
    const model = new ChatSpark({ ...FAKE_CREDENTIALS, transport, model: 'max', temperature: 0.3 });
    const json = JSON.stringify(model.toJSON());
    expect(json).not.toContain(FAKE_CREDENTIALS.apiKey);
    expect(json).not.toContain(FAKE_CREDENTIALS.apiSecret);
    expect(json).toContain('SPARK_API_KEY');
    expect(json).toContain('"temperature":0.3');
    expect(json).not.toContain('transport');
    const serialized = model.toJSON() as { id: string[]; kwargs: Record<string, unknown> };
    expect(serialized.id.at(-1)).toBe('ChatSpark');
    expect(serialized.kwargs.api_key).toEqual({ lc: 1, type: 'secret', id: ['SPARK_API_KEY'] });
  });

  it('serializes without the APIPassword, naming its variable', () => {
    const password = 'httpPassword0123456789abcdefXYZW';
    const model = new ChatSpark({ model: 'x2', protocol: 'http', apiPassword: password });
    const json = JSON.stringify(model.toJSON());
    expect(json).not.toContain(password);
    const serialized = model.toJSON() as { kwargs: Record<string, unknown> };
    expect(serialized.kwargs.api_password).toEqual({ lc: 1, type: 'secret', id: ['SPARK_API_PASSWORD'] });
    expect(serialized.kwargs.protocol).toBe('http');
  });

  it('switches LangChain retries off and keeps the SDK retry count', () => {
    const transport = createMemoryTransport(() => {});
    const model = new ChatSpark({ ...FAKE_CREDENTIALS, transport, maxRetries: 4 });
    expect((model.caller as unknown as { maxRetries: number }).maxRetries).toBe(0);
    expect(model.maxRetries).toBe(4);
  });
});

describe('ChatSpark parameters', () => {
  it('reports all six LangSmith params', () => {
    const { model } = memoryModel(() => {}, { temperature: 0.4, maxTokens: 100, model: 'max' });
    expect(model.getLsParams({ stop: ['END'] } as never)).toEqual({
      ls_provider: 'iflytek',
      ls_model_name: 'generalv3.5',
      ls_model_type: 'chat',
      ls_temperature: 0.4,
      ls_max_tokens: 100,
      ls_stop: ['END'],
    });
    const { model: defaults } = memoryModel(() => {}, { model: 'lite' });
    expect(defaults.getLsParams({} as never)).toMatchObject({ ls_model_name: 'lite', ls_max_tokens: 4096 });
  });

  it('lets call options override constructor options on the wire', async () => {
    const { model, transport } = memoryModel(respondWith(answerFrames('ok')), { temperature: 0.2, topK: 2 });
    await model.invoke('hi', { temperature: 0.9, maxTokens: 64, uid: 'user-1' });
    const frame = await transport.connections[0]!.request;
    expect(frame.parameter.chat).toMatchObject({
      domain: 'generalv3.5',
      temperature: 0.9,
      max_tokens: 64,
      top_k: 2,
    });
    expect(frame.header.uid).toBe('user-1');
  });
});

describe('ChatSpark invoke and stream', () => {
  it('invoke returns the whole answer, the final frame text included, with usage and metadata', async () => {
    const { model, transport } = memoryModel(
      respondWith(
        answerFrames(['你好', '，我是', '星火。'], {
          usage: { promptTokens: 7, completionTokens: 3, totalTokens: 10 },
        }),
      ),
    );
    const message = await model.invoke([new SystemMessage('Be brief.'), new HumanMessage('Who are you?')]);
    expect(message.content).toBe('你好，我是星火。');
    expect(message.usage_metadata).toMatchObject({ input_tokens: 7, output_tokens: 3, total_tokens: 10 });
    expect(message.response_metadata).toMatchObject({ model_name: 'generalv3.5', finish_reason: 'stop' });
    expect(message.response_metadata.sid).toMatch(/^cht/);
    expect(wireMessages(await transport.connections[0]!.request)).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Who are you?' },
    ]);
    expect(transport.openConnections()).toHaveLength(0);
  });

  it('streams one chunk per text frame and the usage on the last chunk only', async () => {
    const { model } = memoryModel(respondWith(answerFrames(['a', 'b', 'c'])));
    const chunks = [];
    for await (const chunk of await model.stream('hi')) chunks.push(chunk);
    expect(chunks.map((chunk) => chunk.content)).toEqual(['a', 'b', 'c', '']);
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage_metadata === undefined)).toBe(true);
    expect(usageOf(chunks.at(-1))?.total_tokens).toBeGreaterThan(0);
  });

  it('calls handleLLMNewToken for every text chunk', async () => {
    const { model } = memoryModel(respondWith(answerFrames(['x', 'y'])));
    const tokens: string[] = [];
    await model.invoke('hi', {
      callbacks: [{ handleLLMNewToken: (token: string) => void tokens.push(token) }],
    });
    expect(tokens.filter((token) => token !== '')).toEqual(['x', 'y']);
  });

  it('puts web-search sources and reasoning into additional_kwargs, not the text', async () => {
    const { model } = memoryModel(
      respondWith([
        searchResultsFrame([{ url: 'https://example.com/a', title: 'A' }]),
        ...answerFrames('answer', { reasoning: 'think' }),
      ]),
    );
    const message = await model.invoke('q');
    expect(message.content).toBe('answer');
    expect(message.additional_kwargs.reasoning_content).toBe('think');
    expect(message.additional_kwargs.search_results).toEqual([
      { index: 1, url: 'https://example.com/a', title: 'A' },
    ]);
  });

  it('returns tool calls with parsed arguments and a generated id', async () => {
    const { model } = memoryModel(respondWith([functionCallFrame('get_weather', { city: '合肥' })]));
    const bound = model.bindTools([
      { name: 'get_weather', description: 'w', parameters: { type: 'object', properties: {} } },
    ]);
    const message = await bound.invoke('weather?');
    expect(message.tool_calls).toEqual([
      { type: 'tool_call', name: 'get_weather', args: { city: '合肥' }, id: expect.stringMatching(/^call_/) },
    ]);
    expect(message.response_metadata.finish_reason).toBe('tool_calls');
  });

  it('reports arguments that are not JSON as invalid_tool_calls', async () => {
    const { model } = memoryModel(respondWith([functionCallFrame('f', 'city=合肥')]));
    const message = await model
      .bindTools([{ name: 'f', description: 'f', parameters: { type: 'object', properties: {} } }])
      .invoke('q');
    expect(message.tool_calls).toEqual([]);
    expect(message.invalid_tool_calls).toMatchObject([{ name: 'f', args: 'city=合肥' }]);
  });

  it('surfaces an error frame as the typed SDK error, not an empty answer', async () => {
    const { model } = memoryModel(respondWith([errorFrame(10013, 'ContentAuditError:input')]));
    const error = await model.invoke('bad').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SparkContentFilterError);
    expect((error as SparkContentFilterError).stage).toBe('input');
  });

  it('cuts the answer at a stop sequence and closes the socket', async () => {
    const { model, transport } = memoryModel(async (server) => {
      await server.request;
      // No final frame and no server close: only the client's close can end this exchange.
      for (const frame of answerFrames(['first ', 'line\nST', 'OP more', ' tail', 'end']).slice(0, 4))
        server.send(frame);
    });
    const message = await model.invoke('q', { stop: ['\nSTOP'] });
    expect(message.content).toBe('first line');
    expect(message.response_metadata.finish_reason).toBe('stop');
    expect(transport.openConnections()).toHaveLength(0);
  });
});

describe('ChatSpark aborts and retries', () => {
  it('rejects an already-aborted signal with AbortError before connecting', async () => {
    const { model, transport } = memoryModel(respondWith(answerFrames('x')));
    const controller = new AbortController();
    controller.abort();
    const error = await model.invoke('hi', { signal: controller.signal }).catch((caught: unknown) => caught);
    expect((error as Error).name).toBe('AbortError');
    expect(transport.connections).toHaveLength(0);
  });

  it('closes the socket when aborted mid-stream', async () => {
    const controller = new AbortController();
    const { model, transport } = memoryModel(async (server) => {
      await server.request;
      server.send(answerFrames(['a', 'b'])[0]);
      // Never finishes: only the abort can end this exchange.
    });
    const stream = await model.stream('hi', { signal: controller.signal });
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const chunk of stream) {
        seen.push(chunk.content);
        controller.abort();
      }
    })().catch((caught: unknown) => caught);
    expect(seen).toEqual(['a']);
    expect((error as Error).name).toBe('AbortError');
    expect(await eventually(() => transport.openConnections().length === 0)).toBe(true);
  });

  it('reports the timeout call option as a SparkTimeoutError', async () => {
    const { model, transport } = memoryModel(async (server) => {
      await server.request;
    });
    const error = await model.invoke('hi', { timeout: 50 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SparkTimeoutError);
    expect((error as SparkTimeoutError).timeoutMs).toBe(50);
    expect(await eventually(() => transport.openConnections().length === 0)).toBe(true);
  });

  it('passes maxRetries to the SDK retry policy, which LangChain does not repeat', async () => {
    const handler = async (server: {
      index: number;
      request: Promise<unknown>;
      send(frame: unknown): void;
      close(): void;
    }) => {
      await server.request;
      const frames =
        server.index === 0 ? [errorFrame(10010, 'RecvFromEngineError:Engine Busy')] : answerFrames('ok');
      for (const frame of frames) server.send(frame);
      server.close();
    };
    const retrying = createMemoryTransport(handler);
    const answer = await new ChatSpark({ ...FAKE_CREDENTIALS, transport: retrying, maxRetries: 1 }).invoke(
      'hi',
    );
    expect(answer.content).toBe('ok');
    expect(retrying.connections).toHaveLength(2);

    const once = createMemoryTransport(handler);
    const error = await new ChatSpark({ ...FAKE_CREDENTIALS, transport: once, maxRetries: 0 })
      .invoke('hi')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SparkServerError);
    expect(once.connections).toHaveLength(1);
  });

  it('keeps typed errors typed through batch', async () => {
    const { model } = memoryModel(async (server) => {
      const request = await server.request;
      const question = wireMessages(request).at(-1)?.content ?? '';
      for (const frame of question === 'bad' ? [errorFrame(10013)] : answerFrames(`echo ${question}`))
        server.send(frame);
      server.close();
    });
    const results = await model.batch(['one', 'bad', 'two'], {}, { returnExceptions: true });
    expect((results[0] as AIMessageChunk).content).toBe('echo one');
    expect(SparkError.isInstance(results[1])).toBe(true);
    expect((results[2] as AIMessageChunk).content).toBe('echo two');
    expect(SparkAbortError).toBeDefined();
  });
});

describe('ChatSpark in a browser page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('refuses a raw API secret unless dangerouslyAllowBrowser is set', () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', {});
    const transport = createMemoryTransport(() => {});
    expect(() => new ChatSpark({ ...FAKE_CREDENTIALS, transport })).toThrow(/anyone who opens the page/);
    expect(
      () => new ChatSpark({ ...FAKE_CREDENTIALS, transport, dangerouslyAllowBrowser: true }),
    ).not.toThrow();
    const signUrl = async () => 'wss://example.invalid/v1.1/chat';
    expect(() => new ChatSpark({ appId: FAKE_CREDENTIALS.appId, signUrl, transport })).not.toThrow();
  });
});

/**
 * The checks LangChain's standard chat-model unit suite makes, implemented here against ChatSpark:
 * initialisation (with a client, with credentials, from the environment), streaming enabled, bindTools,
 * withStructuredOutput, LangSmith params, serialization, an already-aborted signal and an abort during a
 * stream. None of them touches a network.
 */
import { tool } from '@langchain/core/tools';
import { SparkConfigError } from '@xinghuo/core';
import { answerFrames, createMemoryTransport, respondWith } from '@xinghuo/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { eventually } from '../../../test-support/eventually';
import { ChatSpark } from '../src/index';
import { FAKE_CREDENTIALS, memoryModel } from './helpers/memory-model';

afterEach(() => {
  vi.unstubAllEnvs();
});

const weather = tool(async () => 'sunny', {
  name: 'get_weather',
  description: 'Weather',
  schema: z.object({ city: z.string() }),
});

describe('standard chat model checks', () => {
  it('initialises with a client, and with credentials from the constructor or the environment', () => {
    expect(memoryModel(() => {}).model).toBeInstanceOf(ChatSpark);
    const transport = createMemoryTransport(() => {});
    expect(new ChatSpark({ ...FAKE_CREDENTIALS, transport })).toBeInstanceOf(ChatSpark);
    vi.stubEnv('SPARK_APP_ID', FAKE_CREDENTIALS.appId);
    vi.stubEnv('SPARK_API_KEY', FAKE_CREDENTIALS.apiKey);
    vi.stubEnv('SPARK_API_SECRET', FAKE_CREDENTIALS.apiSecret);
    const fromEnv = new ChatSpark({ transport });
    expect(fromEnv.apiKey).toBe(FAKE_CREDENTIALS.apiKey);
    expect(transport.connections).toHaveLength(0);
  });

  it('fails to initialise without credentials with a typed error', () => {
    vi.stubEnv('SPARK_APP_ID', '');
    vi.stubEnv('SPARK_API_KEY', '');
    vi.stubEnv('SPARK_API_SECRET', '');
    expect(() => new ChatSpark({ transport: createMemoryTransport(() => {}) })).toThrow(SparkConfigError);
  });

  it('initialises with streaming enabled and streams', async () => {
    const { model } = memoryModel(respondWith(answerFrames(['a', 'b'])), { streaming: true });
    expect(model.streaming).toBe(true);
    const chunks = [];
    for await (const chunk of await model.stream('hi')) chunks.push(chunk.content);
    expect(chunks.join('')).toBe('ab');
  });

  it('binds LangChain tools, zod-schema tools and OpenAI-style tools', () => {
    const { model } = memoryModel(() => {});
    const bound = model.bindTools([
      weather,
      { name: 'zodTool', description: 'z', schema: z.object({ a: z.number() }) },
      {
        type: 'function',
        function: { name: 'openaiTool', description: 'o', parameters: { type: 'object', properties: {} } },
      },
    ]);
    expect(typeof bound.invoke).toBe('function');
    expect(typeof bound.stream).toBe('function');
  });

  it('returns runnables from withStructuredOutput with both methods and includeRaw', () => {
    const { model } = memoryModel(() => {});
    const schema = z.object({ answer: z.string() });
    for (const config of [undefined, { method: 'jsonMode' }, { includeRaw: true }]) {
      expect(typeof model.withStructuredOutput(schema, config as never).invoke).toBe('function');
    }
    expect(() => model.withStructuredOutput(schema, { method: 'nope' })).toThrow(SparkConfigError);
  });

  it('reports standard LangSmith params with the right types', () => {
    const { model } = memoryModel(() => {}, { temperature: 0.5, maxTokens: 10 });
    const params = model.getLsParams({ stop: ['x'] } as never);
    expect(params.ls_provider).toBe('iflytek');
    expect(typeof params.ls_model_name).toBe('string');
    expect(params.ls_model_type).toBe('chat');
    expect(typeof params.ls_temperature).toBe('number');
    expect(typeof params.ls_max_tokens).toBe('number');
    expect(params.ls_stop).toEqual(['x']);
  });

  it('serializes with secret markers only', () => {
    const model = new ChatSpark({ ...FAKE_CREDENTIALS, transport: createMemoryTransport(() => {}) });
    const serialized = model.toJSON() as { type: string; id: string[]; kwargs: Record<string, unknown> };
    expect(serialized.type).toBe('constructor');
    expect(serialized.id).toEqual(['langchain', 'chat_models', 'spark', 'ChatSpark']);
    expect(serialized.kwargs.api_secret).toEqual({ lc: 1, type: 'secret', id: ['SPARK_API_SECRET'] });
    expect(JSON.stringify(serialized)).not.toContain(FAKE_CREDENTIALS.apiSecret);
  });

  it('rejects an already-aborted signal', async () => {
    const { model, transport } = memoryModel(respondWith(answerFrames('x')));
    await expect(model.invoke('hi', { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(transport.connections).toHaveLength(0);
  });

  it('stops a stream when the signal aborts and closes the socket', async () => {
    const controller = new AbortController();
    const { model, transport } = memoryModel(async (server) => {
      await server.request;
      server.send(answerFrames(['a', 'b', 'c'])[0]);
    });
    const consume = async () => {
      for await (const _chunk of await model.stream('hi', { signal: controller.signal })) controller.abort();
    };
    await expect(consume()).rejects.toMatchObject({ name: 'AbortError' });
    expect(await eventually(() => transport.openConnections().length === 0)).toBe(true);
  });
});

/**
 * ChatSpark building its own HTTP client (no `client` passed): `protocol` and `apiPassword` fields, or
 * `SPARK_PROTOCOL` / `SPARK_API_PASSWORD`, against the HTTP face of the mock over loopback. On Node 20,
 * which has no global WebSocket, this is the form that needs nothing but credentials.
 */
import type { AIMessageChunk, BaseMessage } from '@langchain/core/messages';
import { SparkInvalidRequestError } from '@xinghuo/core';
import { type MockSpark, recordedHttpBody } from '@xinghuo/mock-server';
import { useMockSpark } from '@xinghuo/mock-server/vitest';
import { createAgent } from 'langchain';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChatSpark, type ChatSparkInput } from '../src/index';
import { cityTools, weatherToolLoop } from './helpers/city-tools';
import { usageOf } from './helpers/memory-model';
import { mockModel } from './helpers/mock-model';

const getMock = useMockSpark();

afterEach(async () => {
  vi.unstubAllEnvs();
  await vi.waitFor(() => expect(getMock().openHttpRequests()).toBe(0));
});

/** A ChatSpark that builds its own HTTP client for `mock` from fields only. */
function httpModel(mock: MockSpark, fields: ChatSparkInput = {}): ChatSpark {
  return new ChatSpark({
    model: 'x2',
    protocol: 'http',
    apiPassword: mock.apiPassword,
    baseURL: mock.httpURL,
    maxRetries: 0,
    ...fields,
  });
}

describe('ChatSpark over HTTP without a client', () => {
  it("new ChatSpark({ model: 'x2', protocol: 'http', apiPassword }) chats over /x2/chat/completions", async () => {
    const mock = getMock();
    mock.enqueue({ text: '合肥是安徽的省会。' });
    const model = httpModel(mock);
    expect(model.protocol).toBe('http');
    const reply = await model.invoke('用一句话介绍合肥。');
    expect(reply.text).toBe('合肥是安徽的省会。');
    expect(usageOf(reply)?.total_tokens).toBeGreaterThan(0);
    expect(mock.requests).toHaveLength(1);
    expect(mock.requests[0]).toMatchObject({
      protocol: 'http',
      path: '/x2/chat/completions',
      bearer: 'api-password',
    });
    expect(recordedHttpBody(mock.requests[0])).toMatchObject({ model: 'spark-x', stream: true });
    expect(mock.connections.filter((connection) => connection.protocol !== 'http')).toHaveLength(0);
  });

  it('streams the answer chunk by chunk, usage on the last chunk', async () => {
    const mock = getMock();
    mock.enqueue({ text: '一二三四五六七八九十' });
    const chunks: AIMessageChunk[] = [];
    for await (const chunk of await httpModel(mock).stream('数到十')) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.map((chunk) => chunk.text).join('')).toBe('一二三四五六七八九十');
    expect(usageOf(chunks.at(-1))?.total_tokens).toBeGreaterThan(0);
    expect(chunks.slice(0, -1).every((chunk) => usageOf(chunk) === undefined)).toBe(true);
  });

  it('sends topP, presencePenalty and frequencyPenalty (constructor, then a call option winning)', async () => {
    const mock = getMock();
    const model = httpModel(mock, { model: 'max', topP: 0.8, presencePenalty: 0.5, frequencyPenalty: -1 });
    await model.invoke('你好');
    await model.invoke('你好', { topP: 0.3 });
    expect(recordedHttpBody(mock.requests[0])).toMatchObject({
      top_p: 0.8,
      presence_penalty: 0.5,
      frequency_penalty: -1,
    });
    expect(mock.requests[1]?.request).toMatchObject({
      topP: 0.3,
      presencePenalty: 0.5,
      frequencyPenalty: -1,
    });
    await expect(model.invoke('你好', { topP: 1.5 })).rejects.toThrow(/topP must be a number greater than 0/);
    expect(mock.requests).toHaveLength(2);
  });

  it('bindTools: the call keeps its id and the result goes back as a tool turn quoting it', async () => {
    const mock = getMock();
    const { getWeather, calls } = cityTools();
    const model = httpModel(mock, { model: 'max' }).bindTools([getWeather]);
    const { call, answer } = await weatherToolLoop(model, getWeather);
    expect(call?.name).toBe('get_weather');
    expect(call?.id).toEqual(expect.any(String));
    expect(calls).toHaveLength(1);
    expect(answer.tool_calls ?? []).toEqual([]);
    expect(answer.text).toContain('晴，25°C');
    expect(recordedHttpBody(mock.requests[0]).tools).toMatchObject([
      { type: 'function', function: { name: 'get_weather' } },
    ]);
    expect(recordedHttpBody(mock.requests[1]).messages.slice(1)).toMatchObject([
      { role: 'assistant', tool_calls: [{ id: call?.id, function: { name: 'get_weather' } }] },
      { role: 'tool', tool_call_id: call?.id, content: expect.stringContaining('晴，25°C') },
    ]);
  });

  it('createAgent with a tool: the agent calls it, gets its result and answers', async () => {
    const mock = getMock();
    const { getWeather, calls } = cityTools();
    const agent = createAgent({ model: httpModel(mock, { model: 'max' }), tools: [getWeather] });
    const result = await agent.invoke({ messages: [{ role: 'user', content: '合肥今天天气怎么样？' }] });
    expect(calls).toHaveLength(1);
    expect(result.messages.map((message) => message.getType())).toEqual(['human', 'ai', 'tool', 'ai']);
    const toolMessage = result.messages[2] as BaseMessage & { tool_call_id: string };
    expect(result.messages.at(-1)?.text).toContain('晴，25°C');
    expect(mock.requests.every((request) => request.protocol === 'http')).toBe(true);
    expect(recordedHttpBody(mock.requests[1]).messages.at(-1)).toMatchObject({
      role: 'tool',
      tool_call_id: toolMessage.tool_call_id,
    });
  });

  it('builds from SPARK_PROTOCOL, SPARK_API_PASSWORD and SPARK_BASE_URL alone', async () => {
    const mock = getMock();
    vi.stubEnv('SPARK_APP_ID', '');
    vi.stubEnv('SPARK_API_KEY', '');
    vi.stubEnv('SPARK_API_SECRET', '');
    vi.stubEnv('SPARK_PROTOCOL', 'http');
    vi.stubEnv('SPARK_API_PASSWORD', mock.apiPassword);
    vi.stubEnv('SPARK_BASE_URL', mock.httpURL);
    vi.stubEnv('SPARK_MODEL', 'x2');
    mock.enqueue({ text: '来自环境变量。' });
    const model = new ChatSpark({ maxRetries: 0 });
    expect(model.protocol).toBe('http');
    expect((await model.invoke('你好')).text).toBe('来自环境变量。');
    expect(mock.requests[0]).toMatchObject({
      protocol: 'http',
      path: '/x2/chat/completions',
      bearer: 'api-password',
    });
  });

  it("protocol 'http' with only the key pair sends Bearer key:secret (the app id is not needed)", async () => {
    const mock = getMock();
    vi.stubEnv('SPARK_API_PASSWORD', '');
    mock.enqueue({ text: '密钥对。' });
    const { appId, apiKey, apiSecret } = mock.credentials;
    const model = httpModel(mock, { apiPassword: undefined, appId, apiKey, apiSecret });
    expect(model.protocol).toBe('http');
    expect((await model.invoke('你好')).text).toBe('密钥对。');
    expect(mock.requests[0]).toMatchObject({ protocol: 'http', bearer: 'api-key-secret' });
  });

  it('an option of the other protocol fails before any network, naming the protocol', async () => {
    const mock = getMock();
    await expect(httpModel(mock, { chatId: 'c1' }).invoke('你好')).rejects.toThrow(SparkInvalidRequestError);
    for (const option of [{ topP: 0.5 }, { presencePenalty: 1 }, { frequencyPenalty: 1 }]) {
      await expect(mockModel(mock, option).invoke('你好')).rejects.toThrow(
        /must be left out on WebSocket: it is an HTTP option \(protocol: "http"\)/,
      );
    }
    expect(mock.requests).toHaveLength(0);
  });
});

import type { AIMessageChunk } from '@langchain/core/messages';
import { AIMessage, HumanMessage, SystemMessage } from '@langchain/core/messages';
import { SparkAuthError, SparkContentFilterError, SparkContextLengthError } from '@xinghuo/core';
import { useMockSpark } from '@xinghuo/mock-server/vitest';
import { createSparkClient } from '@xinghuo/node';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../test-support/eventually';
import { ChatSpark } from '../src/index';
import { usageOf } from './helpers/memory-model';
import { mockModel, receivedFrame, receivedMessages } from './helpers/mock-model';

const getMock = useMockSpark();

afterEach(async () => {
  // The server side finishes its close handshake a moment after the client has its answer.
  expect(await eventually(() => getMock().openSockets() === 0)).toBe(true);
});

describe('ChatSpark against the mock server', () => {
  it('invoke returns the deterministic answer with usage, sid and model', async () => {
    const mock = getMock();
    const message = await mockModel(mock).invoke('介绍一下合肥');
    expect(typeof message.content).toBe('string');
    expect(message.content).toContain('介绍一下合肥');
    const usage = usageOf(message);
    expect(usage?.input_tokens).toBeGreaterThan(0);
    expect(usage?.output_tokens).toBeGreaterThan(0);
    expect(usage?.total_tokens).toBe((usage?.input_tokens ?? 0) + (usage?.output_tokens ?? 0));
    expect(message.response_metadata).toMatchObject({ model_name: 'generalv3.5', finish_reason: 'stop' });
    expect(message.response_metadata.sid).toMatch(/^cht/);
    expect(mock.requests[0]?.path).toBe('/v3.5/chat');
  });

  it('streams more than one chunk, and the chunks concatenate to the invoke text', async () => {
    const model = mockModel(getMock(), { model: 'lite' });
    const invoked = await model.invoke('What is Spark?');
    const chunks: AIMessageChunk[] = [];
    for await (const chunk of await model.stream('What is Spark?')) chunks.push(chunk);
    expect(chunks.filter((chunk) => chunk.content !== '').length).toBeGreaterThan(1);
    expect(chunks.map((chunk) => chunk.content).join('')).toBe(invoked.content);
    const usageChunks = chunks.filter((chunk) => usageOf(chunk) !== undefined);
    expect(usageChunks).toHaveLength(1);
    expect(usageChunks[0]).toBe(chunks.at(-1));
    const whole = chunks.reduce((left, right) => left.concat(right));
    expect(usageOf(whole)).toEqual(usageOf(invoked));
  });

  it('batch answers each input from its own socket', async () => {
    const mock = getMock();
    const model = mockModel(mock);
    const results = await model.batch(['问题一', '问题二', '问题三']);
    expect(
      results.map((result) =>
        String(result.content).includes(`问题${['一', '二', '三'][results.indexOf(result)]}`),
      ),
    ).toEqual([true, true, true]);
    expect(mock.requests).toHaveLength(3);
  });

  it('sends a multi-turn conversation with the system message first and roles alternating', async () => {
    const mock = getMock();
    await mockModel(mock).invoke([
      new SystemMessage('你是一个导游。'),
      new HumanMessage('合肥在哪里？'),
      new AIMessage('合肥是安徽省的省会。'),
      new HumanMessage('有什么好玩的？'),
    ]);
    expect(receivedMessages(mock, 0)).toEqual([
      { role: 'system', content: '你是一个导游。' },
      { role: 'user', content: '合肥在哪里？' },
      { role: 'assistant', content: '合肥是安徽省的省会。' },
      { role: 'user', content: '有什么好玩的？' },
    ]);
  });

  it('trims the oldest turns through core when trimHistory is set', async () => {
    const mock = getMock();
    const history = Array.from({ length: 20 }, (_, index) => [
      new HumanMessage(`第${index}个问题：${'很长的历史内容'.repeat(40)}`),
      new AIMessage(`第${index}个回答：${'很长的历史内容'.repeat(40)}`),
    ]).flat();
    const message = await mockModel(mock, { trimHistory: { maxInputTokens: 1000 } }).invoke([
      new SystemMessage('系统提示'),
      ...history,
      new HumanMessage('最后的问题'),
    ]);
    const sent = receivedMessages(mock, 0);
    expect(sent[0]).toEqual({ role: 'system', content: '系统提示' });
    expect(sent.at(-1)).toEqual({ role: 'user', content: '最后的问题' });
    expect(sent.length).toBeLessThan(history.length + 2);
    expect(sent[1]?.role).toBe('user');
    expect(message.response_metadata.trimmed_messages).toBe(history.length + 2 - sent.length);
  });

  it('passes sampling options to the wire', async () => {
    const mock = getMock();
    await mockModel(mock, { temperature: 0.3, topK: 3, maxTokens: 256, uid: 'u-1' }).invoke('hi');
    const frame = receivedFrame(mock, 0);
    expect(frame.parameter.chat).toMatchObject({
      domain: 'generalv3.5',
      temperature: 0.3,
      top_k: 3,
      max_tokens: 256,
    });
    expect(frame.header.uid).toBe('u-1');
  });

  it('signs the real path of pro-128k, which the peer integration gets wrong', async () => {
    const mock = getMock();
    const message = await mockModel(mock, { model: 'pro-128k' }).invoke('hi');
    expect(message.content).not.toBe('');
    expect(mock.requests[0]?.path).toBe('/chat/pro-128k');
  });

  it('raises SparkContentFilterError for an input moderation frame instead of returning empty text', async () => {
    const mock = getMock();
    mock.enqueue({ error: { code: 10013 } });
    await expect(mockModel(mock).invoke('x')).rejects.toBeInstanceOf(SparkContentFilterError);
  });

  it('raises SparkContentFilterError with the partial text for a mid-stream 10014', async () => {
    const mock = getMock();
    mock.enqueue({ error: { code: 10014, afterFrames: 2 } });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const chunk of await mockModel(mock).stream('x')) seen.push(String(chunk.content));
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SparkContentFilterError);
    expect((error as SparkContentFilterError).stage).toBe('output');
    expect(seen.length).toBe(2);
    expect((error as SparkContentFilterError).partialText).toBe(seen.join(''));
  });

  it('raises SparkContextLengthError for 10907', async () => {
    const mock = getMock();
    mock.enqueue({ error: { code: 10907 } });
    await expect(mockModel(mock).invoke('x')).rejects.toBeInstanceOf(SparkContextLengthError);
  });

  it('raises SparkAuthError for a wrong secret, without the secret in the message', async () => {
    const mock = getMock();
    const wrongSecret = 'W'.repeat(32);
    const client = createSparkClient({
      ...mock.credentials,
      apiSecret: wrongSecret,
      baseURL: mock.url,
      env: {},
    });
    const error = await new ChatSpark({ client }).invoke('x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SparkAuthError);
    expect(String(error)).not.toContain(wrongSecret);
    expect(String((error as Error).message)).not.toContain(mock.credentials.apiKey);
  });
});

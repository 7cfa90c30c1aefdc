/**
 * ChatSpark's LangChain v1 surface against the mock Spark server: `profile`, reasoning as a standard
 * content block, `streamUsage`, and a forced `tool_choice`.
 */
import type { AIMessageChunk } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { useMockSpark } from '@xinghuo/mock-server/vitest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { usageOf } from './helpers/memory-model';
import { mockModel, receivedFrame, receivedMessages } from './helpers/mock-model';

const weather = tool(async ({ city }) => `${city}: 晴`, {
  name: 'get_weather',
  description: 'Weather of a city',
  schema: z.object({ city: z.string() }),
});
const time = tool(async () => '10:00', {
  name: 'get_time',
  description: 'Current time',
  schema: z.object({}),
});

describe('ChatSpark for LangChain v1', () => {
  const mock = useMockSpark();

  it('has a profile per model from the registry', () => {
    expect(mockModel(mock(), { model: 'generalv3.5' }).profile).toEqual({
      maxInputTokens: 8192,
      maxOutputTokens: 8192,
      toolCalling: true,
      toolChoice: true,
      structuredOutput: false,
      reasoningOutput: false,
      imageInputs: false,
      imageUrlInputs: false,
      pdfInputs: false,
      audioInputs: false,
      videoInputs: false,
      midConversationSystemMessages: false,
    });
    expect(mockModel(mock(), { model: 'x1' }).profile).toMatchObject({
      maxInputTokens: 65536,
      maxOutputTokens: 65536,
      reasoningOutput: true,
    });
    expect(mockModel(mock(), { model: 'lite' }).profile).toMatchObject({
      maxInputTokens: 8192,
      maxOutputTokens: 4096,
      toolCalling: false,
      toolChoice: false,
    });
    expect(mockModel(mock(), { model: 'pro-128k' }).profile.maxInputTokens).toBe(131072);
  });

  it("yields x1's reasoning as a reasoning content block, before the text", async () => {
    mock().enqueue({ reasoning: '先想一想。', text: '答案是 2。' });
    const message = await mockModel(mock(), { model: 'x1' }).invoke('1+1=?');
    expect(message.response_metadata.model_provider).toBe('iflytek');
    expect(message.contentBlocks).toEqual([
      { type: 'reasoning', reasoning: '先想一想。' },
      { type: 'text', text: '答案是 2。' },
    ]);
    expect(message.content).toBe('答案是 2。');
  });

  it('streams chunks whose concatenation has the same blocks', async () => {
    mock().enqueue({ reasoning: '先想一想。', text: '答案是 2。' });
    let aggregate: AIMessageChunk | undefined;
    for await (const chunk of await mockModel(mock(), { model: 'x1' }).stream('1+1=?')) {
      aggregate = aggregate === undefined ? chunk : aggregate.concat(chunk);
    }
    expect(aggregate?.contentBlocks).toEqual([
      { type: 'reasoning', reasoning: '先想一想。' },
      { type: 'text', text: '答案是 2。' },
    ]);
  });

  it('a tool call is a tool_call block', async () => {
    mock().enqueue({ functionCall: { name: 'get_weather', arguments: '{"city":"合肥"}' } });
    const message = await mockModel(mock()).bindTools([weather]).invoke('合肥天气');
    expect(message.contentBlocks).toMatchObject([
      { type: 'tool_call', name: 'get_weather', args: { city: '合肥' } },
    ]);
  });

  it('streamUsage: false leaves the usage off the streamed answer; the default keeps it', async () => {
    const chunks = async (streamUsage?: boolean) => {
      let aggregate: AIMessageChunk | undefined;
      const model = mockModel(mock(), streamUsage === undefined ? {} : { streamUsage });
      for await (const chunk of await model.stream('你好')) aggregate = aggregate?.concat(chunk) ?? chunk;
      return aggregate;
    };
    expect(usageOf(await chunks(false))).toBeUndefined();
    expect(usageOf(await chunks())?.total_tokens).toBeGreaterThan(0);
    // Per call too.
    const model = mockModel(mock());
    let aggregate: AIMessageChunk | undefined;
    for await (const chunk of await model.stream('你好', { streamUsage: false }))
      aggregate = aggregate?.concat(chunk) ?? chunk;
    expect(usageOf(aggregate)).toBeUndefined();
  });

  it('a forced tool_choice sends only that function and asks for the call in the last user turn', async () => {
    mock().enqueue({ functionCall: { name: 'get_time', arguments: '{}' } });
    const message = await mockModel(mock())
      .bindTools([weather, time], { tool_choice: 'get_time' })
      .invoke('现在？');
    expect(receivedFrame(mock(), 0).payload.functions?.text.map((fn) => fn.name)).toEqual(['get_time']);
    expect(receivedMessages(mock(), 0).at(-1)?.content).toBe(
      '现在？\n\nAnswer by calling the function "get_time"; do not answer in text.',
    );
    expect(message.tool_calls).toMatchObject([{ name: 'get_time', args: {} }]);
  });

  it("tool_choice 'any' sends every function and asks for a call", async () => {
    mock().enqueue({ functionCall: { name: 'get_weather', arguments: '{"city":"合肥"}' } });
    await mockModel(mock()).bindTools([weather, time], { tool_choice: 'any' }).invoke('帮我查');
    expect(receivedFrame(mock(), 0).payload.functions?.text.map((fn) => fn.name)).toEqual([
      'get_weather',
      'get_time',
    ]);
    expect(receivedMessages(mock(), 0).at(-1)?.content).toMatch(/Answer by calling one of the functions/);
  });
});

/**
 * doStream and streamText against the mock Spark server: every part type, in order.
 */
import type { LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { useMockSpark } from '@xinghuo/mock-server/vitest';
import { streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { mockProvider, readAll, receivedChat } from './helpers/mock-provider';

const userPrompt = (text: string) => [{ role: 'user' as const, content: [{ type: 'text' as const, text }] }];

function types(parts: LanguageModelV3StreamPart[]): string[] {
  // Consecutive deltas of one block collapse to one entry: their count depends on the mock's chunk size.
  return parts
    .map((part) => part.type)
    .filter((type, index, all) => !(type.endsWith('-delta') && all[index - 1] === type));
}

describe('doStream', () => {
  const mock = useMockSpark();

  it('streams sources, reasoning and text as parts in order, then metadata and finish', async () => {
    mock().enqueue({
      searchResults: [
        { index: 1, url: 'https://example.com/a', title: 'A' },
        { index: 2, url: 'https://example.com/b', title: 'B' },
      ],
      reasoning: '先想一想：1+1。',
      text: '答案是 2。The answer is 2.',
    });
    const model = mockProvider(mock())('x1', { webSearch: { showRefLabel: true } });
    const { stream } = await model.doStream({ prompt: userPrompt('1+1=?') });
    const parts = await readAll(stream);

    expect(types(parts)).toEqual([
      'stream-start',
      'source',
      'source',
      'reasoning-start',
      'reasoning-delta',
      'reasoning-end',
      'text-start',
      'text-delta',
      'text-end',
      'response-metadata',
      'finish',
    ]);
    const sources = parts.filter((part) => part.type === 'source');
    expect(sources).toMatchObject([
      { sourceType: 'url', url: 'https://example.com/a', title: 'A' },
      { sourceType: 'url', url: 'https://example.com/b', title: 'B' },
    ]);
    const deltas = (type: string) =>
      parts
        .filter((part): part is Extract<LanguageModelV3StreamPart, { delta: string }> => part.type === type)
        .map((part) => part.delta)
        .join('');
    expect(deltas('reasoning-delta')).toBe('先想一想：1+1。');
    expect(deltas('text-delta')).toBe('答案是 2。The answer is 2.');
    // Each block's parts share an id, and text and reasoning blocks have different ids.
    const reasoningIds = new Set(
      parts.filter((part) => part.type.startsWith('reasoning-')).map((part) => (part as { id: string }).id),
    );
    const textIds = new Set(
      parts.filter((part) => part.type.startsWith('text-')).map((part) => (part as { id: string }).id),
    );
    expect(reasoningIds.size).toBe(1);
    expect(textIds.size).toBe(1);
    expect([...reasoningIds][0]).not.toBe([...textIds][0]);

    const metadata = parts.find((part) => part.type === 'response-metadata');
    const finish = parts.at(-1) as Extract<LanguageModelV3StreamPart, { type: 'finish' }>;
    expect(metadata).toMatchObject({ id: expect.stringMatching(/^cht/), modelId: 'x1' });
    expect(finish.finishReason).toEqual({ unified: 'stop', raw: 'stop' });
    expect(finish.usage.inputTokens.total).toBeGreaterThan(0);
    expect(finish.usage.outputTokens.total).toBeGreaterThan(0);
    expect(finish.providerMetadata?.spark?.sid).toBe((metadata as { id: string }).id);

    const chat = receivedChat(mock(), 0);
    expect(chat.tools).toEqual([{ type: 'web_search', web_search: { enable: true, show_ref_label: true } }]);
  });

  it('streams a function call as tool input parts and a tool call with a tool-calls finish', async () => {
    mock().enqueue({ functionCall: { name: 'weather', arguments: '{"city":"北京"}' } });
    const { stream } = await mockProvider(mock())('max').doStream({
      prompt: userPrompt('北京天气'),
      tools: [
        {
          type: 'function',
          name: 'weather',
          description: 'Weather of a city',
          inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        },
      ],
    });
    const parts = await readAll(stream);
    expect(types(parts)).toEqual([
      'stream-start',
      'tool-input-start',
      'tool-input-delta',
      'tool-input-end',
      'tool-call',
      'response-metadata',
      'finish',
    ]);
    const call = parts.find((part) => part.type === 'tool-call');
    expect(call).toMatchObject({ toolName: 'weather', input: '{"city":"北京"}' });
    const start = parts.find((part) => part.type === 'tool-input-start');
    expect(start).toMatchObject({ id: (call as { toolCallId: string }).toolCallId, toolName: 'weather' });
    expect((parts.at(-1) as { finishReason: unknown }).finishReason).toEqual({
      unified: 'tool-calls',
      raw: 'function_call',
    });
  });
});

describe('streamText', () => {
  const mock = useMockSpark();

  it('streams the text through the AI SDK, with the full stream in order', async () => {
    mock().enqueue({ text: '你好！Hello from Spark.' });
    const result = streamText({ model: mockProvider(mock())('lite'), prompt: '你好' });
    const seen: string[] = [];
    for await (const part of result.fullStream) {
      if (seen.at(-1) !== part.type) seen.push(part.type);
    }
    expect(seen).toEqual([
      'start',
      'start-step',
      'text-start',
      'text-delta',
      'text-end',
      'finish-step',
      'finish',
    ]);
    expect(await result.text).toBe('你好！Hello from Spark.');
    expect(await result.finishReason).toBe('stop');
    expect((await result.response).id).toMatch(/^cht/);
    expect((await result.providerMetadata)?.spark?.sid).toBe((await result.response).id);
  });

  it('yields text chunks as they arrive', async () => {
    mock().enqueue({ text: '一二三四五六七八九十。One two three four five.', chunkChars: 5 });
    const result = streamText({ model: mockProvider(mock())('max'), prompt: '数数' });
    const chunks: string[] = [];
    for await (const chunk of result.textStream) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join('')).toBe('一二三四五六七八九十。One two three four five.');
  });
});

/**
 * generateText and doGenerate against the mock Spark server.
 */
import { useMockSpark } from '@xinghuo/mock-server/vitest';
import { generateText } from 'ai';
import { describe, expect, it } from 'vitest';
import { mockProvider, receivedChat, receivedMessages } from './helpers/mock-provider';

describe('generateText', () => {
  const mock = useMockSpark();

  it('answers with the text, sid, usage and finish reason of the exchange', async () => {
    mock().enqueue({ text: '北京今天晴。The sky is clear.' });
    const spark = mockProvider(mock());
    const result = await generateText({
      model: spark('max'),
      system: '你是天气助手。',
      prompt: '北京天气怎么样？',
      temperature: 0.3,
      maxOutputTokens: 200,
    });

    expect(result.text).toBe('北京今天晴。The sky is clear.');
    expect(result.finishReason).toBe('stop');
    expect(result.rawFinishReason).toBe('stop');
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
    const sid = result.providerMetadata?.spark?.sid;
    expect(sid).toMatch(/^cht/);
    expect(result.response.id).toBe(sid);
    expect(result.response.modelId).toBe('generalv3.5');
    expect(result.warnings).toEqual([]);

    expect(receivedMessages(mock(), 0)).toEqual([
      { role: 'system', content: '你是天气助手。' },
      { role: 'user', content: '北京天气怎么样？' },
    ]);
    const chat = receivedChat(mock(), 0);
    expect(chat).toMatchObject({ domain: 'generalv3.5', temperature: 0.3, max_tokens: 200 });
  });

  it('returns x1 reasoning as reasoning content', async () => {
    mock().enqueue({ reasoning: '先算 1+1。', text: '答案是 2。' });
    const result = await generateText({ model: mockProvider(mock())('x1'), prompt: '1+1=?' });
    expect(result.reasoningText).toBe('先算 1+1。');
    expect(result.text).toBe('答案是 2。');
  });

  it('names every setting Spark does not take over WebSocket in a warning and sends none of them', async () => {
    const result = await generateText({
      model: mockProvider(mock())('lite'),
      prompt: '你好',
      topP: 0.9,
      presencePenalty: 0.5,
      frequencyPenalty: 0.5,
      seed: 7,
      stopSequences: ['。'],
    });
    expect((result.warnings ?? []).map((warning) => (warning as { feature?: string }).feature)).toEqual([
      'topP',
      'presencePenalty',
      'frequencyPenalty',
      'seed',
      'stopSequences',
    ]);
    const chat = receivedChat(mock(), 0);
    expect(Object.keys(chat).sort()).toEqual(['domain']);
  });

  it('sends the history as alternating Spark turns', async () => {
    await generateText({
      model: mockProvider(mock())('max'),
      messages: [
        { role: 'system', content: 'A' },
        { role: 'user', content: 'q1' },
        { role: 'assistant', content: 'a1' },
        { role: 'user', content: 'q2' },
        { role: 'user', content: 'q3' },
      ],
    });
    expect(receivedMessages(mock(), 0)).toEqual([
      { role: 'system', content: 'A' },
      { role: 'user', content: 'q1' },
      { role: 'assistant', content: 'a1' },
      { role: 'user', content: 'q2\n\nq3' },
    ]);
  });

  it('refuses an unknown model id with NoSuchModelError', () => {
    expect(() => mockProvider(mock())('gpt-4o')).toThrow(
      expect.objectContaining({ name: 'AI_NoSuchModelError' }),
    );
  });
});

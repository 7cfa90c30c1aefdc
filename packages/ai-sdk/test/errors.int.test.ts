/**
 * Spark failures → AI SDK errors with the right `isRetryable`, retried by the AI SDK only; moderation
 * → a `content-filter` finish.
 */
import { APICallError } from '@ai-sdk/provider';
import { useMockSpark } from '@xinghuo/mock-server/vitest';
import { generateText, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { failure } from '../../../test-support/failure';
import { mockProvider } from './helpers/mock-provider';

describe('errors', () => {
  const mock = useMockSpark();

  it('a rate limit (11202) is a retryable APICallError with the Spark code and sid', async () => {
    mock().enqueue({ error: { code: 11202 } });
    const error = await failure<unknown>(
      generateText({ model: mockProvider(mock())('max'), prompt: '你好', maxRetries: 0 }),
    );
    expect(APICallError.isInstance(error)).toBe(true);
    const apiError = error as APICallError;
    expect(apiError.isRetryable).toBe(true);
    expect(apiError.url).toBe('wss://spark-api.xf-yun.com/v3.5/chat');
    expect(apiError.data).toMatchObject({
      code: 'rate_limited',
      sparkCode: 11202,
      sid: expect.stringMatching(/^cht/),
    });
    expect(mock().requests).toHaveLength(1);
  });

  it("the AI SDK's maxRetries retries a retryable error, and only the AI SDK retries", async () => {
    mock().enqueue({ error: { code: 10012 } }, { error: { code: 11202 } }, { text: '第三次成功。' });
    const result = await generateText({ model: mockProvider(mock())('max'), prompt: '你好', maxRetries: 2 });
    expect(result.text).toBe('第三次成功。');
    expect(mock().requests).toHaveLength(3);
  });

  it('a missing authorization (11200) is not retried', async () => {
    mock().enqueue({ error: { code: 11200 } });
    const error = await failure<unknown>(
      generateText({ model: mockProvider(mock())('max'), prompt: '你好', maxRetries: 2 }),
    );
    expect(error).toMatchObject({
      isRetryable: false,
      data: { code: 'permission_denied', sparkCode: 11200 },
    });
    expect(mock().requests).toHaveLength(1);
  });

  it('a refused handshake (401) carries the status and is not retried', async () => {
    mock().enqueue({ reject: { status: 401, body: { message: 'HMAC signature does not match' } } });
    const error = await failure<unknown>(
      generateText({ model: mockProvider(mock())('max'), prompt: '你好', maxRetries: 2 }),
    );
    expect(error).toMatchObject({ statusCode: 401, isRetryable: false, data: { code: 'auth_error' } });
    expect(mock().connections).toHaveLength(1);
  });

  it('an error after the first token ends the stream with an error part and an error finish', async () => {
    mock().enqueue({
      text: '一二三四五六七八九十一二三四五六七八九十',
      error: { code: 10012, afterFrames: 1 },
    });
    const result = streamText({
      model: mockProvider(mock())('max'),
      prompt: '数数',
      maxRetries: 0,
      onError: () => {}, // read from the stream below instead of the default console log
    });
    const errors: unknown[] = [];
    const types: string[] = [];
    for await (const part of result.fullStream) {
      if (types.at(-1) !== part.type) types.push(part.type);
      if (part.type === 'error') errors.push(part.error);
    }
    expect(types).toEqual([
      'start',
      'start-step',
      'text-start',
      'text-delta',
      'text-end',
      'error',
      'finish-step',
      'finish',
    ]);
    expect(errors).toMatchObject([{ isRetryable: true, data: { sparkCode: 10012 } }]);
    expect(await result.finishReason).toBe('error');
  });

  it('output moderation (10014) mid-stream is a content-filter finish with the code', async () => {
    mock().enqueue({
      text: '一二三四五六七八九十一二三四五六七八九十',
      error: { code: 10014, afterFrames: 1 },
    });
    const result = streamText({ model: mockProvider(mock())('max'), prompt: '你好' });
    let text = '';
    for await (const chunk of result.textStream) text += chunk;
    expect(text.length).toBeGreaterThan(0);
    expect(await result.finishReason).toBe('content-filter');
    expect(await result.rawFinishReason).toBe('10014');
    expect((await result.providerMetadata)?.spark).toMatchObject({
      sparkCode: 10014,
      contentFilterStage: 'output',
    });
  });

  it.each([10013, 10019, 10021])(
    'input moderation (%i) is a content-filter finish with no text',
    async (code) => {
      mock().enqueue({ error: { code } });
      const result = await generateText({ model: mockProvider(mock())('max'), prompt: '你好' });
      expect(result.finishReason).toBe('content-filter');
      expect(result.rawFinishReason).toBe(String(code));
      expect(result.text).toBe('');
      expect(result.providerMetadata?.spark).toMatchObject({ sparkCode: code, contentFilterStage: 'input' });
    },
  );
});

/**
 * The provider over Spark's HTTP protocol (POST + SSE) against the HTTP face of the mock server:
 * text, stream parts, a tool loop with `tool` turns, several tool calls in one answer, JSON mode and
 * errors (abort over both protocols: abort.int.test.ts).
 */
import { APICallError, type LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { recordedHttpBody } from '@xinghuo/mock-server';
import { useMockSpark } from '@xinghuo/mock-server/vitest';
import { generateObject, generateText, stepCountIs, streamText, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { failure } from '../../../test-support/failure';
import { createSpark } from '../src/index';
import { mockHttpProvider, readAll } from './helpers/mock-provider';

const userPrompt = (text: string) => [{ role: 'user' as const, content: [{ type: 'text' as const, text }] }];

describe('over HTTP', () => {
  const mock = useMockSpark();

  it('generateText answers with the text, sid, usage and finish reason', async () => {
    mock().enqueue({ text: '北京今天晴。The sky is clear.' });
    const result = await generateText({
      model: mockHttpProvider(mock())('max'),
      system: '你是天气助手。',
      prompt: '北京天气怎么样？',
      temperature: 0.3,
    });
    expect(result.text).toBe('北京今天晴。The sky is clear.');
    expect(result.finishReason).toBe('stop');
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.providerMetadata?.spark?.sid).toEqual(expect.any(String));
    expect(result.warnings).toEqual([]);
    expect(mock().requests[0]?.protocol).toBe('http');
    expect(recordedHttpBody(mock().requests[0])).toMatchObject({
      temperature: 0.3,
      messages: [
        { role: 'system', content: '你是天气助手。' },
        { role: 'user', content: '北京天气怎么样？' },
      ],
    });
  });

  it('sends topP, presencePenalty and frequencyPenalty without a warning; still names seed and stopSequences', async () => {
    mock().enqueue({ text: '好。' });
    const result = await generateText({
      model: mockHttpProvider(mock())('max'),
      prompt: '你好',
      topP: 0.9,
      presencePenalty: 0.5,
      frequencyPenalty: -0.25,
      seed: 7,
    });
    expect(result.text).toBe('好。');
    expect((result.warnings ?? []).map((warning) => (warning as { feature?: string }).feature)).toEqual([
      'seed',
    ]);
    expect(recordedHttpBody(mock().requests[0])).toMatchObject({
      top_p: 0.9,
      presence_penalty: 0.5,
      frequency_penalty: -0.25,
    });
    expect(mock().requests[0]?.request).toMatchObject({
      topP: 0.9,
      presencePenalty: 0.5,
      frequencyPenalty: -0.25,
    });
    expect(recordedHttpBody(mock().requests[0])).not.toHaveProperty('seed');
  });

  it('a provider built with protocol and apiPassword speaks HTTP without a WebSocket', async () => {
    mock().enqueue({ text: '你好！' });
    const spark = createSpark({
      protocol: 'http',
      apiPassword: mock().apiPassword,
      baseURL: mock().httpURL,
      env: {},
    });
    const result = await generateText({ model: spark('lite'), prompt: '你好' });
    expect(result.text).toBe('你好！');
    expect(mock().requests[0]?.protocol).toBe('http');
  });

  it('SPARK_PROTOCOL=http with SPARK_API_PASSWORD builds an HTTP client; without a password it says what is missing', async () => {
    mock().enqueue({ text: '环境变量。' });
    const env = {
      SPARK_PROTOCOL: 'http',
      SPARK_API_PASSWORD: mock().apiPassword,
      SPARK_BASE_URL: mock().httpURL,
    };
    const result = await generateText({ model: createSpark({ env })('max'), prompt: '你好' });
    expect(result.text).toBe('环境变量。');
    expect(mock().requests[0]?.protocol).toBe('http');

    const error = await failure<unknown>(
      generateText({
        model: createSpark({ env: { SPARK_PROTOCOL: 'http' } })('max'),
        prompt: '你好',
        maxRetries: 0,
      }),
    );
    expect(String((error as Error).message)).toMatch(/apiPassword \(SPARK_API_PASSWORD\)/);
    expect(mock().requests).toHaveLength(1);
  });

  it('doStream yields reasoning and text parts in order, then metadata and finish', async () => {
    mock().enqueue({ reasoning: '先想一想：1+1。', text: '答案是 2。' });
    const { stream } = await mockHttpProvider(mock())('x1').doStream({ prompt: userPrompt('1+1=?') });
    const parts: LanguageModelV3StreamPart[] = await readAll(stream);
    const types = parts
      .map((part) => part.type)
      .filter((type, index, all) => !(type.endsWith('-delta') && all[index - 1] === type));
    expect(types).toEqual([
      'stream-start',
      'reasoning-start',
      'reasoning-delta',
      'reasoning-end',
      'text-start',
      'text-delta',
      'text-end',
      'response-metadata',
      'finish',
    ]);
    const text = parts.map((part) => (part.type === 'text-delta' ? part.delta : '')).join('');
    expect(text).toBe('答案是 2。');
  });

  it('streamText streams the text', async () => {
    mock().enqueue({ text: '一二三四五六七八九十' });
    const result = streamText({ model: mockHttpProvider(mock())('max'), prompt: '数数' });
    expect(await result.text).toBe('一二三四五六七八九十');
    expect(await result.finishReason).toBe('stop');
  });

  it('runs a tool loop: the result goes back as a tool turn with the call id and the answer uses it', async () => {
    mock().use(({ request }) => {
      const messages = (request.frame as { messages: Array<{ role: string; content: string | null }> })
        .messages;
      const last = messages.at(-1);
      if (last?.role !== 'tool') return { functionCall: { name: 'weather', arguments: '{"city":"北京"}' } };
      const { temperature, sky } = JSON.parse(last.content ?? '') as { temperature: number; sky: string };
      return { text: `北京现在${sky}，${temperature} 度。` };
    });
    let executed = 0;
    const result = await generateText({
      model: mockHttpProvider(mock())('max'),
      tools: {
        weather: tool({
          description: '查询城市天气',
          inputSchema: z.object({ city: z.string() }),
          execute: async ({ city }) => {
            executed += 1;
            return { city, temperature: 21, sky: '晴' };
          },
        }),
      },
      stopWhen: stepCountIs(3),
      prompt: '北京天气怎么样？',
    });

    expect(executed).toBe(1);
    expect(result.steps).toHaveLength(2);
    expect(result.steps[0]?.finishReason).toBe('tool-calls');
    expect(result.text).toBe('北京现在晴，21 度。');
    const callId = result.steps[0]?.toolCalls[0]?.toolCallId;
    expect(callId).toEqual(expect.any(String));
    const sent = recordedHttpBody(mock().requests[1]).messages;
    expect(sent).toMatchObject([
      { role: 'user', content: '北京天气怎么样？' },
      {
        role: 'assistant',
        tool_calls: [
          { id: callId, type: 'function', function: { name: 'weather', arguments: '{"city":"北京"}' } },
        ],
      },
      { role: 'tool', tool_call_id: callId, content: '{"city":"北京","temperature":21,"sky":"晴"}' },
    ]);
  });

  it('maps several tool calls of one answer to one tool-call part each, and sends each result back', async () => {
    const chunk = {
      code: 0,
      message: 'Success',
      sid: 'cha000000001',
      id: 'cha000000001',
      created: 1,
      choices: [
        {
          index: 0,
          delta: {
            role: 'assistant',
            content: '',
            tool_calls: [
              {
                index: 0,
                id: 'call_a',
                type: 'function',
                function: { name: 'weather', arguments: '{"city":"北京"}' },
              },
              {
                index: 1,
                id: 'call_b',
                type: 'function',
                function: { name: 'weather', arguments: '{"city":"上海"}' },
              },
            ],
          },
          finish_reason: 'tool_calls',
        },
      ],
      usage: { prompt_tokens: 5, completion_tokens: 5, total_tokens: 10 },
    };
    mock().enqueue({ frames: [chunk, '[DONE]'] }, { text: '北京 21 度，上海 25 度。' });
    const cities: string[] = [];
    const result = await generateText({
      model: mockHttpProvider(mock())('max'),
      tools: {
        weather: tool({
          inputSchema: z.object({ city: z.string() }),
          execute: async ({ city }) => {
            cities.push(city);
            return city === '北京' ? 21 : 25;
          },
        }),
      },
      stopWhen: stepCountIs(3),
      prompt: '北京和上海的天气',
    });
    expect(result.steps[0]?.toolCalls.map((call) => [call.toolCallId, call.input])).toEqual([
      ['call_a', { city: '北京' }],
      ['call_b', { city: '上海' }],
    ]);
    expect(cities.sort()).toEqual(['上海', '北京']);
    expect(result.text).toBe('北京 21 度，上海 25 度。');
    const sent = recordedHttpBody(mock().requests[1]).messages;
    expect(sent.slice(1)).toMatchObject([
      { role: 'assistant', tool_calls: [{ id: 'call_a' }, { id: 'call_b' }] },
      { role: 'tool', tool_call_id: 'call_a', content: '21' },
      { role: 'tool', tool_call_id: 'call_b', content: '25' },
    ]);
  });

  it("generateObject uses Spark's JSON mode, without a warning", async () => {
    mock().enqueue({ text: '{"city":"北京","temperature":21}' });
    const result = await generateObject({
      model: mockHttpProvider(mock())('max'),
      schema: z.object({ city: z.string(), temperature: z.number() }),
      prompt: '北京天气',
    });
    expect(result.object).toEqual({ city: '北京', temperature: 21 });
    expect(result.warnings).toEqual([]);
    const body = recordedHttpBody(mock().requests[0]);
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(body.messages.at(-1)?.content).toMatch(/^北京天气\n\nAnswer with exactly one JSON value/);
  });

  it('an HTTP 429 is a retryable APICallError with the status', async () => {
    mock().enqueue({
      reject: { status: 429, body: { error: { message: 'rate limited' } }, headers: { 'Retry-After': '2' } },
    });
    const error = await failure<unknown>(
      generateText({ model: mockHttpProvider(mock())('max'), prompt: '你好', maxRetries: 0 }),
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: true, statusCode: 429 });
    expect((error as APICallError).url).toMatch(/^https:\/\/spark-api-open\.xf-yun\.com\//);
    expect(mock().requests).toHaveLength(0);
  });

  it("the AI SDK's maxRetries retries a retryable HTTP failure, and only the AI SDK retries", async () => {
    mock().enqueue(
      { reject: { status: 429, body: { error: { message: 'rate limited' } } } },
      { error: { code: 11202 } },
      { text: '第三次成功。' },
    );
    const result = await generateText({
      model: mockHttpProvider(mock())('max'),
      prompt: '你好',
      maxRetries: 2,
    });
    expect(result.text).toBe('第三次成功。');
    // The rejected request is not recorded as a request; the business error and the answer are.
    expect(mock().connections).toHaveLength(3);
  });

  it('business errors: a rate limit (11202) is retryable, a missing authorization (11200) is not', async () => {
    mock().enqueue({ error: { code: 11202 } }, { error: { code: 11200 } });
    const model = mockHttpProvider(mock())('max');
    const rateLimited = await failure<unknown>(generateText({ model, prompt: '你好', maxRetries: 0 }));
    expect(rateLimited).toMatchObject({ isRetryable: true, data: { sparkCode: 11202 } });
    const denied = await failure<unknown>(generateText({ model, prompt: '你好', maxRetries: 2 }));
    expect(denied).toMatchObject({ isRetryable: false, data: { sparkCode: 11200 } });
    expect(mock().requests).toHaveLength(2);
  });
});

import { describe, expect, it } from 'vitest';
import { deterministicAnswer, estimateMockTokens as estimateTokens, MOCK_ROUTES } from '../src/index.js';
import { answerText, converse, type Frame } from './helpers/raw-client.js';
import { requestFrame } from './helpers/request-frame.js';
import { signTestUrl } from './helpers/sign-url.js';
import { useQuietMockSpark } from './helpers/use-quiet-mock.js';

const SID = /^cht[0-9a-f]{8}@dx[0-9a-f]{18}$/;

describe('streamed answers', () => {
  const spark = useQuietMockSpark({ chunkChars: 8 });

  const ask = (model: string, frame: unknown) =>
    converse(
      signTestUrl(spark().modelUrl(model), {
        apiKey: spark().credentials.apiKey,
        apiSecret: spark().credentials.apiSecret,
      }),
      frame,
    );
  const frameFor = (
    domain: string,
    content: string,
    extra: Parameters<typeof requestFrame>[0] | object = {},
  ) =>
    requestFrame({
      appId: spark().credentials.appId,
      domain,
      messages: [{ role: 'user', content }],
      ...extra,
    });

  it('streams status 0 → 1 → 2 with increasing seq, one sid, text on the last frame and usage only there', async () => {
    const question = '星火大模型 supports streaming吗？';
    const { frames, closeCode } = await ask('max', frameFor('generalv3.5', question));
    expect(frames.length).toBeGreaterThan(3);
    expect(frames.map((frame) => frame.header.status)).toEqual([0, ...frames.slice(2).map(() => 1), 2]);
    expect(frames.map((frame) => frame.payload?.choices?.status)).toEqual([
      0,
      ...frames.slice(2).map(() => 1),
      2,
    ]);
    expect(frames.map((frame) => frame.payload?.choices?.seq)).toEqual(frames.map((_frame, index) => index));
    expect(new Set(frames.map((frame) => frame.header.sid)).size).toBe(1);
    expect(frames[0]?.header.sid).toMatch(SID);
    expect(frames.at(-1)?.payload?.choices?.text[0]?.content).not.toBe('');
    expect(frames.filter((frame) => frame.payload?.usage !== undefined)).toHaveLength(1);
    for (const frame of frames)
      expect(Array.from(frame.payload?.choices?.text[0]?.content ?? '').length).toBeLessThanOrEqual(8);
    expect(closeCode).toBe(1000);

    const text = answerText(frames);
    expect(text).toContain(question);
    expect(text).toBe(deterministicAnswer([{ role: 'user', content: question }]));
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(text).toMatch(/[A-Za-z]{3,}/);
    const usage = frames.at(-1)?.payload?.usage?.text;
    expect(usage).toEqual({
      question_tokens: estimateTokens(question),
      prompt_tokens: estimateTokens(question),
      completion_tokens: estimateTokens(text),
      total_tokens: estimateTokens(question) + estimateTokens(text),
    });
  });

  it('gives the same answer to the same input and different answers to different questions', async () => {
    const first = answerText((await ask('max', frameFor('generalv3.5', '什么是 WebSocket？'))).frames);
    const second = answerText((await ask('max', frameFor('generalv3.5', '什么是 WebSocket？'))).frames);
    const other = answerText((await ask('max', frameFor('generalv3.5', '今天天气如何'))).frames);
    expect(second).toBe(first);
    expect(other).not.toBe(first);
  });

  it('counts every message in prompt_tokens', async () => {
    const messages = [
      { role: 'system', content: '你是一个助手' },
      { role: 'user', content: 'first question here' },
      { role: 'assistant', content: '第一个回答' },
      { role: 'user', content: '第二个问题' },
    ];
    const { frames } = await ask(
      'max',
      requestFrame({ appId: spark().credentials.appId, domain: 'generalv3.5', messages }),
    );
    const expected = messages.reduce((sum, message) => sum + estimateTokens(message.content), 0);
    expect(frames.at(-1)?.payload?.usage?.text.prompt_tokens).toBe(expected);
    expect(answerText(frames)).toContain('第二个问题');
  });

  it.each(
    MOCK_ROUTES.flatMap((route) => route.domains.map((domain) => [route.path, domain, route.id] as const)),
  )('serves %s with domain %s', async (path, domain, id) => {
    const { frames } = await ask(id, frameFor(domain, 'hello'));
    expect(frames.at(-1)?.header).toMatchObject({ code: 0, status: 2 });
    expect(spark().requests.at(-1)).toMatchObject({ path, model: id });
  });

  it('streams reasoning_content before the answer on x1, unless thinking is disabled', async () => {
    const { frames } = await ask('x1', frameFor('x1', '1+1等于几'));
    const reasoningFrames = frames.filter((frame) => frame.payload?.choices?.text[0]?.reasoning_content);
    expect(reasoningFrames.length).toBeGreaterThan(0);
    const firstAnswerIndex = frames.findIndex((frame) => frame.payload?.choices?.text[0]?.content);
    expect(frames.indexOf(reasoningFrames.at(-1) as Frame)).toBeLessThan(firstAnswerIndex);
    const disabled = await ask(
      'x1',
      frameFor('x1', '1+1等于几', { chat: { thinking: { type: 'disabled' } } }),
    );
    expect(disabled.frames.some((frame) => frame.payload?.choices?.text[0]?.reasoning_content)).toBe(false);
  });

  it('sends the web-search sources frame first when show_ref_label is on', async () => {
    const tools = [{ type: 'web_search', web_search: { enable: true, show_ref_label: true } }];
    const { frames } = await ask('ultra', frameFor('4.0Ultra', '曹操是谁', { chat: { tools } }));
    const [plugin] = frames;
    expect(plugin?.header.status).toBe(1);
    expect(plugin?.payload?.choices).toBeUndefined();
    const sources = JSON.parse(plugin?.payload?.plugins?.text[0]?.content ?? '[]');
    expect(sources).toHaveLength(3);
    expect(sources[0]).toMatchObject({ index: 1, url: expect.stringMatching(/^https:\/\/example\.com\//) });
    expect(frames[1]?.payload?.choices?.status).toBe(0);
    const without = await ask(
      'ultra',
      frameFor('4.0Ultra', '曹操是谁', {
        chat: { tools: [{ type: 'web_search', web_search: { enable: true } }] },
      }),
    );
    expect(without.frames[0]?.payload?.plugins).toBeUndefined();
  });

  it('answers with one function_call frame when the question names a function', async () => {
    const functions = {
      text: [
        {
          name: 'get_weather',
          description: '查询天气',
          parameters: {
            type: 'object',
            properties: {
              location: { type: 'string' },
              days: { type: 'integer' },
              unit: { type: 'string', enum: ['c', 'f'] },
            },
            required: ['location', 'days', 'unit'],
          },
        },
      ],
    };
    const { frames } = await ask(
      'max',
      frameFor('generalv3.5', '请调用 get_weather 查合肥', { payload: { functions } }),
    );
    expect(frames).toHaveLength(1);
    const item = frames[0]?.payload?.choices?.text[0];
    expect(frames[0]?.header.status).toBe(2);
    expect(item?.function_call?.name).toBe('get_weather');
    expect(JSON.parse(item?.function_call?.arguments ?? '')).toEqual({
      location: '示例',
      days: 1,
      unit: 'c',
    });
    expect(frames[0]?.payload?.usage?.text.completion_tokens).toBe(0);

    const plain = await ask('max', frameFor('generalv3.5', '合肥天气', { payload: { functions } }));
    expect(plain.frames.some((frame) => frame.payload?.choices?.text[0]?.function_call)).toBe(false);
  });
});

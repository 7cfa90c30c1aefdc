import { describe, expect, it } from 'vitest';
import { DEFAULT_API_PASSWORD, deterministicAnswer } from '../src/index.js';
import { type CompletionJson, postChat, readSse, streamedContent } from './helpers/http-client.js';
import { useQuietMockSpark } from './helpers/use-quiet-mock.js';

const PASSWORD = `Bearer ${DEFAULT_API_PASSWORD}`;
const WEATHER_TOOL = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Weather of a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};
const TIME_TOOL = {
  type: 'function',
  function: { name: 'get_time', description: 'Current time in a timezone', parameters: { type: 'object' } },
};
const ASK_WEATHER = [{ role: 'user', content: 'What is the weather in Paris?' }];

describe('HTTP answers: tools, web search, JSON mode, validation', () => {
  const spark = useQuietMockSpark();
  const post = (body: Record<string, unknown>, path = '/v1/chat/completions') =>
    postChat(`${spark().httpURL}${path}`, { model: 'generalv3.5', ...body }, { authorization: PASSWORD });

  it('returns one tool call as a single object by default, finish_reason tool_calls', async () => {
    const response = await post({ messages: ASK_WEATHER, tools: [WEATHER_TOOL, TIME_TOOL] });
    const body = (await response.json()) as CompletionJson;
    const call = body.choices?.[0]?.message?.tool_calls as {
      id: string;
      type: string;
      function: { name: string; arguments: string };
    };
    expect(Array.isArray(call)).toBe(false);
    expect(call.type).toBe('function');
    expect(call.id).toMatch(/^call_/);
    expect(call.function.name).toBe('get_weather');
    expect(JSON.parse(call.function.arguments)).toEqual({ city: expect.any(String) });
    expect(body.choices?.[0]?.finish_reason).toBe('tool_calls');
    expect(spark().requests[0]?.request?.functions.map((definition) => definition.name)).toEqual([
      'get_weather',
      'get_time',
    ]);
  });

  it('returns an array of tool calls with tool_calls_switch: true, streamed whole in one chunk', async () => {
    const response = await post({
      messages: ASK_WEATHER,
      tools: [WEATHER_TOOL],
      tool_calls_switch: true,
      stream: true,
    });
    const events = await readSse(response);
    expect(events.at(-1)?.data).toBe('[DONE]');
    const withCall = events.filter((event) => event.json?.choices?.[0]?.delta?.tool_calls !== undefined);
    expect(withCall).toHaveLength(1);
    const calls = withCall[0]!.json!.choices![0]!.delta!.tool_calls as {
      index: number;
      function: { name: string };
    }[];
    expect(calls).toEqual([expect.objectContaining({ index: 0, type: 'function' })]);
    expect(calls[0]!.function.name).toBe('get_weather');
    expect(withCall[0]!.json!.choices![0]!.finish_reason).toBe('tool_calls');
    expect(withCall[0]!.json!.usage?.completion_tokens).toBe(0);
  });

  it('follows tool_choice: none answers in text, a named function is called, unknown names are refused', async () => {
    const none = (await (
      await post({ messages: ASK_WEATHER, tools: [WEATHER_TOOL], tool_choice: 'none' })
    ).json()) as CompletionJson;
    expect(none.choices?.[0]?.message?.tool_calls).toBeUndefined();
    expect(none.choices?.[0]?.finish_reason).toBe('stop');

    const named = (await (
      await post({
        messages: ASK_WEATHER,
        tools: [WEATHER_TOOL, TIME_TOOL],
        tool_choice: { type: 'function', function: { name: 'get_time' } },
      })
    ).json()) as CompletionJson;
    expect(named.choices?.[0]?.message?.tool_calls).toMatchObject({ function: { name: 'get_time' } });

    const unknown = (await (
      await post({
        messages: ASK_WEATHER,
        tools: [WEATHER_TOOL],
        tool_choice: { type: 'function', function: { name: 'nope' } },
      })
    ).json()) as CompletionJson;
    expect(unknown.code).toBe(10004);
  });

  it('follows tool_choice required: a call even when the default rule would answer in text; records the choice', async () => {
    const greeting = [{ role: 'user', content: '你好' }];
    const auto = (await (
      await post({ messages: greeting, tools: [WEATHER_TOOL, TIME_TOOL], tool_choice: 'auto' })
    ).json()) as CompletionJson;
    expect(auto.choices?.[0]?.message?.tool_calls).toBeUndefined();

    const required = (await (
      await post({ messages: greeting, tools: [WEATHER_TOOL, TIME_TOOL], tool_choice: 'required' })
    ).json()) as CompletionJson;
    expect(required.choices?.[0]?.message?.tool_calls).toMatchObject({ function: { name: 'get_weather' } });
    expect(required.choices?.[0]?.finish_reason).toBe('tool_calls');

    const named = await post({
      messages: greeting,
      tools: [WEATHER_TOOL, TIME_TOOL],
      tool_choice: { type: 'function', function: { name: 'get_time' } },
    });
    await named.body?.cancel();
    expect(spark().requests.map((record) => record.request?.toolChoice)).toEqual([
      'auto',
      'required',
      'get_time',
    ]);
  });

  it('refuses tool_choice required without tools, and a malformed tool_choice (10004)', async () => {
    const withoutTools = (await (
      await post({ messages: ASK_WEATHER, tool_choice: 'required' })
    ).json()) as CompletionJson;
    expect(withoutTools.code).toBe(10004);
    const malformed = (await (
      await post({ messages: ASK_WEATHER, tools: [WEATHER_TOOL], tool_choice: 'any' })
    ).json()) as CompletionJson;
    expect(malformed.code).toBe(10004);
    expect(spark().requests.map((record) => record.error?.code)).toEqual([10004, 10004]);
  });

  it('answers with text after a role `tool` result, so an agent loop ends', async () => {
    const messages = [
      ...ASK_WEATHER,
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: 'sunny, 21°C' },
    ];
    const response = await post({ messages, tools: [WEATHER_TOOL] });
    const body = (await response.json()) as CompletionJson;
    expect(body.choices?.[0]?.message?.tool_calls).toBeUndefined();
    expect(body.choices?.[0]?.message?.content).toContain('sunny, 21°C');
    expect(body.choices?.[0]?.finish_reason).toBe('stop');
  });

  it('streams web-search sources before the answer when show_ref_label is set', async () => {
    const response = await post({
      messages: [{ role: 'user', content: '今天的新闻' }],
      tools: [
        { type: 'web_search', web_search: { enable: true, search_mode: 'deep', show_ref_label: true } },
      ],
      stream: true,
    });
    const events = await readSse(response);
    const sources = events[0]?.json?.choices?.[0]?.delta?.plugins_content;
    expect(sources?.[0]?.name).toBe('ifly_search');
    expect(JSON.parse(sources?.[0]?.content ?? '[]').length).toBeGreaterThan(0);
    expect(spark().requests[0]?.request?.webSearch).toEqual({
      enable: true,
      showRefLabel: true,
      searchMode: 'deep',
    });
  });

  it('answers one JSON object for response_format json_object', async () => {
    const response = await post({
      messages: [{ role: 'user', content: 'List three colors' }],
      response_format: { type: 'json_object' },
      stream: true,
    });
    const text = streamedContent(await readSse(response));
    const value: unknown = JSON.parse(text);
    expect(value).toEqual({ answer: deterministicAnswer([{ role: 'user', content: 'List three colors' }]) });
  });

  it('validates like the service: HTTP temperature [0, 2], max_tokens per model, roles, JSON', async () => {
    const ok = await post({ messages: ASK_WEATHER, temperature: 1.5, model: 'lite', max_tokens: 4096 });
    expect(((await ok.json()) as CompletionJson).code).toBe(0);

    const cases: [Record<string, unknown> | string, number, RegExp][] = [
      [{ messages: ASK_WEATHER, temperature: 2.5 }, 10163, /temperature 2\.5 is outside \[0, 2\]/],
      [{ messages: ASK_WEATHER, model: 'lite', max_tokens: 4097 }, 10163, /max_tokens 4097/],
      [{ messages: ASK_WEATHER, top_k: 7 }, 10163, /top_k/],
      [{ messages: [{ role: 'function', content: 'x' }] }, 10004, /role function/],
      [{ messages: [] }, 10004, /messages must be a non-empty array/],
      [
        { messages: ASK_WEATHER, tools: [{ type: 'function', function: { name: 'bad name!' } }] },
        10004,
        /name/,
      ],
      ['{"model":', 10003, /not valid JSON/],
    ];
    for (const [body, code, message] of cases) {
      const response =
        typeof body === 'string'
          ? await postChat(`${spark().httpURL}/v1/chat/completions`, body, { authorization: PASSWORD })
          : await post(body);
      expect(response.status).toBe(200);
      const answer = (await response.json()) as CompletionJson;
      expect(answer.code).toBe(code);
      expect(answer.message).toMatch(message);
      expect(answer.sid).toMatch(/^cht/);
    }
    expect(spark().requests.at(-1)?.error?.code).toBe(10003);
    expect(spark().requests.at(-1)?.raw).toBe('{"model":');
  });

  it('records top_p, presence_penalty and frequency_penalty, and range-checks them', async () => {
    const ok = await post({ messages: ASK_WEATHER, top_p: 1, presence_penalty: -2, frequency_penalty: 1.5 });
    expect(((await ok.json()) as CompletionJson).code).toBe(0);
    expect(spark().requests.at(-1)?.request).toMatchObject({
      topP: 1,
      presencePenalty: -2,
      frequencyPenalty: 1.5,
    });
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ top_p: 0 }, /top_p 0 is outside \(0, 1\]/],
      [{ presence_penalty: 2.5 }, /presence_penalty 2\.5 is outside \[-2, 2\]/],
      [{ frequency_penalty: -3 }, /frequency_penalty -3 is outside \[-2, 2\]/],
    ];
    for (const [fields, message] of cases) {
      const answer = (await (await post({ messages: ASK_WEATHER, ...fields })).json()) as CompletionJson;
      expect(answer.code).toBe(10163);
      expect(answer.message).toMatch(message);
      expect(spark().requests.at(-1)?.request).toBeUndefined();
    }
  });

  it('takes X2 max_tokens up to 128K, beyond X1.5', async () => {
    const x2 = await post(
      { model: 'spark-x', messages: ASK_WEATHER, max_tokens: 100_000 },
      '/x2/chat/completions',
    );
    expect(((await x2.json()) as CompletionJson).code).toBe(0);
    const x15 = await post(
      { model: 'spark-x', messages: ASK_WEATHER, max_tokens: 100_000 },
      '/v2/chat/completions',
    );
    expect(((await x15.json()) as CompletionJson).code).toBe(10163);
  });

  it('lets request handlers see the validated HTTP request and pick the scenario', async () => {
    spark().use(({ path, model, request }) =>
      path === '/v2/chat/completions' ? { text: `handled ${model} ${request.messages.length}` } : undefined,
    );
    const response = await post(
      { model: 'spark-x', messages: ASK_WEATHER, stream: true },
      '/v2/chat/completions',
    );
    expect(streamedContent(await readSse(response))).toBe(`handled spark-x 1`);
  });
});

/**
 * ChatSpark over Spark's HTTP protocol (POST + SSE) against the HTTP face of the mock server: tool
 * calls keep Spark's ids, results go back as `tool` turns, several calls of one answer stay apart,
 * `tool_choice` and JSON mode are native, and `createAgent` and `withStructuredOutput` finish against
 * the default mock.
 */
import type { AIMessage, BaseMessage } from '@langchain/core/messages';
import { SparkInvalidRequestError } from '@xinghuo/core';
import { recordedHttpBody } from '@xinghuo/mock-server';
import { useMockSpark } from '@xinghuo/mock-server/vitest';
import { createAgent } from 'langchain';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { cityTools, weatherToolLoop } from './helpers/city-tools';
import { mockHttpModel, mockModel } from './helpers/mock-model';

const getMock = useMockSpark();

afterEach(async () => {
  await vi.waitFor(() => expect(getMock().openHttpRequests()).toBe(0));
});

describe('ChatSpark over HTTP', () => {
  it('a tool loop: the call keeps its id and the result goes back as a tool turn quoting it', async () => {
    const mock = getMock();
    const { getWeather, calls } = cityTools();
    const model = mockHttpModel(mock).bindTools([getWeather]);
    const { first, call, answer } = await weatherToolLoop(model, getWeather);
    expect(first.tool_calls).toHaveLength(1);
    expect(call?.name).toBe('get_weather');
    expect(call?.id).toEqual(expect.any(String));
    expect(calls).toHaveLength(1);
    expect(answer.tool_calls ?? []).toEqual([]);
    expect(answer.text).toContain('晴，25°C');

    expect(mock.requests.every((request) => request.protocol === 'http')).toBe(true);
    expect(recordedHttpBody(mock.requests[1]).messages.slice(1)).toMatchObject([
      {
        role: 'assistant',
        tool_calls: [{ id: call?.id, type: 'function', function: { name: 'get_weather' } }],
      },
      { role: 'tool', tool_call_id: call?.id, content: expect.stringContaining('晴，25°C') },
    ]);
  });

  it('several calls of one answer become separate tool calls with their own ids and arguments', async () => {
    const mock = getMock();
    const toolCall = (index: number, id: string, city: string) => ({
      index,
      id,
      type: 'function',
      function: { name: 'get_weather', arguments: JSON.stringify({ city }) },
    });
    mock.enqueue({
      frames: [
        {
          code: 0,
          message: 'Success',
          sid: 'cha000000002',
          id: 'cha000000002',
          created: 1,
          choices: [
            {
              index: 0,
              delta: {
                role: 'assistant',
                content: '',
                tool_calls: [toolCall(0, 'a', '北京'), toolCall(1, 'b', '上海')],
              },
              finish_reason: 'tool_calls',
            },
          ],
          usage: { prompt_tokens: 5, completion_tokens: 5, total_tokens: 10 },
        },
        '[DONE]',
      ],
    });
    const { getWeather } = cityTools();
    const reply = (await mockHttpModel(mock).bindTools([getWeather]).invoke('北京和上海的天气')) as AIMessage;
    expect(reply.tool_calls?.map((call) => [call.id, call.args])).toEqual([
      ['a', { city: '北京' }],
      ['b', { city: '上海' }],
    ]);
  });

  it('createAgent with two tools: the agent calls a tool, gets its result and answers', async () => {
    const { getWeather, getTime, calls } = cityTools();
    const agent = createAgent({ model: mockHttpModel(getMock()), tools: [getWeather, getTime] });
    const result = await agent.invoke({ messages: [{ role: 'user', content: '合肥今天天气怎么样？' }] });
    expect(calls).toHaveLength(1);
    expect(result.messages.map((message) => message.getType())).toEqual(['human', 'ai', 'tool', 'ai']);
    const toolMessage = result.messages[2] as BaseMessage & { tool_call_id: string };
    expect(toolMessage.tool_call_id).toBe((result.messages[1] as AIMessage).tool_calls?.[0]?.id);
    expect(result.messages.at(-1)?.text).toContain(String(toolMessage.content));
    expect(recordedHttpBody(getMock().requests[1]).messages.at(-1)).toMatchObject({
      role: 'tool',
      tool_call_id: toolMessage.tool_call_id,
    });
  });

  it('withStructuredOutput returns a value the schema accepts', async () => {
    const Trip = z.object({ city: z.string(), days: z.number().int() });
    const trip = await mockHttpModel(getMock(), { model: 'max' })
      .withStructuredOutput(Trip)
      .invoke('去合肥玩三天');
    expect(Trip.safeParse(trip).success).toBe(true);
  });

  it('bindTools with a named tool_choice forces that tool natively: every tool sent, no prompt added', async () => {
    const mock = getMock();
    const { getWeather, getTime } = cityTools();
    const model = mockHttpModel(mock).bindTools([getWeather, getTime], { tool_choice: 'get_time' });
    const reply = (await model.invoke('合肥今天天气怎么样？')) as AIMessage;
    expect(reply.tool_calls?.map((call) => call.name)).toEqual(['get_time']);
    const body = recordedHttpBody(mock.requests[0]);
    expect(body.tool_choice).toEqual({ type: 'function', function: { name: 'get_time' } });
    expect(mock.requests[0]?.request?.functions.map((fn) => fn.name)).toEqual(['get_weather', 'get_time']);
    expect(body.messages).toEqual([{ role: 'user', content: '合肥今天天气怎么样？' }]);
  });

  it("tool_choice 'any' forces a call the model would not make; 'none' forbids one the model would make", async () => {
    const mock = getMock();
    const { getWeather, getTime } = cityTools();
    const model = mockHttpModel(mock);
    const free = (await model.bindTools([getWeather, getTime]).invoke('你好')) as AIMessage;
    expect(free.tool_calls ?? []).toEqual([]);
    const forced = (await model
      .bindTools([getWeather, getTime], { tool_choice: 'any' })
      .invoke('你好')) as AIMessage;
    expect(forced.tool_calls).toHaveLength(1);
    const asked = (await model.bindTools([getWeather]).invoke('合肥天气')) as AIMessage;
    expect(asked.tool_calls).toHaveLength(1);
    const forbidden = (await model
      .bindTools([getWeather], { tool_choice: 'none' })
      .invoke('合肥天气')) as AIMessage;
    expect(forbidden.tool_calls ?? []).toEqual([]);
    expect(forbidden.text).not.toBe('');
    expect(mock.requests.map((record) => record.request?.toolChoice)).toEqual([
      undefined,
      'required',
      undefined,
      'none',
    ]);
    await expect(model.bindTools([getWeather], { tool_choice: 'get_time' }).invoke('你好')).rejects.toThrow(
      SparkInvalidRequestError,
    );
  });

  it("withStructuredOutput method jsonMode turns on Spark's JSON mode; functionCalling forces the function", async () => {
    const mock = getMock();
    const Answer = z.object({ answer: z.string() });
    const model = mockHttpModel(mock, { model: 'max' });
    const json = await model.withStructuredOutput(Answer, { method: 'jsonMode' }).invoke('合肥在哪个省？');
    expect(Answer.safeParse(json).success).toBe(true);
    const jsonBody = recordedHttpBody(mock.requests[0]);
    expect(jsonBody.response_format).toEqual({ type: 'json_object' });
    expect(jsonBody).not.toHaveProperty('tools');

    const Trip = z.object({ city: z.string(), days: z.number().int() });
    const trip = await model
      .withStructuredOutput(Trip, { method: 'functionCalling', name: 'trip' })
      .invoke('去合肥玩三天');
    expect(Trip.safeParse(trip).success).toBe(true);
    const toolBody = recordedHttpBody(mock.requests[1]);
    expect(toolBody.tool_choice).toEqual({ type: 'function', function: { name: 'trip' } });
    expect(toolBody.messages).toEqual([{ role: 'user', content: '去合肥玩三天' }]);
  });

  it("responseFormat: 'json_object' is sent over HTTP, and refused over WebSocket before any network", async () => {
    const mock = getMock();
    const reply = await mockHttpModel(mock, { responseFormat: 'json_object' }).invoke('用 JSON 介绍合肥');
    expect(JSON.parse(reply.text)).toEqual(expect.any(Object));
    expect(recordedHttpBody(mock.requests[0]).response_format).toEqual({ type: 'json_object' });
    await expect(mockModel(mock, { responseFormat: 'json_object' }).invoke('你好')).rejects.toThrow(
      /responseFormat must be left out on WebSocket/,
    );
    expect(mock.requests).toHaveLength(1);
  });
});
